package herd.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import herd.metrics.client.MetricsClient;
import herd.metrics.client.Point;
import herd.testing.FreePorts;
import herd.testing.Herd;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class MetricsReplicationTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final long WAIT_MILLIS = 10_000;

  private static final List<String> NODES = Herd.NAMES;

  private final Herd herd = new Herd();
  private final Map<String, Integer> ports = new LinkedHashMap<>();
  private final Map<String, MetricsClient> clients = new LinkedHashMap<>();

  @BeforeEach
  void startHerd(Vertx vertx) {
    NODES.forEach(name -> {
      ports.put(name, FreePorts.next());
      herd.config(name).put("metricsPort", ports.get(name));
    });
    herd.startAll(vertx);
    awaitLinked(NODES);
  }

  @AfterEach
  void closeClients() {
    clients.values().forEach(MetricsClient::close);
  }

  private MetricsClient at(String node) {
    return clients.computeIfAbsent(node, name -> new MetricsClient("127.0.0.1", ports.get(name), TIMEOUT));
  }

  /** Waits until a put at each of the nodes reaches all of them: only puts made after that are owed to everyone. */
  private void awaitLinked(List<String> nodes) {
    for (int round = 0; ; round++) {
      String key = "probe." + round;
      nodes.forEach(node -> at(node).put(key + "." + node, 1, 1));
      if (eventually(() -> nodes.stream().allMatch(reader -> at(reader).get(key + ".").isEmpty()
          && nodes.stream().allMatch(writer -> !at(reader).get(key + "." + writer).isEmpty())), 1_000)) {
        return;
      }
      assertThat(round).as("the herd's links come up").isLessThan(20);
    }
  }

  private static boolean eventually(Supplier<Boolean> condition, long millis) {
    long deadline = System.currentTimeMillis() + millis;
    while (!condition.get()) {
      if (System.currentTimeMillis() > deadline) {
        return false;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  @Test
  void aPutAtWelshIsReturnedByAGetAtHands() {
    at("Welsh").put("serv.cpu", 42.3, 1619445320);
    assertThat(eventually(() -> !at("Hands").get("serv.cpu").isEmpty(), WAIT_MILLIS)).isTrue();
    assertThat(at("Hands").get("serv.cpu")).isEqualTo(Map.of("serv.cpu", List.of(new Point(1619445320, 42.3))));
  }

  @Test
  void concurrentConflictingPutsConvergeOnEveryNode() throws Exception {
    int keys = 200;
    CompletableFuture<Void> welsh = CompletableFuture.runAsync(() -> putMany("Welsh", keys, 1.0));
    CompletableFuture<Void> hands = CompletableFuture.runAsync(() -> putMany("Hands", keys, 2.0));
    CompletableFuture.allOf(welsh, hands).get();
    at("Welsh").put("conflict.done", 1, 1);
    at("Hands").put("conflict.done", 1, 2);
    assertThat(eventually(() -> NODES.stream().allMatch(node -> at(node).get("conflict.done")
        .getOrDefault("conflict.done", List.of()).size() == 2), WAIT_MILLIS)).isTrue();
    Map<String, List<Point>> first = at(NODES.get(0)).get("*");
    assertThat(first.keySet()).contains("conflict.0", "conflict." + (keys - 1));
    for (String node : NODES) {
      assertThat(sorted(at(node).get("*"))).as("all points at " + node).isEqualTo(sorted(first));
    }
    assertThat(first.get("conflict.0")).hasSize(1);
    assertThat(first.get("conflict.0").get(0).value()).isIn(1.0, 2.0);
  }

  private void putMany(String node, int keys, double value) {
    try (MetricsClient client = new MetricsClient("127.0.0.1", ports.get(node), TIMEOUT)) {
      for (int k = 0; k < keys; k++) {
        client.put("conflict." + k, value, 1000);
      }
    }
  }

  /** Key order is each node's own; values must agree. */
  private static Map<String, List<Point>> sorted(Map<String, List<Point>> points) {
    Map<String, List<Point>> byKey = new java.util.TreeMap<>(points);
    byKey.keySet().removeIf(key -> key.startsWith("probe."));
    return byKey;
  }

  @Test
  void aNodeThatIsDownDoesNotStopTheFloodAndGetsPutsOnceBack() {
    herd.kill("Goloman");
    clients.remove("Goloman").close();
    at("Welsh").put("while.down", 1, 1);
    for (String node : List.of("Hands", "Holiday", "Wilkes")) {
      assertThat(eventually(() -> !at(node).get("while.down").isEmpty(), WAIT_MILLIS)).as(node).isTrue();
    }
    herd.start("Goloman");
    awaitLinked(List.of("Goloman", "Welsh"));
    at("Welsh").put("after.restart", 2, 2);
    assertThat(eventually(() -> !at("Goloman").get("after.restart").isEmpty(), WAIT_MILLIS)).isTrue();
  }
}
