package herd.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herd.testing.FreePorts;
import herd.testing.TcpClient;
import herd.testing.TestNodes;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class MetricsServerTest {

  private static final String OK = "ok\n\n";
  private static final String ERROR = "error\nwrong command\n\n";

  private int port;

  @BeforeEach
  void startNode(Vertx vertx) {
    port = FreePorts.next();
    TestNodes.deploy(vertx, TestNodes.config("Metrics").put("metricsPort", port));
  }

  /** Sends the requests and checks that exactly the expected bytes come back, and nothing more. */
  private static void expect(TcpClient client, String requests, String expected) {
    assertThat(client.send(requests).read(expected.length())).isEqualTo(expected);
  }

  @Test
  void answersTheSeedsTelnetTranscript() {
    try (TcpClient telnet = new TcpClient(port)) {
      expect(telnet, "get test_key\r\n", OK);
      expect(telnet, "got test_key\r\n", ERROR);
      expect(telnet, "put test_key 12.0 1503319740\r\n", OK);
      expect(telnet, "put test_key 13.0 1503319739\r\n", OK);
      expect(telnet, "get test_key \r\n", "ok\ntest_key 13.0 1503319739\ntest_key 12.0 1503319740\n\n");
      expect(telnet, "put another_key 10 1503319739\r\n", OK);
      expect(telnet, "get *\r\n",
          "ok\ntest_key 13.0 1503319739\ntest_key 12.0 1503319740\nanother_key 10.0 1503319739\n\n");
      assertThat(telnet.readAvailable(Duration.ofMillis(100))).isEmpty();
    }
  }

  @Test
  void answersTheSeedsExamples() {
    try (TcpClient client = new TcpClient(port)) {
      expect(client, "put serv.cpu 42.3 1619445320\nput serv.cpu 2.0 1619445380\nput vers.memory 1024 1619445400\n",
          OK + OK + OK);
      expect(client, "get serv.cpu\n", "ok\nserv.cpu 42.3 1619445320\nserv.cpu 2.0 1619445380\n\n");
      expect(client, "put serv.cpu 4.0 1619445380\n", OK);
      expect(client, "put serv.cpu\n", ERROR);
      expect(client, "get *\n",
          "ok\nserv.cpu 42.3 1619445320\nserv.cpu 4.0 1619445380\nvers.memory 1024.0 1619445400\n\n");
      expect(client, "get vers.memory\n", "ok\nvers.memory 1024.0 1619445400\n\n");
      expect(client, "get serv.memory\n", OK);
    }
  }

  @Test
  void givesBlankLinesNoReply() {
    try (TcpClient client = new TcpClient(port)) {
      expect(client, "get wrong command test\n\n \r\n\t\n", ERROR);
      assertThat(client.readAvailable(Duration.ofMillis(200))).isEmpty();
    }
  }

  @Test
  void answersPipelinedCommandsInOrder() {
    StringBuilder requests = new StringBuilder();
    StringBuilder expected = new StringBuilder();
    for (int t = 0; t < 500; t++) {
      requests.append("put k ").append(t).append(" ").append(t).append("\nget k\nbad\n");
      expected.append(OK).append("ok\n");
      for (int s = 0; s <= t; s++) {
        expected.append("k ").append(s).append(".0 ").append(s).append('\n');
      }
      expected.append('\n').append(ERROR);
    }
    try (TcpClient client = new TcpClient(port)) {
      expect(client, requests.toString(), expected.toString());
    }
  }

  @Test
  void joinsACommandSplitAcrossPackets() throws Exception {
    try (TcpClient client = new TcpClient(port)) {
      client.send("pu");
      Thread.sleep(50);
      client.send("t k 1.5 7\r");
      Thread.sleep(50);
      client.send("\nget");
      Thread.sleep(50);
      expect(client, " k\n", OK + "ok\nk 1.5 7\n\n");
    }
  }

  @Test
  void answersALastCommandWithoutNewlineThenCloses() {
    assertThat(TcpClient.exchange(port, "put k 1 1\nget k")).isEqualTo(OK + "ok\nk 1.0 1\n\n");
  }

  @Test
  void rejectsAnOverlongLineAndKeepsServing() {
    try (TcpClient client = new TcpClient(port)) {
      expect(client, "put " + "k".repeat(MetricsService.MAX_LINE_BYTES) + " 1 1\nget *\n", ERROR + OK);
    }
  }

  @Test
  void keepsDataAcrossConnections() {
    try (TcpClient first = new TcpClient(port)) {
      expect(first, "put k -1e-7 -2\n", OK);
    }
    try (TcpClient second = new TcpClient(port)) {
      expect(second, "get k\n", "ok\nk -1e-07 -2\n\n");
    }
  }

  @Test
  void aNodeWithoutMetricsPortStillStarts(Vertx vertx) {
    assertThat(TestNodes.deploy(vertx, TestNodes.config("Plain"))).isNotBlank();
  }

  @Test
  void aBadMetricsPortStopsTheNode(Vertx vertx) {
    assertThatThrownBy(() -> TestNodes.deploy(vertx, TestNodes.config("Bad").put("metricsPort", 70000)))
        .hasMessage("config key \"metricsPort\" must be a port from 1 to 65535, not 70000");
  }
}
