package herd.net;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.util.ArrayDeque;
import java.util.function.Supplier;

/**
 * Runs a line protocol on one socket: frames lines, hands them to the handler one at a time, and writes each
 * reply in one piece and in order, however the handler's futures complete. Reading pauses while too many lines
 * wait or the socket's write queue is full, so a client that sends faster than it reads only slows itself down.
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
  private final ArrayDeque<Supplier<Future<Buffer>>> waiting = new ArrayDeque<>();
  private boolean busy;
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
    enqueue(() -> handler.line(line));
  }

  @Override
  public void overlong(Buffer head) {
    wire.event("line over " + head.length() + " bytes");
    enqueue(() -> Future.succeededFuture(handler.overlong(head)));
  }

  private void enqueue(Supplier<Future<Buffer>> reply) {
    waiting.add(reply);
    drain();
  }

  private void inputEnded() {
    wire.event("client ended its output");
    framer.finish();
    inputEnded = true;
    drain();
  }

  private void drain() {
    while (!busy && !closed && !waiting.isEmpty() && !socket.writeQueueFull()) {
      Future<Buffer> reply = replyTo(waiting.poll());
      if (reply.isComplete()) {
        write(reply);
      } else {
        busy = true;
        reply.onComplete(done -> context.runOnContext(v -> {
          busy = false;
          write(done);
          drain();
        }));
      }
    }
    adjustReading();
    if (inputEnded && !busy && waiting.isEmpty() && !closed) {
      closed = true;
      socket.end();
    }
  }

  /** A handler that throws is a bug; the connection is closed rather than left half-answered. */
  private static Future<Buffer> replyTo(Supplier<Future<Buffer>> task) {
    try {
      return task.get();
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
    boolean shouldPause = waiting.size() >= maxQueuedLines || socket.writeQueueFull();
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
    waiting.clear();
    wire.event("closed");
  }
}
