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
import org.slf4j.Logger;

/**
 * One client of the calculation service: reads its request, has it evaluated off the event loop, writes the
 * 8-byte length and the result lines with backpressure, and closes. A request over the size limit is answered at
 * once with a single error line; the rest of it is read and thrown away (for a while) so that the client, still
 * sending, is not reset before it can read that answer.
 */
final class CalcConnection {

  private static final long DISCARD_MILLIS = 10_000;

  private final Vertx vertx;
  private final NetSocket socket;
  private final WorkerExecutor pool;
  private final CalcConfig config;
  private final Logger log;
  private final String request;
  private final RequestReader reader;
  private final long openedNanos = System.nanoTime();
  private BatchEvaluation batch;
  private boolean answered;
  private boolean closed;
  private long discardTimer = -1;

  private CalcConnection(Vertx vertx, NetSocket socket, WorkerExecutor pool, CalcConfig config, Logger log,
      long id) {
    this.vertx = vertx;
    this.socket = socket;
    this.pool = pool;
    this.config = config;
    this.log = log;
    this.request = "req=" + id + " from=" + socket.remoteAddress();
    this.reader = new RequestReader(config.maxRequestBytes());
  }

  /** Starts serving; call from the server's connect handler. {@code onClosed} runs once the socket is closed. */
  static void serve(Vertx vertx, NetSocket socket, WorkerExecutor pool, CalcConfig config, Logger log, long id,
      Runnable onClosed) {
    CalcConnection connection = new CalcConnection(vertx, socket, pool, config, log, id);
    InputShutdown.handle(socket, connection::inputEnded);
    socket.handler(connection::received);
    socket.exceptionHandler(error -> log.info("{} socket error: {}", connection.request, error.getMessage()));
    socket.closeHandler(v -> {
      connection.closed();
      onClosed.run();
    });
  }

  private void received(Buffer data) {
    RequestReader.State before = reader.state();
    RequestReader.State now = reader.feed(data);
    if (now == before) {
      return;
    }
    if (now == RequestReader.State.COMPLETE) {
      socket.pause();
      evaluate();
    } else if (now == RequestReader.State.TOO_LARGE) {
      log.info("{} refused: declares {} bytes, over the limit of {}", request,
          Long.toUnsignedString(reader.declared()), config.maxRequestBytes());
      answer(List.of(errorLine("request too large")));
      discardTimer = vertx.setTimer(DISCARD_MILLIS, t -> socket.close());
    }
  }

  private void inputEnded() {
    switch (reader.state()) {
      case HEADER, BODY -> {
        if (reader.started()) {
          log.info("{} refused: input ended after {} of {} bytes", request, reader.body() == null
              ? 0 : reader.body().length(), reader.body() == null ? "8 header" : reader.declared());
          answer(List.of(errorLine("request truncated")));
        }
        socket.close();
      }
      case TOO_LARGE -> socket.close();
      case COMPLETE -> {
        // the answer is on its way and closes the connection
      }
    }
  }

  private void evaluate() {
    long startNanos = System.nanoTime();
    byte[] text = reader.body().getBytes();
    batch = new BatchEvaluation(pool, text, BatchEvaluation.CHUNK_BYTES, config.limits(), config.workers());
    batch.start().onComplete(result -> {
      if (closed) {
        return;
      }
      if (result.failed()) {
        log.error("{} evaluation failed: {}", request, result.cause().toString());
        socket.close();
        return;
      }
      List<ChunkResult> chunks = result.result();
      log.info("{} bytes={} lines={} errors={} workers={} chunks={} evalMs={} totalMs={}", request, text.length,
          chunks.stream().mapToInt(ChunkResult::lines).sum(), chunks.stream().mapToInt(ChunkResult::errors).sum(),
          batch.workers(), chunks.size(), millisSince(startNanos), millisSince(openedNanos));
      answer(chunks.stream().map(chunk -> Buffer.buffer(chunk.bytes())).toList());
      socket.end();
    });
  }

  private static Buffer errorLine(String reason) {
    return Buffer.buffer("error: " + reason + "\n", StandardCharsets.US_ASCII.name());
  }

  /** Writes the length of {@code lines} and then them, pausing while the socket's write queue is full. */
  private void answer(List<Buffer> lines) {
    if (answered || closed) {
      return;
    }
    answered = true;
    long length = lines.stream().mapToLong(Buffer::length).sum();
    List<Buffer> parts = new ArrayList<>(lines.size() + 1);
    parts.add(Buffer.buffer(8).appendLong(length));
    parts.addAll(lines);
    write(parts.iterator());
  }

  private void write(Iterator<Buffer> parts) {
    while (parts.hasNext() && !closed) {
      if (socket.writeQueueFull()) {
        socket.drainHandler(v -> write(parts));
        return;
      }
      socket.write(parts.next());
    }
  }

  private void closed() {
    closed = true;
    if (batch != null) {
      batch.cancel();
    }
    if (discardTimer >= 0) {
      vertx.cancelTimer(discardTimer);
    }
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }
}
