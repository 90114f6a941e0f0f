package herd.peer;

import herd.log.LogText;
import herd.net.LineFramer;
import herd.peer.Handshake.Role;
import herd.peer.LinkStatus.Direction;
import io.netty.buffer.ByteBuf;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One connection with a neighbour, from its handshake to its close, and the neighbour's link while it is the one
 * {@link PeerLinks} chose. Everything but {@link #send} runs on the links' context. Lines that arrive before the
 * handshake is done are handshake lines or end the connection; afterwards heartbeats are taken here and every other
 * line goes to {@link PeerLinks#deliver}.
 */
final class PeerConnection implements PeerLink, LineFramer.Sink {

  private enum State { AWAIT_HELLO, AWAIT_ANSWER, AWAIT_PROOF, AWAIT_LINKED, UP, CLOSED }

  private static final Buffer HEARTBEAT = Buffer.buffer(Handshake.HEARTBEAT + "\n");
  private static final Buffer LINKED = Buffer.buffer(Handshake.LINKED + "\n");

  private final PeerLinks links;
  private final PeerConfig config;
  private final Vertx vertx;
  private final Context context;
  private final NetSocket socket;
  private final Direction direction;
  private final String remote;
  private final LineFramer framer;
  private final Queue<Outgoing> outbox = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean flushScheduled = new AtomicBoolean();
  private final AtomicLong pendingBytes = new AtomicLong();
  private volatile State state;
  private String neighbour;
  private String ownNonce;
  private String theirNonce;
  private Traffic traffic;
  private long upNanos;
  private long lastReceivedNanos;
  private long lastSentNanos;
  private long timer = -1;
  private volatile String closeReason;

  private PeerConnection(PeerLinks links, PeerConfig config, Vertx vertx, NetSocket socket, Direction direction,
      State state, String neighbour) {
    this.links = links;
    this.config = config;
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.socket = socket;
    this.direction = direction;
    this.state = state;
    this.neighbour = neighbour;
    this.remote = String.valueOf(socket.remoteAddress());
    this.framer = new LineFramer(config.maxLineBytes(), this);
  }

  /** Opens the handshake on a connection this node dialled to {@code neighbour}. */
  static PeerConnection dialled(PeerLinks links, PeerConfig config, Vertx vertx, NetSocket socket, String neighbour) {
    PeerConnection connection = new PeerConnection(links, config, vertx, socket, Direction.DIALLED,
        State.AWAIT_ANSWER, neighbour);
    connection.ownNonce = Handshake.nonce();
    connection.start();
    socket.write(Handshake.hello(config.self(), connection.ownNonce));
    return connection;
  }

  /** Waits for the hello of whoever dialled this node. */
  static PeerConnection accepted(PeerLinks links, PeerConfig config, Vertx vertx, NetSocket socket) {
    PeerConnection connection = new PeerConnection(links, config, vertx, socket, Direction.ACCEPTED,
        State.AWAIT_HELLO, null);
    connection.start();
    return connection;
  }

  private void start() {
    lastReceivedNanos = System.nanoTime();
    socket.handler(framer::feed);
    socket.exceptionHandler(error -> close("error " + error.getMessage()));
    socket.closeHandler(v -> closed());
    timer = vertx.setTimer(config.handshakeMillis(),
        t -> close("no handshake within " + config.handshakeMillis() + " ms"));
  }

  @Override
  public String neighbour() {
    return neighbour;
  }

  @Override
  public boolean isUp() {
    return state == State.UP;
  }

  Direction direction() {
    return direction;
  }

  /** The name of the node that dialled this connection. */
  String dialler() {
    return direction == Direction.DIALLED ? config.self() : neighbour;
  }

  long upMillis() {
    return upNanos == 0 ? 0 : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - upNanos);
  }

  SocketAddress localAddress() {
    return socket.localAddress();
  }

  SocketAddress remoteAddress() {
    return socket.remoteAddress();
  }

  /** How the log names this connection. */
  String describe() {
    if (neighbour == null) {
      return "peer connection from " + remote;
    }
    return direction == Direction.DIALLED ? "link to " + neighbour + " at " + remote
        : "link from " + neighbour + " at " + remote;
  }

  @Override
  public void line(Buffer bytes) {
    if (state == State.CLOSED) {
      return;
    }
    lastReceivedNanos = System.nanoTime();
    String line = bytes.toString(StandardCharsets.ISO_8859_1);
    switch (state) {
      case AWAIT_HELLO -> hello(line);
      case AWAIT_ANSWER -> answer(line);
      case AWAIT_PROOF -> proof(line);
      case AWAIT_LINKED -> linked(line);
      case UP -> message(line, bytes.length());
      default -> { }
    }
  }

  @Override
  public void overlong(Buffer head) {
    close("line over " + config.maxLineBytes() + " bytes");
  }

  /** Acceptor: the dialler names itself and its nonce; the answer proves this node holds the key. */
  private void hello(String line) {
    Handshake.Hello hello = Handshake.parseHello(line);
    if (hello == null) {
      close("handshake failed: not a peer hello");
    } else if (!links.isNeighbour(hello.name())) {
      close("handshake failed: unknown neighbour " + LogText.quote(hello.name()));
    } else {
      neighbour = hello.name();
      theirNonce = hello.nonce();
      ownNonce = Handshake.nonce();
      String proof = Handshake.proof(config.sharedKey(), Role.ACCEPTOR, neighbour, config.self(), theirNonce,
          ownNonce);
      socket.write(Handshake.answer(config.self(), ownNonce, proof));
      state = State.AWAIT_PROOF;
    }
  }

  /** Dialler: the acceptor proved it holds the key; this node proves it too. */
  private void answer(String line) {
    Handshake.Hello answer = Handshake.parseAnswer(line);
    if (answer == null) {
      close("handshake failed: not a peer answer");
    } else if (!answer.name().equals(neighbour)) {
      close("handshake failed: answered as " + LogText.quote(answer.name()));
    } else if (!Handshake.matches(Handshake.proof(config.sharedKey(), Role.ACCEPTOR, config.self(), neighbour,
        ownNonce, answer.nonce()), answer.proof())) {
      close("handshake failed: wrong proof");
    } else {
      theirNonce = answer.nonce();
      socket.write(Handshake.proofLine(Handshake.proof(config.sharedKey(), Role.DIALLER, config.self(), neighbour,
          ownNonce, theirNonce)));
      state = State.AWAIT_LINKED;
    }
  }

  /** Acceptor: the dialler proved it holds the key; the connection becomes the link unless the links keep another. */
  private void proof(String line) {
    String proof = Handshake.parseProof(line);
    if (proof == null) {
      close("handshake failed: no proof");
    } else if (!Handshake.matches(Handshake.proof(config.sharedKey(), Role.DIALLER, neighbour, config.self(),
        theirNonce, ownNonce), proof)) {
      close("handshake failed: wrong proof");
    } else {
      authenticated();
    }
  }

  /** Dialler: the acceptor took the connection as the link. */
  private void linked(String line) {
    if (!line.equals(Handshake.LINKED)) {
      close("handshake failed: not linked");
    } else {
      authenticated();
    }
  }

  private void authenticated() {
    String refusal = links.admit(this);
    if (refusal != null) {
      close(refusal);
      return;
    }
    if (direction == Direction.ACCEPTED) {
      socket.write(LINKED);
    }
    vertx.cancelTimer(timer);
    traffic = links.traffic(neighbour);
    upNanos = System.nanoTime();
    lastSentNanos = upNanos;
    state = State.UP;
    timer = vertx.setPeriodic(config.heartbeatMillis(), t -> beat());
    links.linkUp(this);
  }

  /** Sends a heartbeat if nothing else went out lately; drops a link that has been silent too long. */
  private void beat() {
    long now = System.nanoTime();
    long silentMillis = TimeUnit.NANOSECONDS.toMillis(now - lastReceivedNanos);
    if (silentMillis >= config.silenceMillis()) {
      close("silent for " + silentMillis + " ms");
    } else if (TimeUnit.NANOSECONDS.toMillis(now - lastSentNanos) >= config.heartbeatMillis() / 2) {
      lastSentNanos = now;
      socket.write(HEARTBEAT);
    }
  }

  private void message(String line, int length) {
    if (line.equals(Handshake.HEARTBEAT)) {
      return;
    }
    traffic.messagesIn.increment();
    traffic.bytesIn.add(length + 1L);
    links.deliver(this, line);
  }

  @Override
  public Future<Void> send(Buffer lines) {
    if (state != State.UP) {
      return Future.failedFuture("the link to " + neighbour + " is closed");
    }
    if (pendingBytes.addAndGet(lines.length()) > config.maxPendingBytes()) {
      pendingBytes.addAndGet(-lines.length());
      context.runOnContext(v -> close("more than " + config.maxPendingBytes() + " bytes unread, dropped"));
      return Future.failedFuture("the link to " + neighbour + " is too far behind");
    }
    Promise<Void> written = Promise.promise();
    outbox.add(new Outgoing(lines, written));
    if (flushScheduled.compareAndSet(false, true)) {
      context.runOnContext(v -> flush());
    }
    return written.future();
  }

  /**
   * Writes all that queued since the last flush in one write, so that a busy node pays one task and one system call
   * per link for many messages, not one per message.
   */
  private void flush() {
    flushScheduled.set(false);
    if (state != State.UP) {
      failQueued();
      return;
    }
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
    traffic.bytesOut.add(size);
    traffic.messagesOut.add(lineCount(batch));
    lastSentNanos = System.nanoTime();
    socket.write(batch).onComplete(result -> {
      pendingBytes.addAndGet(-size);
      written.forEach(promise -> promise.handle(result));
    });
  }

  private static int lineCount(Buffer batch) {
    ByteBuf bytes = ((BufferInternal) batch).getByteBuf();
    int count = 0;
    for (int i = bytes.indexOf(0, batch.length(), (byte) '\n'); i >= 0;
        i = bytes.indexOf(i + 1, batch.length(), (byte) '\n')) {
      count++;
    }
    return count;
  }

  /**
   * Closes the connection for {@code reason}, which {@link PeerLinks} logs once the socket is closed. The channel is
   * closed at once: {@code NetSocket.close()} waits for queued writes to go out first, which a neighbour that does
   * not read never lets happen.
   */
  Future<Void> close(String reason) {
    if (closeReason == null) {
      closeReason = reason;
    }
    if (state != State.CLOSED) {
      state = State.CLOSED;
      vertx.cancelTimer(timer);
    }
    Promise<Void> closed = Promise.promise();
    ((NetSocketInternal) socket).channelHandlerContext().close().addListener(done -> closed.tryComplete());
    return closed.future();
  }

  private void closed() {
    boolean wasUp = upNanos != 0;
    state = State.CLOSED;
    vertx.cancelTimer(timer);
    failQueued();
    String reason = closeReason != null ? closeReason
        : wasUp ? "closed by the neighbour" : "closed by the other end during the handshake";
    links.closed(this, reason);
  }

  private void failQueued() {
    for (Outgoing next = outbox.poll(); next != null; next = outbox.poll()) {
      next.written().fail("the link to " + neighbour + " is closed");
    }
  }

  private record Outgoing(Buffer bytes, Promise<Void> written) {
  }
}
