package herd.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herd.testing.FreePorts;
import herd.testing.TcpClient;
import herd.testing.TestNodes;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One node over real sockets: what it stores survives its restart, and clients cannot write as peers do. */
@ExtendWith(VertxExtension.class)
class ReplicaNodeTest {

  private static JsonObject nodeWithMetrics(String name) {
    return TestNodes.config(name).put("metricsPort", FreePorts.next());
  }

  private static String whatsat(JsonObject config, String client) {
    return TcpClient.exchange(config.getInteger("port"), "WHATSAT " + client + " 1 1\n");
  }

  private static String getAll(JsonObject config) {
    return TcpClient.exchange(config.getInteger("metricsPort"), "get *\n");
  }

  @Test
  void locationsAndPointsSurviveARestartOfTheNode(Vertx vertx) {
    JsonObject config = nodeWithMetrics("Restarted");
    String deployment = TestNodes.deploy(vertx, config);
    String at = TcpClient.exchange(config.getInteger("port"), "IAMAT phone +1-1 1700000000.5\n");
    assertThat(TcpClient.exchange(config.getInteger("metricsPort"), "put cpu 0.5 17\nput cpu 2 18\nput cpu 3 17\n"))
        .isEqualTo("ok\n\nok\n\nok\n\n");

    vertx.undeploy(deployment).await();
    TestNodes.deploy(vertx, config);

    assertThat(whatsat(config, "phone")).startsWith(at);
    assertThat(getAll(config)).isEqualTo("ok\ncpu 3.0 17\ncpu 2.0 18\n\n");
  }

  @Test
  void tenThousandPipelinedPutsGetTenThousandOksInOrder(Vertx vertx) {
    JsonObject config = nodeWithMetrics("Pipelined");
    TestNodes.deploy(vertx, config);
    StringBuilder puts = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      puts.append("put pipe.").append(i % 7).append(' ').append(i).append(' ').append(i).append('\n');
    }

