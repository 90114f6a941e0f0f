package herd.metrics.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herd.testing.FreePorts;
import herd.testing.TestNodes;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class MetricsClientTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private static int startNode(Vertx vertx) {
    int port = FreePorts.next();
    TestNodes.deploy(vertx, TestNodes.config("Client").put("metricsPort", port));
    return port;
  }

  /** A server that answers the first request it receives with the given bytes, or closes if they are null. */
  private static int fakeServer(Vertx vertx, String reply) {
    NetServer server = vertx.createNetServer().connectHandler(socket -> socket.handler(request -> {
      if (reply == null) {
        socket.close();
      } else {
        socket.write(Buffer.buffer(reply));
      }
    }));
    return server.listen(0, "127.0.0.1").await().actualPort();
  }

  @Test
  void runsTheSeedsExampleAgainstANode(Vertx vertx) throws Exception {
    try (MetricsClient client = new MetricsClient("127.0.0.1", startNode(vertx), TIMEOUT)) {
      client.put("serv.cpu", 42.3, 1619445320);
      client.put("serv.cpu", 2.0, 1619445380);
      client.put("serv.cpu", 4.0, 1619445380);
      client.put("vers.memory", 1024, 1619445400);
      client.put("vers.memory", 2048, 1619445460);
      long before = System.currentTimeMillis() / 1000;
      client.put("vers.cpu", 100);
      long after = System.currentTimeMillis() / 1000;
      Map<String, List<Point>> all = client.get("*");
      assertThat(all.keySet()).containsExactly("serv.cpu", "vers.memory", "vers.cpu");
      assertThat(all.get("serv.cpu")).containsExactly(new Point(1619445320, 42.3), new Point(1619445380, 4.0));
      assertThat(all.get("vers.memory"))
          .containsExactly(new Point(1619445400, 1024.0), new Point(1619445460, 2048.0));
      assertThat(all.get("vers.cpu")).hasSize(1);
      assertThat(all.get("vers.cpu").get(0).value()).isEqualTo(100.0);
      assertThat(all.get("vers.cpu").get(0).timestamp()).isBetween(before, after);
      assertThat(client.get("vers.memory")).isEqualTo(Map.of("vers.memory", all.get("vers.memory")));
      assertThat(client.get("serv.memory")).isEmpty();
    }
  }

  @Test
  void isSafeToShareBetweenThreads(Vertx vertx) throws Exception {
    try (MetricsClient client = new MetricsClient("127.0.0.1", startNode(vertx), TIMEOUT)) {
      List<CompletableFuture<Void>> writers = new ArrayList<>();
      for (int w = 0; w < 8; w++) {
        String key = "thread." + w;
        writers.add(CompletableFuture.runAsync(() -> IntStream.range(0, 200).forEach(t -> {
          client.put(key, t, t);
          assertThat(client.get(key).get(key)).hasSize(t + 1);
        })));
      }
      CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get();
      Map<String, List<Point>> all = client.get("*");
      assertThat(all).hasSize(8);
      all.values().forEach(points -> assertThat(points).hasSize(200).isSortedAccordingTo(
          (a, b) -> Long.compare(a.timestamp(), b.timestamp())));
    }
  }

  @Test
  void sortsPointsByTimestampWhateverTheServersOrder(Vertx vertx) {
    int port = fakeServer(vertx, "ok\nk 2.0 20\nj 1e-07 5\nk 1.0 10\n\n");
    try (MetricsClient client = new MetricsClient("127.0.0.1", port, TIMEOUT)) {
      Map<String, List<Point>> all = client.get("*");
      assertThat(all.keySet()).containsExactly("k", "j");
      assertThat(all.get("k")).containsExactly(new Point(10, 1.0), new Point(20, 2.0));
      assertThat(all.get("j")).containsExactly(new Point(5, 1e-7));
    }
  }

  @Test
  void raisesTheServersError(Vertx vertx) {
    int port = fakeServer(vertx, "error\nwrong command\n\n");
    try (MetricsClient client = new MetricsClient("127.0.0.1", port, TIMEOUT)) {
      assertThatThrownBy(() -> client.put("k", 1, 1)).isInstanceOf(ClientError.class)
          .hasMessage("server error: wrong command");
    }
  }

  @Test
  void raisesAnUnparsableStatus(Vertx vertx) {
    int port = fakeServer(vertx, "hello\n\n");
    try (MetricsClient client = new MetricsClient("127.0.0.1", port, TIMEOUT)) {
      assertThatThrownBy(() -> client.get("k")).isInstanceOf(ClientError.class)
          .hasMessage("unparsable reply status \"hello\"");
    }
  }

  @Test
  void raisesAnUnparsablePoint(Vertx vertx) {
    int port = fakeServer(vertx, "ok\nk x 1\n\n");
    try (MetricsClient client = new MetricsClient("127.0.0.1", port, TIMEOUT)) {
      assertThatThrownBy(() -> client.get("k")).isInstanceOf(ClientError.class)
          .hasMessage("unparsable reply line \"k x 1\"");
    }
  }

  @Test
  void raisesDataInAPutReply(Vertx vertx) {
    int port = fakeServer(vertx, "ok\nk 1.0 1\n\n");
    try (MetricsClient client = new MetricsClient("127.0.0.1", port, TIMEOUT)) {
      assertThatThrownBy(() -> client.put("k", 1, 1)).isInstanceOf(ClientError.class)
          .hasMessage("unparsable reply line \"k 1.0 1\"");
    }
  }

  @Test
  void raisesATimeoutAndClosesTheConnection(Vertx vertx) {
    int port = fakeServer(vertx, "");
    try (MetricsClient client = new MetricsClient("127.0.0.1", port, Duration.ofMillis(200))) {
      assertThatThrownBy(() -> client.get("k")).isInstanceOf(ClientError.class)
          .hasMessage("no reply from 127.0.0.1:" + port + " within 200 ms; connection closed");
      assertThatThrownBy(() -> client.get("k")).isInstanceOf(ClientError.class)
          .hasMessage("connection to 127.0.0.1:" + port + " is closed");
    }
  }

  @Test
  void raisesAConnectionTheServerCloses(Vertx vertx) {
    int port = fakeServer(vertx, null);
    try (MetricsClient client = new MetricsClient("127.0.0.1", port, TIMEOUT)) {
      assertThatThrownBy(() -> client.get("k")).isInstanceOf(ClientError.class)
          .hasMessage("connection to 127.0.0.1:" + port + " failed: closed by the server");
    }
  }

  @Test
  void raisesARefusedConnection() throws Exception {
    int port = FreePorts.next();
    assertThatThrownBy(() -> new MetricsClient("127.0.0.1", port, TIMEOUT)).isInstanceOf(ClientError.class)
        .hasMessageStartingWith("cannot connect to 127.0.0.1:" + port + ": ");
  }

  @Test
  void refusesWhatTheProtocolCannotCarryAndCallsAfterClose(Vertx vertx) throws Exception {
    int port = startNode(vertx);
    try (MetricsClient client = new MetricsClient("127.0.0.1", port, TIMEOUT)) {
      assertThatThrownBy(() -> client.put("two words", 1, 1)).isInstanceOf(ClientError.class)
          .hasMessage("a key is one word of Latin-1 characters, not \"two words\"");
      assertThatThrownBy(() -> client.get("")).isInstanceOf(ClientError.class);
      assertThatThrownBy(() -> client.put("k", Double.NaN, 1)).isInstanceOf(ClientError.class)
          .hasMessage("value must be a finite number, not NaN");
      client.put("k", 1, 1);
      client.close();
      assertThatThrownBy(() -> client.get("k")).isInstanceOf(ClientError.class)
          .hasMessage("connection to 127.0.0.1:" + port + " is closed");
    }
  }
}
