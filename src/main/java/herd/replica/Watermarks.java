package herd.replica;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far this node has every update of each origin: an origin's watermark W means every update it made with a clock
 * up to W is held here, or was beaten by something held here. Updates arrive out of order over several paths; each
 * names its origin's previous update, so one whose predecessor is covered moves the watermark on, and one that
 * arrives early waits (a bounded number) until the gap is filled, by flood or by catch-up. Not thread-safe: the
 * replica calls it under its lock.
 */
final class Watermarks {

  /** Early arrivals kept per origin; past this, they are forgotten and left to the next catch-up. */
  static final int MAX_EARLY = 100_000;

  private final Map<String, Long> covered = new HashMap<>();
  private final Map<String, TreeMap<Long, Long>> early = new HashMap<>();
  private final Map<String, Long> changed = new LinkedHashMap<>();

  long of(String origin) {
    return covered.getOrDefault(origin, 0L);
  }

  /** Takes note of an update {@code hlc} of {@code origin} whose predecessor was {@code prev}. */
  void saw(String origin, long hlc, long prev) {
    long w = of(origin);
    if (hlc <= w) {
      return;
    }
    if (prev > w) {
      TreeMap<Long, Long> waiting = early.computeIfAbsent(origin, o -> new TreeMap<>());
      if (waiting.size() >= MAX_EARLY) {
        waiting.clear();
      }
      waiting.put(hlc, prev);
      return;
    }
    advance(origin, hlc);
  }

  /**
   * Moves this node's own origin on to a write it just made; its caller persists it with the write. Nothing arrives
   * early from oneself, so there is nothing to chain.
   */
  void wrote(String origin, long hlc) {
    covered.put(origin, hlc);
  }

  /** Raises an origin's watermark to what a neighbour's finished catch-up vouches for. */
  void raise(String origin, long to) {
    if (to > of(origin)) {
      advance(origin, to);
    }
  }

  private void advance(String origin, long to) {
    long w = to;
    TreeMap<Long, Long> waiting = early.get(origin);
    if (waiting != null) {
      waiting.headMap(w, true).clear();
      while (!waiting.isEmpty() && waiting.firstEntry().getValue() <= w) {
        w = waiting.pollFirstEntry().getKey();
      }
      if (waiting.isEmpty()) {
        early.remove(origin);
      }
    }
    covered.put(origin, w);
    changed.put(origin, w);
  }

  /** Whether some update arrived ahead of a gap that is not yet filled. */
  boolean hasGaps() {
    return !early.isEmpty();
  }

  /** Every origin's watermark, for a catch-up request or a vector to persist. */
  Map<String, Long> all() {
    return new HashMap<>(covered);
  }

  /** The watermarks changed since the last call, to persist with the updates that moved them. */
  Map<String, Long> takeChanged() {
    if (changed.isEmpty()) {
      return Map.of();
    }
    Map<String, Long> taken = new LinkedHashMap<>(changed);
    changed.clear();
    return taken;
  }

  /** Restores a persisted watermark, without counting it as changed. */
  void restore(String origin, long w) {
    covered.put(origin, w);
  }
}
