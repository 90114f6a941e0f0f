package herd.net;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * Runs a line protocol on one socket: frames lines, hands each to the handler as soon as there is room (so a
 * pipelining client's writes are made together rather than one after another), and writes each reply in order,
 * however the handler's futures complete. What one client can make the connection hold is bounded
 * in bytes: a reply is produced only while less than {@code maxQueuedBytes} of earlier replies wait to go out, a
 * large reply ({@link ReplyChunks}) is produced a piece at a time as those drain, and reading stops while the
 * lines waiting for replies and the replies not yet sent pass that bound, or too many lines wait. So a client that
 * sends faster than it reads only slows itself down. A connection that makes no progress for the idle timeout (no
 * complete line arrives, no reply bytes leave) is closed. When the client ends its output, the remaining lines (a
 * last one without {@code \n} included) are answered and then the connection is closed.
 */
public final class LineConnection implements LineFramer.Sink {

  /** How much of a chunked reply is produced at a time. */
  static final int CHUNK_BYTES = 64 * 1024;

  private record Waiting(Buffer line, boolean overlong) {
  }

  private final NetSocket socket;
  private final LineHandler handler;
  private final WireLog wire;
  private final LineLimits limits;
  private final Context context;
  private final LineFramer framer;
  private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
  private long waitingBytes;
  private long unsent;
  private final ArrayDeque<Future<Buffer>> inFlight = new ArrayDeque<>();
  private Future<Buffer> awaited;
  private Buffer gathered = Buffer.buffer();
  private ReplyChunks streaming;
  private boolean draining;
  private boolean paused;
  private boolean inputEnded;
  private boolean closed;
  private long lastProgress = System.nanoTime();
  private long idleTimer = -1;

  private LineConnection(NetSocket socket, LineHandler handler, LineLimits limits, WireLog wire, Context context) {
    this.socket = socket;
    this.handler = handler;
    this.wire = wire;
    this.limits = limits;
    this.context = context;
    this.framer = new LineFramer(limits.maxLineBytes(), this);
  }

  /**
   * Starts serving; call from the server's connect handler. Nothing is read before {@code ready} completes (the
   * node's state restored); {@code onClosed} runs once the socket is closed.
   */
  public static LineConnection serve(NetSocket socket, LineHandler handler, LineLimits limits, WireLog wire,
      Future<?> ready, Runnable onClosed) {
    LineConnection connection = new LineConnection(socket, handler, limits, wire,
        Vertx.currentContext());
    if (!ready.isComplete()) {
      connection.paused = true;
      socket.pause();
      ready.onComplete(done -> connection.context.runOnContext(v -> {
        if (done.succeeded()) {
          connection.drain();
        } else {
          socket.close();
        }
      }));
    }
    InputShutdown.handle(socket, connection::inputEnded);
    socket.handler(connection.framer::feed);
    socket.exceptionHandler(error -> wire.event("error " + error.getMessage()));
    socket.closeHandler(v -> {
      connection.closed();
      onClosed.run();
    });
    connection.checkIdle();
    return connection;
  }

  @Override
  public void line(Buffer line) {
    lastProgress = System.nanoTime();
    wire.received(line);
    enqueue(new Waiting(line, false));
  }

  @Override
  public void overlong(Buffer head) {
    lastProgress = System.nanoTime();
    wire.overlong(head);
    enqueue(new Waiting(head, true));
  }

  /** Bytes of lines waiting for their replies and of replies written but not yet on the wire. */
  long queuedBytes() {
    return waitingBytes + unsent;
  }

  private void enqueue(Waiting line) {
    waiting.add(line);
    waitingBytes += line.line().length();
    drain();
  }

  private void inputEnded() {
    wire.event("client ended its output");
    framer.finish();
    inputEnded = true;
    drain();
  }

  private void drain() {
    if (draining) {
      return;
    }
    draining = true;
    try {
      while (!closed && unsent + gathered.length() < limits.maxQueuedBytes()) {
        while (!closed && !inFlight.isEmpty() && inFlight.peek().isComplete()) {
          gather(inFlight.poll());
        }
        if (streaming != null) {
          if (!inFlight.isEmpty()) {
            break;
          }
          sendGathered();
          continueStreaming();
        } else if (!waiting.isEmpty() && inFlight.size() < limits.maxQueuedLines()) {
          answer(waiting.poll());
        } else {
          break;
        }
      }
    } catch (RuntimeException e) {
      // a handler that throws is a bug; the connection is closed rather than left half-answered
      gather(Future.failedFuture(e));
    } finally {
      draining = false;
    }
    sendGathered();
    awaitHead();
    adjustReading();
    if (inputEnded && inFlight.isEmpty() && streaming == null && waiting.isEmpty() && !closed) {
      closed = true;
      socket.end();
    }
  }

  /** The oldest reply still being made holds up the ones after it: carry on once it is done. */
  private void awaitHead() {
    Future<Buffer> head = inFlight.peek();
    if (!closed && head != null && head != awaited) {
      awaited = head;
      head.onComplete(done -> context.runOnContext(v -> drain()));
    }
  }

  private void continueStreaming() {
    Buffer piece = streaming.next(CHUNK_BYTES);
    if (piece == null) {
      streaming = null;
    } else {
      send(piece);
    }
  }

  private void answer(Waiting next) {
    waitingBytes -= next.line().length();
    if (next.overlong()) {
      inFlight.add(Future.succeededFuture(handler.overlong(next.line())));
      return;
    }
    ReplyChunks chunks = handler.chunked(next.line());
    if (chunks != null) {
      streaming = chunks;
      return;
    }
    inFlight.add(handler.line(next.line()));
  }

  private void gather(AsyncResult<Buffer> reply) {
    if (closed) {
      return;
    }
    if (reply.failed()) {
      wire.event("handler failed: " + reply.cause());
      closed = true;
      socket.close();
      return;
    }
    Buffer bytes = reply.result();
    if (bytes != null && bytes.length() > 0) {
      wire.sent(bytes);
      gathered.appendBuffer(bytes);
    }
  }

  /**
   * Writes the replies that were ready together in one write: a pipelining client whose requests completed at once
   * gets their replies in one system call, not one each.
   */
  private void sendGathered() {
    if (gathered.length() > 0 && !closed) {
      Buffer bytes = gathered;
      gathered = Buffer.buffer();
      transmit(bytes);
    }
  }

  private void send(Buffer bytes) {
    if (bytes == null || bytes.length() == 0 || closed) {
      return;
    }
    wire.sent(bytes);
    transmit(bytes);
  }

  private void transmit(Buffer bytes) {
    int length = bytes.length();
    unsent += length;
    socket.write(bytes).onComplete(done -> sent(length, done.succeeded()));
  }

  /** Bytes left for the wire: room for more replies, and progress for the idle timeout. */
  private void sent(int length, boolean succeeded) {
    unsent -= length;
    if (!succeeded) {
      // the connection is gone (its close handler runs later): produce nothing more for it
      closed = true;
      return;
    }
    lastProgress = System.nanoTime();
    if (!closed) {
      drain();
    }
  }

  private void adjustReading() {
    boolean shouldPause = waiting.size() >= limits.maxQueuedLines()
        || waitingBytes + unsent >= limits.maxQueuedBytes();
    if (shouldPause && !paused) {
      paused = true;
      socket.pause();
    } else if (!shouldPause && paused) {
      paused = false;
      socket.resume();
    }
  }

  private void checkIdle() {
    if (closed) {
      return;
    }
    long timeout = limits.idleTimeout().toNanos();
    long quiet = handler.closesWhenIdle() ? System.nanoTime() - lastProgress : 0;
    if (quiet >= timeout) {
      wire.event("idle for " + limits.idleTimeout().toSeconds() + " s: closing");
      closed = true;
      socket.close();
      return;
    }
    idleTimer = context.owner().setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(timeout - quiet) + 1),
        t -> checkIdle());
  }

  private void closed() {
    closed = true;
    waiting.clear();
    inFlight.clear();
    waitingBytes = 0;
    streaming = null;
    if (idleTimer >= 0) {
      context.owner().cancelTimer(idleTimer);
    }
    wire.closed();
  }
}
