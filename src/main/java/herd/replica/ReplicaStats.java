package herd.replica;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts of what the replica did, by kind of update and by neighbour, for logs, status and metrics. */
public final class ReplicaStats {

  /** Per kind: client writes stored, neighbours' updates that were news, updates flooded, updates refused. */
  public record KindCounts(LongAdder accepted, LongAdder received, LongAdder flooded, LongAdder refused) {
    KindCounts() {
      this(new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder());
    }
  }

  /**
   * Per neighbour: the last catch-up this node sent it (when, updates, bytes), when this node last asked it for one,
   * and when the last one it sent us ended, with the updates that arrived from it meanwhile.
   */
  public record CatchUps(Instant lastSent, long sentUpdates, long sentBytes, Instant lastAsked, Instant lastReceived,
      long receivedUpdates) {
  }

  private final Map<String, KindCounts> kinds = new ConcurrentHashMap<>();
  private final Map<String, CatchUps> catchUps = new ConcurrentHashMap<>();
  private final LongAdder malformed = new LongAdder();

  void accepted(String kind) {
    of(kind).accepted().increment();
  }

  void received(String kind) {
    of(kind).received().increment();
  }

  void flooded(String kind) {
    of(kind).flooded().increment();
  }

  void refused(String kind, Applied.Result why) {
    if (why != Applied.Result.STALE) {
      of(kind).refused().increment();
    }
  }

  void malformedReceived() {
    malformed.increment();
  }

  private static final CatchUps NONE = new CatchUps(null, 0, 0, null, null, 0);

  void catchUpAsked(String neighbour) {
    catchUps.compute(neighbour, (n, held) -> {
      CatchUps was = held == null ? NONE : held;
      return new CatchUps(was.lastSent(), was.sentUpdates(), was.sentBytes(), Instant.now(), was.lastReceived(),
          was.receivedUpdates());
    });
  }

  void catchUpSent(String neighbour, long updates, long bytes) {
    catchUps.compute(neighbour, (n, held) -> {
      CatchUps was = held == null ? NONE : held;
      return new CatchUps(Instant.now(), updates, bytes, was.lastAsked(), was.lastReceived(), was.receivedUpdates());
    });
  }

  void caughtUp(String neighbour, long updates) {
    catchUps.compute(neighbour, (n, held) -> {
      CatchUps was = held == null ? NONE : held;
      return new CatchUps(was.lastSent(), was.sentUpdates(), was.sentBytes(), was.lastAsked(), Instant.now(), updates);
    });
  }

  private KindCounts of(String kind) {
    return kinds.computeIfAbsent(kind, k -> new KindCounts());
  }

  public Map<String, KindCounts> kinds() {
    return kinds;
  }

  public Map<String, CatchUps> catchUps() {
    return catchUps;
  }

  public long malformed() {
    return malformed.sum();
  }
}
