package herd.net;

import static org.assertj.core.api.Assertions.assertThat;

import herd.testing.TcpClient;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/** A line connection over a loopback socket, with handlers that answer far more than they are asked. */
@ExtendWith(VertxExtension.class)
class LineConnectionTest {

  private static final LineLimits LIMITS = LineLimits.DEFAULT.withIdleTimeout(Duration.ofSeconds(1));

  /** Answers {@code big} with an endless reply, counting what it produced; anything else with {@code ok}. */
  private static class Greedy implements LineHandler {
    final AtomicLong produced = new AtomicLong();

    @Override
    public Future<Buffer> line(Buffer line) {
      return Future.succeededFuture(Buffer.buffer("ok\n"));
    }

    @Override
    public Buffer overlong(Buffer head) {
      return Buffer.buffer("long\n");
    }

    @Override
    public ReplyChunks chunked(Buffer line) {
      if (!line.toString().equals("big")) {
        return null;
      }
      return maxBytes -> {
        produced.addAndGet(maxBytes);
        return Buffer.buffer(new byte[maxBytes]);
      };
    }
  }

  private record Served(int port, AtomicReference<LineConnection> connection, AtomicReference<Context> context) {
    long queuedBytes() throws Exception {
      CompletableFuture<Long> bytes = new CompletableFuture<>();
      context.get().runOnContext(v -> bytes.complete(connection.get().queuedBytes()));
      return bytes.get(5, TimeUnit.SECONDS);
    }
  }

  private static Served serve(Vertx vertx, LineHandler handler) {
    AtomicReference<LineConnection> connection = new AtomicReference<>();
    AtomicReference<Context> context = new AtomicReference<>();
    NetServer server = vertx.createNetServer().connectHandler(socket -> {
      context.set(Vertx.currentContext());
      connection.set(LineConnection.serve(socket, handler, LIMITS,
          new WireLog(LoggerFactory.getLogger("test.net.wire"), "test", 1, "client", false),
          Future.succeededFuture(), () -> { }));
    });
    return new Served(server.listen(0, "127.0.0.1").await().actualPort(), connection, context);
  }

  @Test
  void aClientThatNeverReadsAHugeReplyHoldsAtMostTheQueueBoundAndStopsItsProduction(Vertx vertx) throws Exception {
    Greedy handler = new Greedy();
    Served served = serve(vertx, handler);
    try (TcpClient client = new TcpClient(served.port())) {
      client.send("big\n" + "x\n".repeat(100_000));
      long before = -1;
      long after = handler.produced.get();
      while (after != before) {
        Thread.sleep(100);
        before = after;
        after = handler.produced.get();
      }
      assertThat(served.queuedBytes()).isLessThanOrEqualTo(LIMITS.maxQueuedBytes() + LineConnection.CHUNK_BYTES);
      // what the kernel's socket buffers took, and no more
      assertThat(after).isLessThan(64L * 1024 * 1024);
    }
  }

  @Test
  void aSlowReaderGetsAChunkedReplyWholeAndInOrderAfterTheRepliesBeforeIt(Vertx vertx) throws Exception {
    LineHandler counting = new Greedy() {
      @Override
      public ReplyChunks chunked(Buffer line) {
        if (!line.toString().equals("count")) {
          return null;
        }
        int[] next = {0};
        return maxBytes -> {
          if (next[0] == 500_000) {
            return null;
          }
          Buffer piece = Buffer.buffer();
          while (piece.length() < maxBytes && next[0] < 500_000) {
            piece.appendString(next[0]++ + "\n");
          }
          return piece;
        };
      }
    };
    Served served = serve(vertx, counting);
    StringBuilder expected = new StringBuilder("ok\n");
    for (int i = 0; i < 500_000; i++) {
      expected.append(i).append('\n');
    }
    expected.append("ok\n");
    try (TcpClient client = new TcpClient(served.port())) {
      client.send("hello\ncount\nhello\n");
      Thread.sleep(300);
      assertThat(client.read(expected.length())).isEqualTo(expected.toString());
    }
  }

  @Test
  void aLineTrickledByteByByteIsClosedAtTheIdleTimeout(Vertx vertx) {
    Served served = serve(vertx, new Greedy());
    assertThat(TcpClient.trickleUntilClosed(served.port())).isBetween(Duration.ofMillis(900), Duration.ofSeconds(3));
  }

  @Test
  void aClientSendingCompleteLinesIsNotIdle(Vertx vertx) throws Exception {
    Served served = serve(vertx, new Greedy());
    try (TcpClient client = new TcpClient(served.port())) {
      for (int i = 0; i < 8; i++) {
        client.send("hello\n");
        assertThat(client.read(3)).isEqualTo("ok\n");
        Thread.sleep(250);
      }
    }
  }
}
