package herd.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herd.node.HerdNode;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class MetricsServerTest {

  private static final String OK = "ok\n\n";
  private static final String ERROR = "error\nwrong command\n\n";

  @TempDir
  Path logs;
  private int port;

  @BeforeEach
  void startNode(Vertx vertx) {
    TestHerd herd = TestHerd.single(vertx, logs).startAll();
    port = herd.metricsPort("Solo");
  }

  @Test
  void answersTheSeedsTelnetTranscript() throws Exception {
    try (Wire telnet = new Wire(port)) {
      assertThat(telnet.send("get test_key\r\n").replies(1)).isEqualTo(OK);
      assertThat(telnet.send("got test_key\r\n").replies(1)).isEqualTo(ERROR);
      assertThat(telnet.send("put test_key 12.0 1503319740\r\n").replies(1)).isEqualTo(OK);
      assertThat(telnet.send("put test_key 13.0 1503319739\r\n").replies(1)).isEqualTo(OK);
      assertThat(telnet.send("get test_key \r\n").replies(1))
          .isEqualTo("ok\ntest_key 13.0 1503319739\ntest_key 12.0 1503319740\n\n");
      assertThat(telnet.send("put another_key 10 1503319739\r\n").replies(1)).isEqualTo(OK);
      assertThat(telnet.send("get *\r\n").replies(1)).isEqualTo(
          "ok\ntest_key 13.0 1503319739\ntest_key 12.0 1503319740\nanother_key 10.0 1503319739\n\n");
    }
  }

  @Test
  void answersTheSeedsExamples() throws Exception {
    try (Wire wire = new Wire(port)) {
      wire.send("put serv.cpu 42.3 1619445320\nput serv.cpu 2.0 1619445380\nput vers.memory 1024 1619445400\n");
      assertThat(wire.replies(3)).isEqualTo(OK + OK + OK);
      assertThat(wire.send("get serv.cpu\n").replies(1))
          .isEqualTo("ok\nserv.cpu 42.3 1619445320\nserv.cpu 2.0 1619445380\n\n");
      assertThat(wire.send("put serv.cpu 4.0 1619445380\n").replies(1)).isEqualTo(OK);
      assertThat(wire.send("put serv.cpu\n").replies(1)).isEqualTo(ERROR);
      assertThat(wire.send("get *\n").replies(1)).isEqualTo(
          "ok\nserv.cpu 42.3 1619445320\nserv.cpu 4.0 1619445380\nvers.memory 1024.0 1619445400\n\n");
      assertThat(wire.send("get vers.memory\n").replies(1)).isEqualTo("ok\nvers.memory 1024.0 1619445400\n\n");
      assertThat(wire.send("get serv.memory\n").replies(1)).isEqualTo(OK);
    }
  }

  @Test
  void givesBlankLinesNoReply() throws Exception {
    try (Wire wire = new Wire(port)) {
      wire.send("get wrong command test\n\n \r\n\t\nget nothing\n");
      assertThat(wire.replies(2)).isEqualTo(ERROR + OK);
    }
  }

  @Test
  void answersPipelinedCommandsInOrder() throws Exception {
    StringBuilder requests = new StringBuilder();
    StringBuilder expected = new StringBuilder();
    for (int t = 0; t < 500; t++) {
      requests.append("put k ").append(t).append(" ").append(t).append("\nget k\nbad\n");
      expected.append(OK).append("ok\nk 0.0 0\n");
      for (int s = 1; s <= t; s++) {
        expected.append("k ").append(s).append(".0 ").append(s).append('\n');
      }
      expected.append('\n').append(ERROR);
    }
    try (Wire wire = new Wire(port)) {
      assertThat(wire.send(requests.toString()).replies(1500)).isEqualTo(expected.toString());
    }
  }

  @Test
  void joinsACommandSplitAcrossPackets() throws Exception {
    try (Wire wire = new Wire(port)) {
      wire.send("pu");
      Thread.sleep(50);
      wire.send("t k 1.5 7\r");
      Thread.sleep(50);
      wire.send("\nget");
      Thread.sleep(50);
      wire.send(" k\n");
      assertThat(wire.replies(2)).isEqualTo(OK + "ok\nk 1.5 7\n\n");
    }
  }

  @Test
  void answersALastCommandWithoutNewlineThenCloses() throws Exception {
    try (Wire wire = new Wire(port)) {
      wire.send("put k 1 1\nget k");
      wire.endOutput();
      assertThat(wire.rest()).isEqualTo(OK + "ok\nk 1.0 1\n\n");
    }
  }

  @Test
  void rejectsAnOverlongLineAndKeepsServing() throws Exception {
    try (Wire wire = new Wire(port)) {
      wire.send("put " + "k".repeat(MetricsService.LIMITS.maxLineBytes()) + " 1 1\nget *\n");
      assertThat(wire.replies(2)).isEqualTo(ERROR + OK);
    }
  }

  @Test
  void keepsDataAcrossConnections() throws Exception {
    try (Wire first = new Wire(port)) {
      assertThat(first.send("put k -1e-7 -2\n").replies(1)).isEqualTo(OK);
    }
    try (Wire second = new Wire(port)) {
      assertThat(second.send("get k\n").replies(1)).isEqualTo("ok\nk -1e-07 -2\n\n");
    }
  }

  @Test
  void aNodeWithoutMetricsPortStillStarts(Vertx vertx) {
    JsonObject herdOnly = new JsonObject().put("name", "Plain").put("port", TestHerd.freePort())
        .put("logFile", logs.resolve("Plain.log").toString());
    assertThat(vertx.deployVerticle(new HerdNode(), new DeploymentOptions().setConfig(herdOnly)).await())
        .isNotBlank();
  }

  @Test
  void aBadMetricsPortStopsTheNode(Vertx vertx) {
    JsonObject config = new JsonObject().put("name", "Bad").put("port", TestHerd.freePort())
        .put("metricsPort", 70000).put("logFile", logs.resolve("Bad.log").toString());
    assertThatThrownBy(() -> vertx.deployVerticle(new HerdNode(), new DeploymentOptions().setConfig(config)).await())
        .hasMessage("config key \"metricsPort\" must be a port from 1 to 65535, not 70000");
  }
}
