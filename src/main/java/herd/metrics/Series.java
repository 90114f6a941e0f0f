package herd.metrics;

import herd.metrics.MetricStore.Outcome;
import io.vertx.core.shareddata.Shareable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One key's points, in ascending timestamp order, in three parallel primitive arrays (24 bytes a point). Shared by
 * every verticle of the node through the store's map, so every method is synchronized and {@link #copy()} is the
 * object itself.
 */
final class Series implements Shareable {

  private static final int FIRST_CAPACITY = 4;

  private final byte[] keyBytes;
  private final long rank;
  private long[] timestamps = new long[FIRST_CAPACITY];
  private double[] values = new double[FIRST_CAPACITY];
  private long[] versions = new long[FIRST_CAPACITY];
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
  synchronized Outcome offer(long timestamp, double value, long version, Writers writers, boolean mayAdd) {
    int at = find(timestamp);
    if (at >= 0) {
      if (writers.compare(version, versions[at]) <= 0) {
        return Outcome.STALE;
      }
      values[at] = value;
      versions[at] = version;
      return Outcome.REPLACED;
    }
    if (!mayAdd) {
      return Outcome.FULL;
    }
    insert(-at - 1, timestamp, value, version);
    return Outcome.ADDED;
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

  private void insert(int at, long timestamp, double value, long version) {
    if (size == timestamps.length) {
      int capacity = size + (size >> 2) + FIRST_CAPACITY;
      timestamps = Arrays.copyOf(timestamps, capacity);
      values = Arrays.copyOf(values, capacity);
      versions = Arrays.copyOf(versions, capacity);
    }
    int tail = size - at;
    if (tail > 0) {
      System.arraycopy(timestamps, at, timestamps, at + 1, tail);
      System.arraycopy(values, at, values, at + 1, tail);
      System.arraycopy(versions, at, versions, at + 1, tail);
    }
    timestamps[at] = timestamp;
    values[at] = value;
    versions[at] = version;
    size++;
  }

  /** A copy of a series' points, safe to format outside its lock. */
  record Points(long[] timestamps, double[] values) {
  }
}
