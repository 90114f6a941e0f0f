package herd.replica;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A hybrid logical clock in microseconds: each reading is later than every earlier one and than every version the
 * node has accepted from elsewhere, so a write accepted here overwrites whatever the node already holds even when
 * another node's wall clock runs ahead. A version further ahead of this node's wall clock than the allowed skew is
 * not to be accepted at all, so one bad or hostile writer cannot drag every clock into the far future.
 */
public final class HybridClock {

  private final LongSupplier wallMicros;
  private final long maxSkewMicros;
  private final AtomicLong last = new AtomicLong();

  public HybridClock(LongSupplier wallMicros, long maxSkewMicros) {
    this.wallMicros = wallMicros;
    this.maxSkewMicros = maxSkewMicros;
  }

  public static HybridClock system(long maxSkewMillis) {
    return new HybridClock(() -> System.currentTimeMillis() * 1000, TimeUnit.MILLISECONDS.toMicros(maxSkewMillis));
  }

  public long next() {
    long now = wallMicros.getAsLong();
    return last.updateAndGet(previous -> Math.max(previous + 1, now));
  }

  /** Whether a version stamped {@code hlc} elsewhere is too far in this node's future to accept. */
  public boolean isTooFarAhead(long hlc) {
    return hlc - wallMicros.getAsLong() > maxSkewMicros;
  }

  /** Takes note of a version accepted from elsewhere. */
  public void observe(long hlc) {
    last.accumulateAndGet(hlc, Math::max);
  }
}
