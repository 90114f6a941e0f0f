package herd.net;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.util.ArrayDeque;

/**
 * Runs a line protocol on one socket: frames lines, hands each to the handler as it arrives (so a pipelining
 * client's writes are made together), and writes each reply in one piece and in order, however the handler's
 * futures complete. Reading pauses while too many replies wait or the socket's write queue is full, so a client
 * that sends faster than it reads only slows itself down.
 * When the client ends its output, the remaining lines (a last one without {@code \n} included) are answered and
 * then the connection is closed.
 */
public final class LineConnection implements LineFramer.Sink {

  private final NetSocket socket;
  private final LineHandler handler;
  private final WireLog wire;
  private final int maxQueuedLines;
  private final Context context;
  private final LineFramer framer;
  private final ArrayDeque<Future<Buffer>> replies = new ArrayDeque<>();
  private Future<Buffer> awaited;
  private boolean paused;
  private boolean inputEnded;
  private boolean closed;

  private LineConnection(NetSocket socket, LineHandler handler, LineLimits limits, WireLog wire) {
    this.socket = socket;
    this.handler = handler;
    this.wire = wire;
    this.maxQueuedLines = limits.maxQueuedLines();
    this.context = Vertx.currentContext();
    this.framer = new LineFramer(limits.maxLineBytes(), this);
  }

  /**
   * Starts serving; call from the server's connect handler. Nothing is read before {@code ready} completes (the
   * node's state restored); {@code onClosed} runs once the socket is closed.
   */
  public static void serve(NetSocket socket, LineHandler handler, LineLimits limits, WireLog wire, Future<?> ready,
      Runnable onClosed) {
    LineConnection connection = new LineConnection(socket, handler, limits, wire);
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
    socket.drainHandler(v -> connection.drain());
    socket.exceptionHandler(error -> wire.event("error " + error.getMessage()));
    socket.closeHandler(v -> {
      connection.closed();
      onClosed.run();
    });
  }

  @Override
  public void line(Buffer line) {
    wire.received(line);
    enqueue(replyTo(line));
  }

  @Override
  public void overlong(Buffer head) {
    wire.event("line over " + head.length() + " bytes");
    enqueue(Future.succeededFuture(handler.overlong(head)));
  }

  private void enqueue(Future<Buffer> reply) {
    replies.add(reply);
    drain();
  }

  private void inputEnded() {
    wire.event("client ended its output");
    framer.finish();
    inputEnded = true;
    drain();
  }

  /** Writes every reply at the head of the queue that is ready, and waits for the first that is not. */
  private void drain() {
    while (!closed && !replies.isEmpty() && replies.peek().isComplete()) {
      write(replies.poll());
    }
    Future<Buffer> head = replies.peek();
    if (!closed && head != null && head != awaited) {
      awaited = head;
      head.onComplete(done -> context.runOnContext(v -> drain()));
    }
    adjustReading();
    if (inputEnded && replies.isEmpty() && !closed) {
      closed = true;
      socket.end();
    }
  }

  /** A handler that throws is a bug; the connection is closed rather than left half-answered. */
  private Future<Buffer> replyTo(Buffer line) {
    try {
      return handler.line(line);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private void write(AsyncResult<Buffer> reply) {
    if (closed) {
      return;
    }
    if (reply.failed()) {
      wire.event("handler failed: " + reply.cause());
      socket.close();
      return;
    }
    Buffer bytes = reply.result();
    if (bytes != null && bytes.length() > 0) {
      wire.sent(bytes);
      socket.write(bytes);
    }
  }

  private void adjustReading() {
    boolean shouldPause = replies.size() >= maxQueuedLines || socket.writeQueueFull();
    if (shouldPause && !paused) {
      paused = true;
      socket.pause();
    } else if (!shouldPause && paused) {
      paused = false;
      socket.resume();
    }
  }

  private void closed() {
    closed = true;
    replies.clear();
    wire.event("closed");
  }
}
