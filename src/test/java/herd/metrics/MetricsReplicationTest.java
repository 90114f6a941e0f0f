package herd.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import herd.metrics.client.MetricsClient;
import herd.metrics.client.Point;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class MetricsReplicationTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final long WAIT_MILLIS = 10_000;

  @TempDir
  Path logs;
  private TestHerd herd;
  private final Map<String, MetricsClient> clients = new LinkedHashMap<>();

  @BeforeEach
  void startHerd(Vertx vertx) {
    herd = new TestHerd(vertx, logs, TestHerd.LINKS).startAll();
    awaitLinked(TestHerd.LINKS.keySet().stream().sorted().toList());
  }

  @AfterEach
  void closeClients() {
    clients.values().forEach(MetricsClient::close);
  }

  private MetricsClient at(String node) {
    return clients.computeIfAbsent(node, name -> new MetricsClient("127.0.0.1", herd.metricsPort(name), TIMEOUT));
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
    List<String> nodes = TestHerd.LINKS.keySet().stream().sorted().toList();
    assertThat(eventually(() -> nodes.stream().allMatch(node -> at(node).get("conflict.done")
        .getOrDefault("conflict.done", List.of()).size() == 2), WAIT_MILLIS)).isTrue();
    Map<String, List<Point>> first = at(nodes.get(0)).get("*");
    assertThat(first.keySet()).contains("conflict.0", "conflict." + (keys - 1));
    for (String node : nodes) {
      assertThat(sorted(at(node).get("*"))).as("all points at " + node).isEqualTo(sorted(first));
    }
    assertThat(first.get("conflict.0")).hasSize(1);
    assertThat(first.get("conflict.0").get(0).value()).isIn(1.0, 2.0);
  }

  private void putMany(String node, int keys, double value) {
    try (MetricsClient client = new MetricsClient("127.0.0.1", herd.metricsPort(node), TIMEOUT)) {
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
    herd.stop("Goloman");
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
