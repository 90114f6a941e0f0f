package herd.bench;

import java.util.Arrays;

/** What one load run measured: replies per second over the measured window and their latency percentiles. */
public record LoadResult(String target, int connections, int depth, long replies, double seconds,
    long[] sortedLatencyNanos) {

  public double perSecond() {
    return replies / seconds;
  }

  /** The latency at or under which the given fraction of replies came, in microseconds. */
  public double percentileMicros(double fraction) {
    if (sortedLatencyNanos.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.min(sortedLatencyNanos.length - 1, Math.ceil(fraction * sortedLatencyNanos.length) - 1);
    return sortedLatencyNanos[Math.max(0, index)] / 1000.0;
  }

  static long[] sorted(long[][] parts) {
    long[] all = Arrays.stream(parts).flatMapToLong(Arrays::stream).toArray();
    Arrays.sort(all);
    return all;
  }
}
