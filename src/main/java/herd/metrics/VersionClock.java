package herd.metrics;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A node's clock for versions, in microseconds: each reading is later than every earlier one and than every
 * version the node has seen from its neighbours, so a put accepted here overwrites whatever this node already holds,
 * even when another node's wall clock runs ahead.
 */
public final class VersionClock {

  private final LongSupplier wallMicros;
  private final AtomicLong last = new AtomicLong();

  public VersionClock(LongSupplier wallMicros) {
    this.wallMicros = wallMicros;
  }

  public static VersionClock system() {
    return new VersionClock(() -> System.currentTimeMillis() * 1000);
  }

  public long next() {
    long now = wallMicros.getAsLong();
    return last.updateAndGet(previous -> Math.max(previous + 1, now));
  }

  /** Takes note of a version seen elsewhere. */
  public void observe(long clock) {
    last.accumulateAndGet(clock, Math::max);
  }
}
