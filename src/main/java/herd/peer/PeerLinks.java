package herd.peer;

import herd.node.Endpoint;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * The node's outgoing links: one connection dialled to each neighbour, re-dialled with backoff whenever it drops
 * or cannot be made, forever. Floods go out on these links; what neighbours send arrives on connections they
 * dialled to us. Safe to call from any thread.
 */
public final class PeerLinks {

  /** A link whose neighbour reads slower than this many bytes behind is dropped and re-dialled. */
  static final long MAX_PENDING_BYTES = 64L * 1024 * 1024;

  private final Vertx vertx;
  private final String self;
  private final Map<String, Endpoint> neighbours;
  private final Backoff backoff;
  private final Logger log;
  private final NetClient client;
  private final Context context;
  private final Map<String, Link> up = new ConcurrentHashMap<>();
  private final Map<String, PeerMessageHandler> handlers = new ConcurrentHashMap<>();
  private final List<Handler<PeerLink>> upHandlers = new CopyOnWriteArrayList<>();
  private volatile boolean stopped;

  /** Call on the context that should own the links: their dialling, timers and writes run there. */
  public PeerLinks(Vertx vertx, String self, Map<String, Endpoint> neighbours, Backoff backoff, Logger log) {
    this.vertx = vertx;
    this.self = self;
    this.neighbours = neighbours;
    this.backoff = backoff;
    this.log = log;
    this.client = vertx.createNetClient(new NetClientOptions().setConnectTimeout(2_000).setTcpNoDelay(true));
    this.context = vertx.getOrCreateContext();
  }

  public void start() {
    neighbours.forEach((name, address) -> dial(name, address, 0));
  }

  public Future<Void> stop() {
    stopped = true;
    up.values().forEach(link -> link.socket.close());
    return client.close();
  }

  /** Whether any neighbour's link is up now: with none, there is no one to flood to. */
  public boolean anyUp() {
    return !up.isEmpty();
  }

  public void register(String kind, PeerMessageHandler handler) {
    if (handlers.putIfAbsent(kind, handler) != null) {
      throw new IllegalStateException("peer message kind " + kind + " is taken");
    }
  }

  public void onLinkUp(Handler<PeerLink> handler) {
    upHandlers.add(handler);
  }

  public Optional<PeerLink> link(String neighbour) {
    return Optional.ofNullable(up.get(neighbour));
  }

  public List<PeerLink> upLinks() {
    return List.copyOf(up.values());
  }

  /** A line a neighbour sent on the connection it dialled to us. */
  public void receive(String fromPeer, String line) {
    int space = line.indexOf(' ');
    PeerMessageHandler handler = handlers.get(space < 0 ? line : line.substring(0, space));
    Link link = up.get(fromPeer);
    if (handler == null || link == null) {
      log.warn("from {}: message dropped: {}", fromPeer, herd.log.LogText.quote(line));
    } else {
      handler.receive(link, line);
    }
  }

  public Future<Void> flood(Buffer lines, String except) {
    List<Future<Void>> writes = new ArrayList<>(up.size());
    for (Link link : up.values()) {
      if (!link.name.equals(except)) {
        writes.add(link.send(lines));
      }
    }
    return writes.isEmpty() ? Future.succeededFuture() : Future.join(writes).mapEmpty();
  }

  /**
   * Sends one message (a line without its {@code \n}, Latin-1) to every linked neighbour but {@code fromPeer}
   * (null for none); the future completes once every write has been handed to the kernel.
   */
  public Future<Void> forward(String message, String fromPeer) {
    Buffer bytes = Buffer.buffer((message + "\n").getBytes(StandardCharsets.ISO_8859_1));
    List<Future<Void>> writes = new ArrayList<>(up.size());
    for (Link link : up.values()) {
      if (!link.name.equals(fromPeer)) {
        writes.add(link.send(bytes));
      }
    }
    return writes.isEmpty() ? Future.succeededFuture() : Future.join(writes).mapEmpty();
  }

  private void dial(String name, Endpoint address, long previousDelay) {
    if (stopped) {
      return;
    }
    log.info("link to {} at {}: dialling", name, address);
    client.connect(address.port(), address.host()).onComplete(attempt -> {
      if (attempt.succeeded()) {
        linkUp(name, address, attempt.result());
      } else {
        long delay = backoff.after(previousDelay);
        log.info("link to {} at {}: down ({}), re-dial in {} ms", name, address, attempt.cause().getMessage(), delay);
        vertx.setTimer(delay, t -> dial(name, address, delay));
      }
    });
  }

  private void linkUp(String name, Endpoint address, NetSocket socket) {
    if (stopped) {
      socket.close();
      return;
    }
    Link link = new Link(name, socket);
    socket.write(PeerHello.line(self));
    socket.handler(ignored -> { });
    socket.exceptionHandler(error -> log.info("link to {}: {}", name, error.getMessage()));
    socket.closeHandler(v -> {
      up.remove(name, link);
      if (!stopped) {
        long delay = backoff.after(0);
        log.info("link to {} at {}: dropped, re-dial in {} ms", name, address, delay);
        vertx.setTimer(delay, t -> dial(name, address, delay));
      }
    });
    up.put(name, link);
    log.info("link to {} at {}: up", name, address);
    upHandlers.forEach(handler -> handler.handle(link));
  }

  /**
   * One neighbour's link. Messages may be sent from any event loop; they are queued and written from the link's
   * own context in batches, one write and one flush for all that queued up meanwhile, so a busy node does not
   * pay a task and a system call per message and link.
   */
  private final class Link implements PeerLink {
    final String name;
    final NetSocket socket;
    private final Queue<Outgoing> outbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private final AtomicLong pendingBytes = new AtomicLong();

    Link(String name, NetSocket socket) {
      this.name = name;
      this.socket = socket;
    }

    @Override
    public String neighbour() {
      return name;
    }

    @Override
    public boolean isUp() {
      return up.get(name) == this;
    }

    @Override
    public Future<Void> send(Buffer bytes) {
      if (pendingBytes.addAndGet(bytes.length()) > MAX_PENDING_BYTES) {
        log.warn("link to {}: more than {} bytes unread, dropping the link", name, MAX_PENDING_BYTES);
        socket.close();
        return Future.succeededFuture();
      }
      Promise<Void> written = Promise.promise();
      outbox.add(new Outgoing(bytes, written));
      if (flushScheduled.compareAndSet(false, true)) {
        context.runOnContext(v -> flush());
      }
      return written.future();
    }

    private void flush() {
      flushScheduled.set(false);
      Buffer batch = Buffer.buffer();
      List<Promise<Void>> written = new ArrayList<>();
      for (Outgoing next = outbox.poll(); next != null; next = outbox.poll()) {
        batch.appendBuffer(next.bytes());
        written.add(next.written());
      }
      if (written.isEmpty()) {
        return;
      }
      int size = batch.length();
      socket.write(batch).onComplete(result -> {
        pendingBytes.addAndGet(-size);
        written.forEach(promise -> promise.handle(result));
      });
    }
  }

  private record Outgoing(Buffer bytes, Promise<Void> written) {
  }
}
