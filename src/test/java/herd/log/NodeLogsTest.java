package herd.log;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import herd.net.WireLog;
import herd.testing.TcpClient;
import herd.testing.TestNodes;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/** What real nodes write to their log files, through the nodes' own logging ({@link DefaultLogConfigurator}). */
@ExtendWith(VertxExtension.class)
class NodeLogsTest {

  private static final int SHOWN = WireLog.SHOWN_BYTES;

  private static int start(Vertx vertx, String name) throws Exception {
    Files.deleteIfExists(TestNodes.logFile(name));
    JsonObject config = TestNodes.config(name);
    TestNodes.deploy(vertx, config);
    return config.getInteger("port");
  }

  @Test
  void longLinesAndWhatsatBodiesAreLoggedByTheirHeadsAndSizes(Vertx vertx) throws Exception {
    int port = start(vertx, "Terse");
    String huge = "\u0001".repeat(60_000);
    String reply = TcpClient.exchange(port, huge + "\nIAMAT kiwi +34.068930-118.445127 1520023934.9\n"
        + "WHATSAT kiwi 10 5\n");
    String whatsat = reply.substring(reply.lastIndexOf("\nAT ") + 1);
    int body = whatsat.length() - whatsat.indexOf('\n') - 1;

    String log = TestNodes.logOnceItContains("Terse", "closed");
    assertThat(log).contains("<- \"" + "\\x01".repeat(SHOWN) + "\" +" + (60_000 - SHOWN) + " bytes")
        .contains("-> \"? " + "\\x01".repeat(SHOWN - 2) + "\" +" + (60_003 - SHOWN) + " bytes")
        .containsPattern("-> \"AT Terse [^\"]* kiwi \\+34\\.068930-118\\.445127 1520023934\\.9\\\\n\" \\+" + body
            + " bytes");
    assertThat(log.length()).isLessThan(8 * 1024);
  }

  @Test
  void aFloodOfTinyLinesIsLoggedWithinAMultipleOfWhatItSent(Vertx vertx) throws Exception {
    int port = start(vertx, "Flooded");
    byte[] tiny = "x\n\n \n".repeat(100_000).getBytes(StandardCharsets.US_ASCII);
    TcpClient.exchangeWhileReading(port, tiny);
    String log = TestNodes.logOnceItContains("Flooded", "closed;");
    assertThat(log).containsPattern("closed; \\d+ lines in and out were not logged");
    assertThat((long) log.length()).isLessThan(16L * tiny.length + 64 * 1024 + 4096);
  }

  @Test
  void theWireTopicCanBeTurnedDownWithoutTheRest(Vertx vertx) throws Exception {
    ch.qos.logback.classic.Logger wire = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("herd.wire");
    Level before = wire.getLevel();
    wire.setLevel(Level.WARN);
    try {
      Files.deleteIfExists(TestNodes.logFile("Hushed"));
      JsonObject config = TestNodes.config("Hushed");
      String deployment = TestNodes.deploy(vertx, config);
      TcpClient.exchange(config.getInteger("port"), "IAMAT kiwi +34.068930-118.445127 1520023934.9\n");
      vertx.undeploy(deployment).await();
      String log = TestNodes.logOnceItContains("Hushed", "node stopping");
      assertThat(log).contains("INFO  node   node stopping").doesNotContain("wire");
    } finally {
      wire.setLevel(before);
    }
  }

  @Test
  void nodesInOneProcessKeepSeparateFiles(Vertx vertx) throws Exception {
    int first = start(vertx, "Left");
    int second = start(vertx, "Right");
    TcpClient.exchange(first, "left\n");
    TcpClient.exchange(second, "right\n");
    assertThat(TestNodes.logOnceItContains("Left", "-> \"\\? left")).contains("<- \"left\"").doesNotContain("right");
    assertThat(TestNodes.logOnceItContains("Right", "-> \"\\? right")).contains("<- \"right\"")
        .doesNotContain("left");
  }

  @Test
  void topicsAreNamedAfterTheLoggers() {
    assertThat(NodeLogs.topic("herd.wire.Goloman")).isEqualTo("wire");
    assertThat(NodeLogs.topic("herd.peer.a.b")).isEqualTo("peer");
    assertThat(NodeLogs.topic("io.netty.Channel")).isEqualTo("io.netty.Channel");
    assertThat(Pattern.matches("logs/Nowhere\\.log", NodeLogs.fileOf("herd.wire.Nowhere"))).isTrue();
  }
}
