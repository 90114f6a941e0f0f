package herd.replica;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Logs refused or malformed updates from neighbours at most once a second, with the count of those not logged, so a
 * neighbour that sends a million bad updates writes a handful of log lines, not a million.
 */
final class RefusalLog {

  private static final long INTERVAL_NANOS = 1_000_000_000L;

  private final Logger log;
  private final AtomicLong nextAllowed = new AtomicLong(Long.MIN_VALUE);
  private final AtomicLong suppressed = new AtomicLong();

  RefusalLog(Logger log) {
    this.log = log;
  }

  void warn(String format, Object... arguments) {
    long now = System.nanoTime();
    long allowed = nextAllowed.get();
    if (allowed != Long.MIN_VALUE && now - allowed < 0 || !nextAllowed.compareAndSet(allowed, now + INTERVAL_NANOS)) {
      suppressed.incrementAndGet();
      return;
    }
    long skipped = suppressed.getAndSet(0);
    log.warn(skipped == 0 ? format : format + " (and " + skipped + " more not logged)", arguments);
  }
}
