package herd.replica;

import herd.log.LogText;
import herd.peer.PeerLink;
import herd.peer.PeerLinks;
import herd.replica.UpdateLog.Commit;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * The one way replicated state changes. A client's write and a neighbour's update both come here: the kind's store
 * decides whether it wins, a winner is committed to the update log (durable under the node's policy) and only then
 * handed to every linked neighbour (but the one it came from) and acknowledged. Whenever a link comes up, each side
 * asks the other for what it lacks ({@link Vectors}) and is sent it from the log ({@link LogScan}); what arrives is
 * applied like any update and passed on only where it is news, so every flood ends.
 *
 * <p>Commits are written once per pass of the event loop that made them. The client writes of a pass wait until the
 * loop has read all its sockets, then are applied and written in one turn of the lock; a neighbour's update is
 * applied at once, and the first of a pass schedules a flush for the end of the pass. Whatever every thread
 * committed meanwhile goes in that one write. The replica's lock orders it all, so floods leave in the order their
 * versions were made.
 */
public final class Replica {

  /** What became of a client's write. */
  public enum Written {
    /** Stored, durable and handed to the neighbours. */
    STORED,
    /** Lost to what the store holds (an older location): nothing to store or flood. */
    STALE,
    /** The store is full. */
    FULL,
    /** The store could not make it durable: never acknowledge it. */
    FAILED
  }

  private static final CatchUpStream PENDING = new CatchUpStream(null, null, null, null);
  private static final long GAP_CHECK_MILLIS = 2_000;
  /** A neighbour that sent nothing of the catch-up we asked for in this long is passed over for the next one. */
  private static final long STALLED_CATCH_UP_NANOS = 5_000_000_000L;

  private final Vertx vertx;
  private final String nodeName;
  private final ReplicaConfig config;
  private final HybridClock clock;
  private final PeerLinks peers;
  private final Logger log;
  private final RefusalLog refusals;
  private final Map<String, UpdateKind<?>> kinds = new ConcurrentHashMap<>();
  private final Set<String> warnedFull = ConcurrentHashMap.newKeySet();
  private final Watermarks watermarks = new Watermarks();
  /** The catch-up being sent to each neighbour; {@link #PENDING} while its scan is being set up. */
  private final Map<String, CatchUpStream> streams = new ConcurrentHashMap<>();
  private final ReplicaStats stats = new ReplicaStats();
  private final Promise<Void> ready = Promise.promise();
  private final List<CommitListener> committed = new CopyOnWriteArrayList<>();
  private UpdateLog store;
  private String origin;
  private volatile boolean failed;
  private final Deque<PeerLink> waitingToAsk = new ArrayDeque<>();
  private PeerLink catchingUpFrom;
  private long catchUpProgressNanos;
  private long catchUpReceived;
  private long gapTimer = -1;
  private boolean gapSeen;
  private int nextRepairLink;
  private boolean flushScheduled;
  /** Each event loop's client writes of its current pass, not yet applied. */
  private final ThreadLocal<List<ClientWrite<?>>> pending = ThreadLocal.withInitial(ArrayList::new);

  public Replica(Vertx vertx, String nodeName, ReplicaConfig config, HybridClock clock, PeerLinks peers,
      Logger log) {
    this.vertx = vertx;
    this.nodeName = nodeName;
    this.config = config;
    this.clock = clock;
    this.peers = peers;
    this.log = log;
    this.refusals = new RefusalLog(log);
  }

  /** Adds a kind of update; call before {@link #open}. */
  public void register(UpdateKind<?> kind) {
    if (kinds.putIfAbsent(kind.name(), kind) != null) {
      throw new IllegalStateException("update kind " + kind.name() + " is taken");
    }
    stats.kind(kind.name());
  }

  /** Told of every update this node stored, a client's or a neighbour's, once it is durable. */
  public interface CommitListener {
    /** {@code from} is the neighbour it came from, null for a client's write. Called on any thread: be quick. */
    void committed(Envelope update, String from);

    /** An update the node held before it started, read back from its store (in no particular order). */
    default void restored(Envelope update) {
    }
  }

  /** Adds a listener of updates as they are committed, and of those restored at start. */
  public void onCommitted(CommitListener listener) {
    committed.add(listener);
  }

  /**
   * Opens the store and restores every kind's state from it (off the event loop), then starts listening to the
   * neighbours. Fails with a one-line {@link StoreException} if the data directory cannot be used.
   */
  public Future<Void> open() {
    long started = System.nanoTime();
    vertx.<UpdateLog.Restored>executeBlocking(() -> {
      store = UpdateLog.open(config.dataDir(), config.durability(), config.maxDataBytes());
      return store.restore(this::restoreLine, nodeName);
    }, false).onComplete(opened -> {
      if (opened.failed()) {
        ready.fail(opened.cause());
        return;
      }
      origin = opened.result().originId();
      opened.result().watermarks().forEach((restoredOrigin, w) -> {
        watermarks.restore(restoredOrigin, w);
        clock.observe(w);
      });
      peers.register(Envelope.WORD, this::receive);
      peers.register(Vectors.REQUEST, this::catchUpRequested);
      peers.register(Vectors.DONE, this::caughtUp);
      peers.register(CatchUpStream.PIECE, this::pieceReceived);
      peers.register(CatchUpStream.ACK, this::pieceApplied);
      peers.onLinkUp(this::askForWhatIsMissing);
      peers.onLinkDown(this::linkDown);
      gapTimer = vertx.setPeriodic(GAP_CHECK_MILLIS, t -> repairGaps());
      log.info("store {} ({}): {} updates restored in {} ms, origin {}",
          config.durability() == Durability.MEMORY ? "in memory" : config.dataDir(), config.durability().configName(),
          opened.result().updates(), (System.nanoTime() - started) / 1_000_000, origin);
      ready.complete();
    });
    return ready.future();
  }

  /** Completes once the state is restored: clients are answered only then. */
  public Future<Void> ready() {
    return ready.future();
  }

  private void restoreLine(String line) {
    Envelope envelope = Envelope.parse(line);
    UpdateKind<?> kind = envelope == null ? null : kinds.get(envelope.kind());
    if (kind == null || !restore(kind, envelope)) {
      throw new StoreException("the data directory " + config.dataDir() + " holds an update this node cannot read: "
          + LogText.quote(line.length() > 200 ? line.substring(0, 200) : line));
    }
    clock.observe(envelope.hlc());
    committed.forEach(listener -> listener.restored(envelope));
  }

  private <T> boolean restore(UpdateKind<T> kind, Envelope envelope) {
    T value = kind.decode(envelope.payload());
    if (value != null) {
      kind.apply(value, envelope.version());
    }
    return value != null;
  }

  /**
   * A client's write: stamped with a new version of this node, stored if it wins, made durable and flooded. On an
   * event loop the writes of one pass are applied together once the loop has read its sockets (one turn of the
   * replica's lock for them all, not one each: the loops would otherwise pass the lock and the state behind it to
   * each other for every write); a read calls {@link #applyPending} first, so it sees every write made before it.
   */
  public <T> Future<Written> write(UpdateKind<T> kind, T value) {
    Promise<Written> written = Promise.promise();
    Context context = Vertx.currentContext();
    if (context == null || !context.isEventLoopContext()) {
      synchronized (this) {
        apply(new ClientWrite<>(kind, value, written));
      }
      return written.future();
    }
    List<ClientWrite<?>> writes = pending.get();
    writes.add(new ClientWrite<>(kind, value, written));
    if (writes.size() == 1) {
      context.runOnContext(v -> endOfPass());
    }
    return written.future();
  }

  /** Applies the client writes this thread made and the replica has not applied yet. */
  public void applyPending() {
    List<ClientWrite<?>> writes = takePending();
    if (!writes.isEmpty()) {
      synchronized (this) {
        writes.forEach(this::apply);
      }
    }
  }

  /** Once the loop has read its sockets: the pass's client writes applied, and written, in one turn of the lock. */
  private void endOfPass() {
    List<ClientWrite<?>> writes = takePending();
    if (writes.isEmpty()) {
      return;
    }
    synchronized (this) {
      // what these writes commit is written right below, not by a flush of its own
      flushScheduled = true;
      writes.forEach(this::apply);
      flush();
    }
  }

  /** This thread's pending writes; a write that completes may lead to another, which waits for the next turn. */
  private List<ClientWrite<?>> takePending() {
    List<ClientWrite<?>> writes = pending.get();
    if (!writes.isEmpty()) {
      pending.set(new ArrayList<>());
    }
    return writes;
  }

  private record ClientWrite<T>(UpdateKind<T> kind, T value, Promise<Written> written) {
  }

  private <T> void apply(ClientWrite<T> write) {
    if (failed) {
      write.written().complete(Written.FAILED);
      return;
    }
    UpdateKind<T> kind = write.kind();
    long prev = watermarks.of(origin);
    long hlc = clock.next();
    Applied applied = offer(kind, write.value(), new Version(hlc, origin));
    if (!applied.isNews()) {
      stats.refused(kind.name(), applied.result());
      write.written().complete(applied.result() == Applied.Result.FULL ? Written.FULL : Written.STALE);
      return;
    }
    watermarks.wrote(origin, hlc);
    stats.accepted(kind.name());
    Envelope envelope = new Envelope(origin, hlc, prev, kind.name(), kind.encode(write.value()));
    commit(envelope, envelope.bytes(), applied.replaced(), Map.of(origin, hlc), null,
        done -> write.written().complete(done ? Written.STORED : Written.FAILED));
  }

  /**
   * A value some other node holds, already versioned there (a key-value read-through): stored here under its own
   * version if it wins, made durable and flooded like a neighbour's update, so it reaches every node even where the
   * origin's own flood now stops as old news. No watermark moves here, for this node has not seen the origin's
   * updates before it, and its envelope names {@code hlc - 1} as the origin's previous clock, the one claim true
   * whatever came before: a receiver holds it as an early arrival until the origin's own updates or a catch-up
   * cover it, and never counts an update it lacks as received.
   */
  public <T> Future<Written> adopt(UpdateKind<T> kind, T value, Version version) {
    Promise<Written> written = Promise.promise();
    synchronized (this) {
      if (failed) {
        return Future.succeededFuture(Written.FAILED);
      }
      if (version.hlc() < 1 || !Origins.isValidId(version.origin()) || clock.isTooFarAhead(version.hlc())) {
        return Future.succeededFuture(Written.STALE);
      }
      clock.observe(version.hlc());
      Applied applied = offer(kind, value, version);
      if (!applied.isNews()) {
        return Future.succeededFuture(applied.result() == Applied.Result.FULL ? Written.FULL : Written.STALE);
      }
      stats.received(kind.name());
      Envelope envelope = new Envelope(version.origin(), version.hlc(), version.hlc() - 1, kind.name(),
          kind.encode(value));
      commit(envelope, envelope.bytes(), applied.replaced(), Map.of(), null,
          done -> written.complete(done ? Written.STORED : Written.FAILED));
    }
    return written.future();
  }

  private void receive(PeerLink from, String line) {
    Envelope envelope = Envelope.parse(line);
    UpdateKind<?> kind = envelope == null ? null : kinds.get(envelope.kind());
    if (kind == null) {
      stats.malformedReceived();
      refusals.warn("from {}: malformed update dropped: {}", from.neighbour(), LogText.quote(cut(line)));
      return;
    }
    receive(from, kind, envelope, line);
  }

  private <T> void receive(PeerLink from, UpdateKind<T> kind, Envelope envelope, String line) {
    T value = kind.decode(envelope.payload());
    if (value == null) {
      stats.malformedReceived();
      refusals.warn("from {}: malformed {} dropped: {}", from.neighbour(), kind.name(), LogText.quote(cut(line)));
      return;
    }
    synchronized (this) {
      if (failed) {
        return;
      }
      if (catchingUpFrom == from) {
        catchUpProgressNanos = System.nanoTime();
        catchUpReceived++;
      }
      if (clock.isTooFarAhead(envelope.hlc())) {
        stats.refused(kind.name(), null);
        refusals.warn("from {}: update of {} refused, its clock {} is more than {} s ahead of ours",
            from.neighbour(), envelope.origin(), envelope.hlc(), config.maxSkewMillis() / 1000);
        return;
      }
      clock.observe(envelope.hlc());
      Applied applied = offer(kind, value, envelope.version());
      watermarks.saw(envelope.origin(), envelope.hlc(), envelope.prev());
      if (applied.isNews()) {
        stats.received(kind.name());
        commit(envelope, line.getBytes(StandardCharsets.ISO_8859_1), applied.replaced(), watermarks.takeChanged(),
            from.neighbour(), done -> { });
      } else {
        commitWatermarks();
      }
    }
  }

  /** Offers an update to its kind's store; the first time the store is full, says so in the log. */
  private <T> Applied offer(UpdateKind<T> kind, T value, Version version) {
    Applied applied = kind.apply(value, version);
    if (applied.result() == Applied.Result.FULL && warnedFull.add(kind.name())) {
      log.warn("the store of {} updates is full: new ones are refused, what it holds can still change", kind.name());
    }
    return applied;
  }

  /** Hands a winning update to the log; once durable, floods it (but back to {@code from}) and reports. */
  private void commit(Envelope envelope, byte[] line, Version replaced, Map<String, Long> movedWatermarks, String from,
      Consumer<Boolean> done) {
    store.append(new Commit(LogKeys.of(envelope.origin(), envelope.hlc()), line,
        replaced == null ? null : LogKeys.of(replaced), movedWatermarks,
        result -> {
          if (result.failed()) {
            fail(result.cause());
            done.accept(false);
            return;
          }
          if (peers.anyUp()) {
            Buffer flood = Buffer.buffer(line.length + 1).appendBytes(line).appendByte((byte) '\n');
            peers.flood(flood, from).onComplete(sent -> done.accept(true));
          } else {
            done.accept(true);
          }
          stats.flooded(envelope.kind());
          committed.forEach(listener -> listener.committed(envelope, from));
        }));
    flushAtEndOfPass();
  }

  private void commitWatermarks() {
    Map<String, Long> changed = watermarks.takeChanged();
    if (!changed.isEmpty()) {
      store.append(new Commit(null, null, null, changed, result -> {
        if (result.failed()) {
          fail(result.cause());
        }
      }));
      flushAtEndOfPass();
    }
  }

  /** Called under the lock: the first commit since the last flush schedules the next one on this thread's loop. */
  private void flushAtEndOfPass() {
    if (!flushScheduled) {
      flushScheduled = true;
      vertx.getOrCreateContext().runOnContext(v -> flush());
    }
  }

  private synchronized void flush() {
    flushScheduled = false;
    store.flush();
  }

  private void fail(Throwable cause) {
    if (!failed) {
      failed = true;
      log.error("store failed, refusing every write from now on: {}", cause.getMessage());
    }
  }

  /** Whether the store failed: the node serves reads but refuses writes. */
  public boolean failed() {
    return failed;
  }

  /**
   * Asks a neighbour whose link came up for what this node lacks. One neighbour at a time: the next is asked once
   * the first has caught us up, with the watermarks that raised, so a node that was away long receives the gap once,
   * not once per link.
   */
  private void askForWhatIsMissing(PeerLink link) {
    String request;
    synchronized (this) {
      if (catchingUpFrom != null && catchingUpFrom.isUp() && catchingUpFrom != link) {
        waitingToAsk.remove(link);
        waitingToAsk.add(link);
        return;
      }
      catchingUpFrom = link;
      catchUpProgressNanos = System.nanoTime();
      catchUpReceived = 0;
      request = Vectors.line(Vectors.REQUEST, watermarks.all());
    }
    stats.catchUpAsked(link.neighbour());
    link.send(Buffer.buffer(request));
  }

  /** The neighbour that was catching us up is done, gone or stalled: ask the next one waiting whose link is up. */
  private void askNext() {
    PeerLink next;
    synchronized (this) {
      catchingUpFrom = null;
      do {
        next = waitingToAsk.poll();
      } while (next != null && !next.isUp());
    }
    if (next != null) {
      askForWhatIsMissing(next);
    }
  }

  private void catchUpRequested(PeerLink from, String line) {
    Map<String, Long> vector = Vectors.parse(line);
    if (vector == null) {
      refusals.warn("from {}: malformed catch-up request dropped", from.neighbour());
      return;
    }
    if (streams.putIfAbsent(from.neighbour(), PENDING) != null) {
      log.info("catch-up to {}: one is already running", from.neighbour());
      return;
    }
    vertx.executeBlocking(() -> store.scanFor(vector), false).onComplete(scanned -> {
      if (scanned.failed()) {
        streams.remove(from.neighbour(), PENDING);
        log.warn("catch-up to {} not started: {}", from.neighbour(), scanned.cause().getMessage());
        return;
      }
      CatchUpStream stream = new CatchUpStream(vertx, from, scanned.result(), this::catchUpEnded);
      streams.put(from.neighbour(), stream);
      stream.start();
    });
  }

  /** A neighbour applied a piece of the catch-up this node is sending it: the next may go. */
  private void pieceApplied(PeerLink from, String line) {
    CatchUpStream stream = streams.get(from.neighbour());
    long piece = Envelope.parseClock(line.substring(Math.min(line.length(), CatchUpStream.ACK.length() + 1)));
    if (stream != null && stream != PENDING && stream.link() == from && piece > 0) {
      stream.acked(piece);
    }
  }

  /** A piece of a catch-up this node asked for has been applied (lines are applied in order): say so. */
  private void pieceReceived(PeerLink from, String line) {
    from.send(Buffer.buffer(CatchUpStream.ACK + line.substring(CatchUpStream.PIECE.length()) + "\n"));
  }

  /** A catch-up waiting for a neighbour's acknowledgement on a link that dropped will never get it. */
  private void linkDown(PeerLink link) {
    CatchUpStream stream = streams.get(link.neighbour());
    if (stream != null && stream != PENDING && stream.link() == link) {
      stream.abort();
    }
  }

  private void catchUpEnded(CatchUpStream stream, Throwable failure) {
    String neighbour = stream.link().neighbour();
    LogScan scan = stream.scan();
    if (failure == null) {
      stats.catchUpSent(neighbour, scan.updates(), scan.bytes());
      log.info("catch-up to {}: {} updates, {} bytes in {} ms", neighbour, scan.updates(), scan.bytes(),
          stream.millis());
    } else {
      log.info("catch-up to {} cut short after {} updates: {}", neighbour, scan.updates(), failure.getMessage());
    }
    streams.remove(neighbour, stream);
    store.release(scan);
  }

  private void caughtUp(PeerLink from, String line) {
    Map<String, Long> vouched = Vectors.parse(line);
    if (vouched == null) {
      refusals.warn("from {}: malformed end of catch-up dropped", from.neighbour());
      return;
    }
    boolean asked;
    long received;
    synchronized (this) {
      vouched.forEach(watermarks::raise);
      commitWatermarks();
      asked = catchingUpFrom != null && catchingUpFrom.neighbour().equals(from.neighbour());
      received = asked ? catchUpReceived : 0;
    }
    stats.caughtUp(from.neighbour(), received);
    log.info("catch-up from {} done: {} updates received meanwhile", from.neighbour(), received);
    if (asked) {
      askNext();
    }
  }

  /** An update lost on a link that dropped leaves a gap no flood fills: ask a neighbour for it. */
  private void repairGaps() {
    boolean gaps;
    boolean askerGone;
    synchronized (this) {
      gaps = watermarks.hasGaps();
      askerGone = catchingUpFrom != null && (!catchingUpFrom.isUp()
          || System.nanoTime() - catchUpProgressNanos > STALLED_CATCH_UP_NANOS);
    }
    if (askerGone) {
      askNext();
    }
    if (gaps && gapSeen) {
      List<PeerLink> up = new ArrayList<>(peers.upLinks());
      if (!up.isEmpty()) {
        PeerLink link = up.get(Math.floorMod(nextRepairLink++, up.size()));
        log.info("updates missing: asking {} to catch us up", link.neighbour());
        askForWhatIsMissing(link);
      }
    }
    gapSeen = gaps;
  }

  public ReplicaStats stats() {
    return stats;
  }

  public Durability durability() {
    return config.durability();
  }

  /** Stops taking part and closes the store once every queued write is done. */
  public Future<Void> close() {
    if (gapTimer >= 0) {
      vertx.cancelTimer(gapTimer);
    }
    UpdateLog closing = store;
    if (closing == null) {
      return Future.succeededFuture();
    }
    synchronized (this) {
      failed = true;
      closing.flush();
    }
    return vertx.executeBlocking(() -> {
      closing.close();
      return null;
    }, false);
  }

  private static String cut(String line) {
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
