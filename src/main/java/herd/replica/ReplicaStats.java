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

  /** Per neighbour: the last catch-up this node sent it and the last one it finished sending us. */
  public record CatchUps(Instant lastSent, long sentUpdates, long sentBytes, Instant lastAsked, Instant lastReceived) {
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

  void catchUpAsked(String neighbour) {
    catchUps.compute(neighbour, (n, held) -> held == null ? new CatchUps(null, 0, 0, Instant.now(), null)
        : new CatchUps(held.lastSent(), held.sentUpdates(), held.sentBytes(), Instant.now(), held.lastReceived()));
  }

  void catchUpSent(String neighbour, long updates, long bytes) {
    catchUps.compute(neighbour, (n, held) -> new CatchUps(Instant.now(), updates, bytes,
        held == null ? null : held.lastAsked(), held == null ? null : held.lastReceived()));
  }

  void caughtUp(String neighbour) {
    catchUps.compute(neighbour, (n, held) -> held == null ? new CatchUps(null, 0, 0, null, Instant.now())
        : new CatchUps(held.lastSent(), held.sentUpdates(), held.sentBytes(), held.lastAsked(), Instant.now()));
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
