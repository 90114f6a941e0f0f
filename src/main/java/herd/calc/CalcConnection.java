package herd.calc;

import herd.net.InputShutdown;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * One client of the calculation service: reads its request, has it evaluated off the event loop, writes the
 * 8-byte length and the result lines with backpressure, and closes. A request that cannot be served (too large,
 * no room in the node's memory budget) is answered at once with a single error line; the rest of it is read and
 * thrown away (for a while) so that the client, still sending, is not reset before it can read that answer. The
 * budget counts the bytes that arrived, not the room declared for them, and a connection whose request or reply
 * makes no progress for the idle timeout (no bytes arrive while it is read, none leave while it is answered) is
 * closed, giving its share of the budget back: a stalled upload cannot keep others out for long.
 */
final class CalcConnection {

  private static final long DISCARD_MILLIS = 10_000;

  private final Vertx vertx;
  private final NetSocket socket;
  private final WorkerExecutor pool;
  private final CalcConfig config;
  private final MemoryBudget memory;
  private final Logger log;
  private final String request;
  private final RequestReader reader;
  private final long openedNanos = System.nanoTime();
  private BatchEvaluation batch;
  /** Bytes of this request's body and results counted in the node's memory budget, given back on close. */
  private long reserved;
  private long replyBytes;
  private boolean discarding;
  private boolean answered;
  private boolean closed;
  private long discardTimer = -1;
  private long idleTimer = -1;
  private long lastProgress = System.nanoTime();

  private CalcConnection(Vertx vertx, NetSocket socket, CalcServer.Shared shared, long id) {
    this.vertx = vertx;
    this.socket = socket;
    this.pool = shared.pool();
    this.config = shared.config();
    this.memory = shared.memory();
    this.log = shared.log();
    this.request = "req=" + id + " from=" + socket.remoteAddress();
    this.reader = new RequestReader(config.maxRequestBytes());
  }

  /** Starts serving; call from the server's connect handler. {@code onClosed} runs once the socket is closed. */
  static void serve(Vertx vertx, NetSocket socket, CalcServer.Shared shared, long id, Runnable onClosed) {
    CalcConnection connection = new CalcConnection(vertx, socket, shared, id);
    InputShutdown.handle(socket, connection::inputEnded);
    socket.handler(connection::received);
    socket.exceptionHandler(error -> shared.log().info("{} socket error: {}", connection.request,
        error.getMessage()));
    socket.closeHandler(v -> {
      connection.closed();
      onClosed.run();
    });
    connection.checkIdle(shared.idleTimeout().toNanos());
  }

  /** Closes the connection once neither its request nor its reply has moved for the idle timeout. */
  private void checkIdle(long timeoutNanos) {
    if (closed) {
      return;
    }
    boolean evaluating = batch != null && !answered;
    long quiet = evaluating ? 0 : System.nanoTime() - lastProgress;
    if (quiet >= timeoutNanos) {
      log.info("{} idle for {} s: closing", request, TimeUnit.NANOSECONDS.toSeconds(timeoutNanos));
      socket.close();
      return;
    }
    idleTimer = vertx.setTimer(TimeUnit.NANOSECONDS.toMillis(timeoutNanos - quiet) + 1,
        t -> checkIdle(timeoutNanos));
  }

  private void received(Buffer data) {
    lastProgress = System.nanoTime();
    if (discarding) {
      return;
    }
    RequestReader.State before = reader.state();
    int receivedBefore = reader.received();
    RequestReader.State now = reader.feed(data);
    int grown = reader.received() - receivedBefore;
    if (now == RequestReader.State.TOO_LARGE && before != now) {
      refuse("request too large", "declares " + Long.toUnsignedString(reader.declared())
          + " bytes, over the limit of " + config.maxRequestBytes());
    } else if (grown > 0 && !reserve(grown)) {
      refuse("server busy", "no room for " + grown + " more of " + reader.declared() + " bytes, "
          + memory.used() + " held");
    } else if (now == RequestReader.State.COMPLETE && before != now) {
      socket.pause();
      evaluate();
    }
  }

  private void inputEnded() {
    if (discarding) {
      socket.close();
    } else if (reader.state() != RequestReader.State.COMPLETE) {
      if (reader.started()) {
        log.info("{} refused: input ended before the {}", request,
            reader.state() == RequestReader.State.HEADER ? "8-byte length" : reader.declared() + " bytes declared");
        answerAndClose(List.of(errorLine("request truncated")));
      } else {
        socket.close();
      }
    }
  }

  private void refuse(String reason, String why) {
    log.info("{} refused: {}", request, why);
    answer(List.of(errorLine(reason)), false);
    discarding = true;
    discardTimer = vertx.setTimer(DISCARD_MILLIS, t -> socket.close());
  }

  private void evaluate() {
    long startNanos = System.nanoTime();
    byte[] text = reader.takeBody();
    batch = new BatchEvaluation(pool, text, BatchEvaluation.CHUNK_BYTES, config.limits(), config.workers(),
        this::refusal);
    batch.start().onComplete(result -> {
      if (closed) {
        return;
      }
      if (result.failed() && result.cause() instanceof BatchEvaluation.Refused refused) {
        log.info("{} refused: {} after {} result bytes", request, refused.getMessage(), replyBytes);
        answerAndClose(List.of(errorLine(refused.getMessage())));
      } else if (result.failed()) {
        log.error("{} evaluation failed: {}", request, result.cause().toString());
        socket.close();
      } else {
        List<ChunkResult> chunks = result.result();
        log.info("{} bytes={} lines={} errors={} workers={} chunks={} evalMs={} totalMs={}", request, text.length,
            chunks.stream().mapToInt(ChunkResult::lines).sum(),
            chunks.stream().mapToInt(ChunkResult::errors).sum(), batch.workers(), chunks.size(),
            millisSince(startNanos), millisSince(openedNanos));
        answerAndClose(chunks.stream().map(chunk -> Buffer.buffer(chunk.bytes())).toList());
      }
    });
  }

  private String refusal(ChunkResult chunk) {
    replyBytes += chunk.bytes().length;
    if (replyBytes > config.maxReplyBytes()) {
      return "reply too large";
    }
    return reserve(chunk.bytes().length) ? null : "server busy";
  }

  private boolean reserve(long bytes) {
    if (!memory.tryReserve(bytes)) {
      return false;
    }
    reserved += bytes;
    return true;
  }

  private static Buffer errorLine(String reason) {
    return Buffer.buffer("error: " + reason + "\n", StandardCharsets.US_ASCII.name());
  }

  private void answerAndClose(List<Buffer> lines) {
    answer(lines, true);
  }

  /**
   * Writes the length of {@code lines} and then them, pausing while the socket's write queue is full, and ends the
   * connection after the last one if {@code thenClose}.
   */
  private void answer(List<Buffer> lines, boolean thenClose) {
    if (answered || closed) {
      return;
    }
    answered = true;
    long length = lines.stream().mapToLong(Buffer::length).sum();
    List<Buffer> parts = new ArrayList<>(lines.size() + 1);
    parts.add(Buffer.buffer(8).appendLong(length));
    parts.addAll(lines);
    write(parts.iterator(), thenClose);
  }

  private void write(Iterator<Buffer> parts, boolean thenClose) {
    lastProgress = System.nanoTime();
    while (parts.hasNext() && !closed) {
      if (socket.writeQueueFull()) {
        socket.drainHandler(v -> write(parts, thenClose));
        return;
      }
      socket.write(parts.next());
    }
    if (thenClose && !closed) {
      // Given back before the close, not after: the client has its reply and may send its next request at once.
      memory.release(reserved);
      reserved = 0;
      socket.end();
    }
  }

  private void closed() {
    closed = true;
    memory.release(reserved);
    reserved = 0;
    if (batch != null) {
      batch.cancel();
    }
    if (discardTimer >= 0) {
      vertx.cancelTimer(discardTimer);
    }
    if (idleTimer >= 0) {
      vertx.cancelTimer(idleTimer);
    }
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }
}
