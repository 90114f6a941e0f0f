package herd.peer;

import herd.log.LogText;
import herd.net.Listener;
import herd.node.Endpoint;
import herd.peer.LinkStatus.Direction;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.TCPSSLOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * The node's links to its neighbours: it listens on the peer port, dials every neighbour it has no link to (again
 * and again, backing off), authenticates each connection both ways, and keeps one link per neighbour, whoever
 * dialled it, which carries traffic both ways. Lines that neighbours send go to the handler registered for their
 * first word. Links, dialling and timers live on the context that made this object; {@link #flood}, {@link #link},
 * {@link #status}, {@link #register} and the subscriptions may be called from any thread.
 */
public final class PeerLinks {

  /** A link younger than this is still fresh: a second connection then does not simply replace it. */
  static final long FRESH_MILLIS = 1_000;

  private final Vertx vertx;
  private final PeerConfig config;
  private final Logger log;
  private final Context context;
  private final NetClient client;
  private final Map<String, Neighbour> neighbours = new LinkedHashMap<>();
  private final Map<String, PeerConnection> up = new ConcurrentHashMap<>();
  private final Set<PeerConnection> open = new HashSet<>();
  private final Map<String, PeerMessageHandler> handlers = new ConcurrentHashMap<>();
  private final List<Handler<PeerLink>> upHandlers = new CopyOnWriteArrayList<>();
  private final List<Handler<PeerLink>> downHandlers = new CopyOnWriteArrayList<>();
  private NetServer server;
  private volatile boolean stopped;

  /** Call on the context that should own the links: their dialling, timers, reads and writes run there. */
  public PeerLinks(Vertx vertx, PeerConfig config, Logger log) {
    this.vertx = vertx;
    this.config = config;
    this.log = log;
    this.context = vertx.getOrCreateContext();
    this.client = vertx.createNetClient(tls(new NetClientOptions().setConnectTimeout(2_000).setTcpNoDelay(true)
        .setHostnameVerificationAlgorithm("")));
    Instant now = Instant.now();
    config.neighbours().forEach((name, address) -> neighbours.put(name, new Neighbour(name, address, now)));
  }

  private <T extends TCPSSLOptions> T tls(T options) {
    PeerTls tls = config.tls();
    if (tls != null) {
      options.setSsl(true)
          .setKeyCertOptions(new PemKeyCertOptions().setKeyPath(tls.keyPem().toString())
              .setCertPath(tls.certPem().toString()))
          .setTrustOptions(new PemTrustOptions().addCertPath(tls.trustPem().toString()));
    }
    return options;
  }

  /** Listens on the peer port (if the config has one) and dials every neighbour. */
  public Future<Void> start() {
    return listen().onSuccess(v -> dialAll());
  }

  /** Listens on the peer port, if the config has one. */
  Future<Void> listen() {
    return onContext(() -> {
      if (config.peerPort() == 0) {
        return Future.succeededFuture();
      }
      NetServerOptions options = tls(new NetServerOptions().setHost(config.host()).setPort(config.peerPort())
          .setTcpNoDelay(true));
      if (config.tls() != null) {
        options.setClientAuth(ClientAuth.REQUIRED);
      }
      return Listener.listen(vertx, "peer links", options, this::accepted)
          .onSuccess(listener -> server = listener)
          .mapEmpty();
    });
  }

  /** Dials every neighbour this node has no link to. */
  void dialAll() {
    context.runOnContext(v -> neighbours.values().forEach(this::dial));
  }

  /** Closes every link and connection; nothing is dialled any more. */
  public Future<Void> stop() {
    return onContext(() -> {
      stopped = true;
      List<Future<?>> closing = new ArrayList<>();
      neighbours.values().forEach(neighbour -> vertx.cancelTimer(neighbour.timer));
      new ArrayList<>(open).forEach(connection -> closing.add(connection.close("node stopping")));
      if (server != null) {
        closing.add(server.close());
      }
      closing.add(client.close());
      return Future.join(closing).mapEmpty();
    });
  }

  private <T> Future<T> onContext(Supplier<Future<T>> action) {
    Promise<T> done = Promise.promise();
    context.runOnContext(v -> action.get().onComplete(done));
    return done.future();
  }

  /** Routes each received line whose first word is {@code kind} to {@code handler}; one handler a kind. */
  public void register(String kind, PeerMessageHandler handler) {
    if (Handshake.WORDS.contains(kind)) {
      throw new IllegalArgumentException(kind + " is a word of the links themselves");
    }
    if (handlers.putIfAbsent(kind, handler) != null) {
      throw new IllegalStateException("peer message kind " + kind + " is taken");
    }
  }

  /** Called on the links' context for each link once it is authenticated and is the neighbour's link. */
  public void onLinkUp(Handler<PeerLink> handler) {
    upHandlers.add(handler);
  }

  /** Called on the links' context for each link that stops being the neighbour's link. */
  public void onLinkDown(Handler<PeerLink> handler) {
    downHandlers.add(handler);
  }

  /**
   * Sends whole lines to every linked neighbour but {@code exceptNeighbour} (null for none); the future completes
   * once every write has been handed to the kernel.
   */
  public Future<Void> flood(Buffer lines, String exceptNeighbour) {
    List<Future<Void>> writes = new ArrayList<>(up.size());
    for (PeerConnection link : up.values()) {
      if (!link.neighbour().equals(exceptNeighbour)) {
        writes.add(link.send(lines));
      }
    }
    return writes.isEmpty() ? Future.succeededFuture() : Future.join(writes).mapEmpty();
  }

  /** Whether any neighbour's link is up now: with none, there is no one to flood to. */
  public boolean anyUp() {
    return !up.isEmpty();
  }

  /** The links up now, in no particular order. */
  public List<PeerLink> upLinks() {
    return List.copyOf(up.values());
  }

  public Optional<PeerLink> link(String neighbour) {
    return Optional.ofNullable(up.get(neighbour));
  }

  /** Each configured neighbour's link, in config order. */
  public List<LinkStatus> status() {
    List<LinkStatus> status = new ArrayList<>(neighbours.size());
    for (Neighbour neighbour : neighbours.values()) {
      PeerConnection link = up.get(neighbour.name);
      Traffic traffic = neighbour.traffic;
      status.add(new LinkStatus(neighbour.name, link != null, neighbour.since,
          link == null ? null : link.direction(), link != null && config.sharedKey() != null,
          traffic.messagesIn.sum(), traffic.bytesIn.sum(), traffic.messagesOut.sum(), traffic.bytesOut.sum()));
    }
    return status;
  }

  private void dial(Neighbour neighbour) {
    neighbour.timer = -1;
    if (stopped || neighbour.link != null || neighbour.dialling) {
      return;
    }
    neighbour.dialling = true;
    log.info("link to {} at {}: dialling", neighbour.name, neighbour.address);
    client.connect(neighbour.address.port(), neighbour.address.host()).onComplete(attempt -> {
      if (attempt.succeeded() && !stopped && neighbour.link == null) {
        open.add(PeerConnection.dialled(this, config, vertx, attempt.result(), neighbour.name));
        return;
      }
      neighbour.dialling = false;
      if (attempt.succeeded()) {
        attempt.result().close();
      } else if (!stopped) {
        long delay = redial(neighbour);
        log.info("link to {} at {}: cannot connect ({}), re-dial in {} ms", neighbour.name, neighbour.address,
            reason(attempt.cause()), delay);
      }
    });
  }

  /** An error's message and its cause's: "Failed to create SSL connection" alone does not say what failed. */
  private static String reason(Throwable error) {
    Throwable cause = error.getCause();
    String message = String.valueOf(error.getMessage());
    if (cause == null || cause == error || message.contains(String.valueOf(cause.getMessage()))) {
      return message;
    }
    return message + ": " + cause.getMessage();
  }

  /** Schedules the next dial, the wait grown from the last one; returns the wait, or -1 if none was needed. */
  private long redial(Neighbour neighbour) {
    if (stopped || neighbour.link != null || neighbour.dialling || neighbour.timer >= 0) {
      return -1;
    }
    neighbour.delay = config.backoff().after(neighbour.delay);
    long wait = config.backoff().jittered(neighbour.delay);
    neighbour.timer = vertx.setTimer(wait, t -> dial(neighbour));
    return wait;
  }

  private void accepted(NetSocket socket) {
    if (stopped) {
      socket.close();
      return;
    }
    open.add(PeerConnection.accepted(this, config, vertx, socket));
  }

  boolean isNeighbour(String name) {
    return neighbours.containsKey(name);
  }

  Traffic traffic(String neighbour) {
    return neighbours.get(neighbour).traffic;
  }

  /**
   * Takes an authenticated connection as its neighbour's link, or says why not. A second connection replaces the
   * link, unless the link is fresh: then both nodes keep the connection dialled by the node whose name sorts
   * first, so two nodes dialling each other at once end with the same single connection.
   */
  String admit(PeerConnection connection) {
    Neighbour neighbour = neighbours.get(connection.neighbour());
    if (connection.direction() == Direction.DIALLED) {
      neighbour.dialling = false;
    }
    if (stopped) {
      return "node stopping";
    }
    PeerConnection old = neighbour.link;
    if (old != null) {
      if (old.upMillis() < FRESH_MILLIS && !preferred(connection, old)) {
        return "refused: keeping the fresh link dialled by " + old.dialler();
      }
      unlink(neighbour, old);
      old.close("replaced by the connection dialled by " + connection.dialler());
    }
    neighbour.link = connection;
    neighbour.since = Instant.now();
    vertx.cancelTimer(neighbour.timer);
    neighbour.timer = -1;
    return null;
  }

  private static boolean preferred(PeerConnection candidate, PeerConnection old) {
    return candidate.dialler().equals(old.dialler()) || candidate.dialler().compareTo(old.dialler()) < 0;
  }

  /** The connection {@link #admit} took is up: senders may see it now; tell the log and the subscribers. */
  void linkUp(PeerConnection link) {
    up.put(link.neighbour(), link);
    log.info("{}: up{}", link.describe(), config.sharedKey() == null ? " (authentication off)" : "");
    upHandlers.forEach(handler -> handler.handle(link));
  }

  private void unlink(Neighbour neighbour, PeerConnection link) {
    neighbour.link = null;
    up.remove(neighbour.name, link);
    neighbour.since = Instant.now();
    if (config.backoff().stable(link.upMillis())) {
      neighbour.delay = 0;
    }
    downHandlers.forEach(handler -> handler.handle(link));
  }

  void deliver(PeerConnection from, String line) {
    int space = line.indexOf(' ');
    String kind = space < 0 ? line : line.substring(0, space);
    PeerMessageHandler handler = handlers.get(kind);
    if (handler == null) {
      log.warn("from {}: message of unknown kind {} dropped", from.neighbour(), LogText.quote(kind));
    } else {
      handler.receive(from, line);
    }
  }

  /** A connection closed: one log line says why, and a lost link or failed dial is dialled again. */
  void closed(PeerConnection connection, String reason) {
    open.remove(connection);
    if (stopped) {
      return;
    }
    Neighbour neighbour = connection.neighbour() == null ? null : neighbours.get(connection.neighbour());
    boolean wasLink = neighbour != null && neighbour.link == connection;
    if (wasLink) {
      unlink(neighbour, connection);
    }
    boolean wasDial = neighbour != null && connection.direction() == Direction.DIALLED && neighbour.dialling;
    if (wasDial) {
      neighbour.dialling = false;
    }
    long delay = wasLink || wasDial ? redial(neighbour) : -1;
    String what = wasLink ? connection.describe() + ": down, " : connection.describe() + ": ";
    if (delay >= 0) {
      log.info("{}{}, re-dial in {} ms", what, reason, delay);
    } else {
      log.info("{}{}", what, reason);
    }
  }

  /** One configured neighbour: its link, if any, and the state of dialling it. Changed on the links' context. */
  private static final class Neighbour {
    final String name;
    final Endpoint address;
    final Traffic traffic = new Traffic();
    PeerConnection link;
    boolean dialling;
    long timer = -1;
    long delay;
    volatile Instant since;

    Neighbour(String name, Endpoint address, Instant since) {
      this.name = name;
      this.address = address;
      this.since = since;
    }
  }
}
