package herd.peer;

import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before re-dialling a neighbour: doubling from {@code initialMillis}, never above {@code maxMillis},
 * each wait shortened or stretched at random by up to {@code jitter} of itself so that nodes restarted together do not
 * dial in step. The wait starts over from {@code initialMillis} only after a link stayed up {@code stableMillis}: a
 * neighbour that accepts and then drops the link at once is re-dialled ever more slowly, not a hundred times a second.
 */
public record Backoff(long initialMillis, long maxMillis, long stableMillis, double jitter) {

  public static final Backoff DEFAULT = new Backoff(100, 5_000, 3_000, 0.2);

  public Backoff {
    if (initialMillis < 1 || maxMillis < initialMillis || stableMillis < 0 || jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException("backoff needs 1 <= initial <= max, stable >= 0 and 0 <= jitter < 1");
    }
  }

  /** The wait after {@code previousMillis} (0: none yet), before jitter. */
  public long after(long previousMillis) {
    return previousMillis <= 0 ? initialMillis : Math.min(maxMillis, previousMillis * 2);
  }

  /** {@code millis} shortened or stretched at random by up to the jitter, at least 1. */
  public long jittered(long millis) {
    double factor = 1 + jitter * (2 * ThreadLocalRandom.current().nextDouble() - 1);
    return Math.max(1, Math.round(millis * factor));
  }

  /** Whether a link that was up this long has earned a fresh start of the backoff when it drops. */
  public boolean stable(long upMillis) {
    return upMillis >= stableMillis;
  }
}
