package herd.replica;

import static org.assertj.core.api.Assertions.assertThat;

import herd.peer.TestPeer;
import herd.testing.FreePorts;
import herd.testing.TcpClient;
import herd.testing.TestNodes;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What an authenticated but lying neighbour can and cannot do to a node's state. */
@ExtendWith(VertxExtension.class)
class ForgedUpdatesTest {

  private static final String KEY = System.getenv("HERD_SECRET");

  /** A node that takes {@code Mallory} for a neighbour, deployed; its config. */
  private static JsonObject nodeNeighbouringMallory(Vertx vertx, String name) {
    JsonObject config = TestNodes.config(name).put("metricsPort", FreePorts.next()).put("peerPort", FreePorts.next())
        .put("neighbours", new JsonObject().put("Mallory", "127.0.0.1:" + FreePorts.next()));
    TestNodes.deploy(vertx, config);
    return config;
  }

  private static String getAll(JsonObject config) {
    return TcpClient.exchange(config.getInteger("metricsPort"), "get *\n");
  }

  @Test
  void aVersionFarAheadOfTheClockIsRefusedAndEveryoneElseStillWrites(Vertx vertx) throws Exception {
    String name = "Target" + System.nanoTime();
    JsonObject config = nodeNeighbouringMallory(vertx, name);
    assertThat(TcpClient.exchange(config.getInteger("metricsPort"), "put real.key 1 100\n")).isEqualTo("ok\n\n");
    long now = TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis());

    try (TcpClient mallory = TestPeer.dial(config.getInteger("peerPort"), "Mallory", KEY)) {
      mallory.send("U Mallory.x " + (now + TimeUnit.HOURS.toMicros(1)) + " 0 PUT real.key 666 100\n");
      mallory.send("U Mallory.x " + (now + TimeUnit.HOURS.toMicros(2)) + " 0 PUT forged.key 666 100\n");
      mallory.send("U Mallory.y " + now + " 0 PUT honest.key 7 100\n");
      awaitContains(config, "honest.key");
    }

    assertThat(getAll(config)).isEqualTo("ok\nreal.key 1.0 100\nhonest.key 7.0 100\n\n");
    assertThat(TcpClient.exchange(config.getInteger("metricsPort"), "put real.key 2 100\nget real.key\n"))
        .isEqualTo("ok\n\nok\nreal.key 2.0 100\n\n");
    assertThat(TestNodes.logOnceItContains(name, "refused, its clock"))
        .contains("from Mallory: update of Mallory.x refused, its clock " + (now + TimeUnit.HOURS.toMicros(1))
            + " is more than 60 s ahead of ours");
  }

  @Test
  void malformedUpdatesFromANeighbourAreDroppedWithoutHarm(Vertx vertx) throws Exception {
    String name = "Sturdy" + System.nanoTime();
    JsonObject config = nodeNeighbouringMallory(vertx, name);
    long now = TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis());

    try (TcpClient mallory = TestPeer.dial(config.getInteger("peerPort"), "Mallory", KEY)) {
      mallory.send("U Mallory.x " + now + " 0 PUT no.value x 100\n");
      mallory.send("U Mallory.x " + now + " 0 NOSUCHKIND a b c\n");
      mallory.send("U Mallory.x 5 9 PUT k 1 1\n");
      mallory.send("VV a=b\n");
      mallory.send("U Mallory.x " + now + " 0 AT Mallory +0.5 victim +1-1 1700000000\n");
      awaitKnown(config, "victim");
    }

    assertThat(getAll(config)).isEqualTo("ok\n\n");
    assertThat(TcpClient.exchange(config.getInteger("metricsPort"), "put after 1 1\n")).isEqualTo("ok\n\n");
  }

  private static void awaitContains(JsonObject config, String key) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!getAll(config).contains(key)) {
      assertThat(System.nanoTime()).as("waiting for %s", key).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private static void awaitKnown(JsonObject config, String client) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!TcpClient.exchange(config.getInteger("port"), "WHATSAT " + client + " 1 1\n").startsWith("AT Mallory ")) {
      assertThat(System.nanoTime()).as("waiting for %s", client).isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