    assertThat(TcpClient.exchange(config.getInteger("metricsPort"), puts.toString()))
        .isEqualTo("ok\n\n".repeat(10_000));
    assertThat(getAll(config).split("\n")).hasSize(1 + 10_000);
  }

  @Test
  void everyPipelinedReadSeesExactlyTheWritesBeforeIt(Vertx vertx) {
    JsonObject config = nodeWithMetrics("ReadsOwnWrites");
    TestNodes.deploy(vertx, config);
    StringBuilder lines = new StringBuilder();
    StringBuilder expected = new StringBuilder();
    StringBuilder held = new StringBuilder();
    for (int i = 1; i <= 200; i++) {
      lines.append("put seen ").append(i).append(' ').append(i).append("\nget seen\n");
      held.append("seen ").append(i).append(".0 ").append(i).append('\n');
      expected.append("ok\n\n").append("ok\n").append(held).append('\n');
    }

    assertThat(TcpClient.exchange(config.getInteger("metricsPort"), lines.toString())).isEqualTo(expected.toString());
  }

  @Test
  void underMemoryDurabilityARestartedNodeStartsEmpty(Vertx vertx) {
    JsonObject config = nodeWithMetrics("Forgetful").put("durability", "memory");
    String deployment = TestNodes.deploy(vertx, config);
    TcpClient.exchange(config.getInteger("metricsPort"), "put cpu 0.5 17\n");
    assertThat(getAll(config)).isEqualTo("ok\ncpu 0.5 17\n\n");

    vertx.undeploy(deployment).await();
    TestNodes.deploy(vertx, config);

    assertThat(getAll(config)).isEqualTo("ok\n\n");
    assertThat(Path.of(config.getString("dataDir"))).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "AT Hands +0.1 forged +1-1 1700000000.5",
      "U Hands.x 1700000000000000 0 AT Hands +0.1 forged +1-1 1700000000.5",
      "PUT Hands 1700000000000000 forged 1 1",
      "VV",
      "CAUGHT Hands.x=99"})
  void aClientSendingWhatPeersSendIsAnsweredAsAnyInvalidCommandAndNothingIsStored(String line, Vertx vertx) {
    JsonObject config = nodeWithMetrics("Guarded");
    TestNodes.deploy(vertx, config);

    assertThat(TcpClient.exchange(config.getInteger("port"), line + "\n")).isEqualTo("? " + line + "\n");
    assertThat(TcpClient.exchange(config.getInteger("metricsPort"), line + "\n")).isEqualTo("error\nwrong command\n\n");
    assertThat(whatsat(config, "forged")).isEqualTo("? WHATSAT forged 1 1\n");
    assertThat(getAll(config)).isEqualTo("ok\n\n");
  }

  @Test
  void pastTheLocationBoundANewClientIsRefusedWithOneWarningWhileKnownClientsStillMove(Vertx vertx) throws Exception {
    String name = "Crowded" + System.nanoTime();
    JsonObject config = TestNodes.config(name).put("maxLocations", 2);
    TestNodes.deploy(vertx, config);
    int port = config.getInteger("port");
    TcpClient.exchange(port, "IAMAT a +1-1 1\nIAMAT b +1-1 1\n");

    assertThat(TcpClient.exchange(port, "IAMAT c +1-1 1\nIAMAT d +1-1 1\n"))
        .isEqualTo("? IAMAT c +1-1 1\n? IAMAT d +1-1 1\n");
    assertThat(TcpClient.exchange(port, "IAMAT a +2-2 2\n")).startsWith("AT " + name + " ").endsWith(" a +2-2 2\n");
    String log = TestNodes.logOnceItContains(name, "the store of AT updates is full");
    assertThat(log.split("the store of AT updates is full", -1)).hasSize(2);
  }

  @Test
  void aWriteTheDiskRefusesIsNeverAcknowledgedAndTheNodeStopsTakingWrites(Vertx vertx) throws Exception {
    String name = "Cramped" + System.nanoTime();
    JsonObject config = nodeWithMetrics(name).put("maxDataMegabytes", 1);
    TestNodes.deploy(vertx, config);
    Random random = new Random(7);
    List<String> acknowledged = new ArrayList<>();
    String reply = "";
    try (TcpClient client = new TcpClient(config.getInteger("metricsPort"))) {
      for (int i = 0; i < 2_000 && !reply.startsWith("error"); i++) {
        String key = randomLetters(random, 7_000);
        client.send("put " + key + " " + i + " 1\n");
        reply = client.readUntil("\n\n");
        if (reply.equals("ok\n\n")) {
          acknowledged.add(key);
        }
      }
    }

    assertThat(reply).isEqualTo("error\nwrong command\n\n");
    assertThat(acknowledged).hasSizeGreaterThan(10);
    assertThat(TcpClient.exchange(config.getInteger("metricsPort"), "put small 1 1\n"))
        .isEqualTo("error\nwrong command\n\n");
    assertThat(TcpClient.exchange(config.getInteger("port"), "IAMAT late +1-1 1\n")).isEqualTo("? IAMAT late +1-1 1\n");
    String all = getAll(config);
    assertThat(acknowledged).allMatch(key -> all.contains("\n" + key + " "));
    assertThat(TestNodes.logOnceItContains(name, "store failed")).contains("refusing every write from now on");
  }

  private static String randomLetters(Random random, int length) {
    StringBuilder letters = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      letters.append((char) ('a' + random.nextInt(26)));
    }
    return letters.toString();
  }

  @Test
  void aCorruptDataDirectoryStopsTheNodeWithOneLine(Vertx vertx) throws Exception {
    JsonObject config = TestNodes.config("Corrupt");
    vertx.undeploy(TestNodes.deploy(vertx, config)).await();
    Path dataDir = Path.of(config.getString("dataDir"));
    Files.writeString(dataDir.resolve("CURRENT"), "garbage without a newline");

    assertThatThrownBy(() -> TestNodes.deploy(vertx, config))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("cannot open the data directory " + dataDir + ": ")
        .hasMessageNotContaining("\n");
  }

  @Test
  void anUnknownDurabilityStopsTheNodeWithOneLine(Vertx vertx) {
    JsonObject config = TestNodes.config("Unsure").put("durability", "sometimes");

    assertThatThrownBy(() -> TestNodes.deploy(vertx, config))
        .hasMessage("config key \"durability\" must be \"memory\", \"write\" or \"fsync\", not \"sometimes\"");
  }
}
