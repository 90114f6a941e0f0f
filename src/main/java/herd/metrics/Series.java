package herd.metrics;

import herd.replica.Applied;
import herd.replica.Origins;
import herd.replica.Version;
import io.vertx.core.shareddata.Shareable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One key's points, in ascending timestamp order, in four parallel primitive arrays (28 bytes a point: timestamp,
 * value, and the version that wrote it as a clock and an origin number). Shared by
 * every verticle of the node through the store's map, so every method is synchronized and {@link #copy()} is the
 * object itself.
 */
final class Series implements Shareable {

  private static final int FIRST_CAPACITY = 4;

  private final byte[] keyBytes;
  private final long rank;
  private long[] timestamps = new long[FIRST_CAPACITY];
  private double[] values = new double[FIRST_CAPACITY];
  private long[] clocks = new long[FIRST_CAPACITY];
  private int[] origins = new int[FIRST_CAPACITY];
  private int size;

  Series(String key, long rank) {
    this.keyBytes = key.getBytes(StandardCharsets.ISO_8859_1);
    this.rank = rank;
  }

  byte[] keyBytes() {
    return keyBytes;
  }

  /** The order in which this node first stored the key. */
  long rank() {
    return rank;
  }

  /**
   * Stores the point unless a point with the same timestamp holds a version at least as high, or the point is new
   * and {@code mayAdd} is false.
   */
  synchronized Applied offer(long timestamp, double value, Version version, Origins table, boolean mayAdd) {
    int at = find(timestamp);
    if (at >= 0) {
      Version held = table.version(clocks[at], origins[at]);
      if (!version.isNewerThan(held)) {
        return Applied.STALE;
      }
      values[at] = value;
      clocks[at] = version.hlc();
      origins[at] = table.number(version.origin());
      return Applied.replacing(held);
    }
    if (!mayAdd) {
      return Applied.FULL;
    }
    insert(-at - 1, timestamp, value, version.hlc(), table.number(version.origin()));
    return Applied.ADDED;
  }

  /** At most {@code max} points from {@code timestamp} on: a reply can copy a long series a slice at a time. */
  synchronized Points points(long timestamp, int max) {
    int from = Arrays.binarySearch(timestamps, 0, size, timestamp);
    if (from < 0) {
      from = -from - 1;
    }
    int to = from + Math.min(max, size - from);
    return new Points(Arrays.copyOfRange(timestamps, from, to), Arrays.copyOfRange(values, from, to));
  }

  @Override
  public Series copy() {
    return this;
  }

  /** Index of the timestamp, or {@code -(insertion point) - 1}; appending a later timestamp is the fast case. */
  private int find(long timestamp) {
    if (size == 0 || timestamps[size - 1] < timestamp) {
      return -size - 1;
    }
    return Arrays.binarySearch(timestamps, 0, size, timestamp);
  }

  private void insert(int at, long timestamp, double value, long clock, int origin) {
    if (size == timestamps.length) {
      int capacity = size + (size >> 2) + FIRST_CAPACITY;
      timestamps = Arrays.copyOf(timestamps, capacity);
      values = Arrays.copyOf(values, capacity);
      clocks = Arrays.copyOf(clocks, capacity);
      origins = Arrays.copyOf(origins, capacity);
    }
    int tail = size - at;
    if (tail > 0) {
      System.arraycopy(timestamps, at, timestamps, at + 1, tail);
      System.arraycopy(values, at, values, at + 1, tail);
      System.arraycopy(clocks, at, clocks, at + 1, tail);
      System.arraycopy(origins, at, origins, at + 1, tail);
    }
    timestamps[at] = timestamp;
    values[at] = value;
    clocks[at] = clock;
    origins[at] = origin;
    size++;
  }

  /** A copy of a series' points, safe to format outside its lock. */
  record Points(long[] timestamps, double[] values) {
  }
}
