package herd.replica;

import static org.assertj.core.api.Assertions.assertThat;

import herd.testing.FreePorts;
import herd.testing.Herd;
import herd.testing.TcpClient;
import herd.testing.TestNodes;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Five real nodes in the seed's topology: whatever a node missed while it or a path to it was down, it catches up. */
@ExtendWith(VertxExtension.class)
class CatchUpTest {

  private Herd herd;

  @BeforeEach
  void startHerd(Vertx vertx) {
    herd = new Herd();
    Herd.NAMES.forEach(name -> herd.config(name).put("metricsPort", FreePorts.next()));
    herd.startAll(vertx);
    awaitEverywhere("probe", "put probe 1 1\n", "Goloman");
  }

  private int metrics(String node) {
    return herd.config(node).getInteger("metricsPort");
  }

  private String getAll(String node) {
    return TcpClient.exchange(metrics(node), "get *\n");
  }

  private String whatsat(String node, String client) {
    return TcpClient.exchange(herd.port(node), "WHATSAT " + client + " 1 1\n").split("\n", 2)[0];
  }

  /** Puts at {@code node} and waits until every node up holds {@code key}. */
  private void awaitEverywhere(String key, String puts, String node) {
    TcpClient.exchange(metrics(node), puts);
    for (String other : Herd.NAMES) {
      await(() -> getAll(other).contains("\n" + key + " "), other + " holds " + key);
    }
  }

  private static void await(Supplier<Boolean> condition, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.get()) {
      assertThat(System.nanoTime()).as("waiting until %s", what).isLessThan(deadline);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** What a node holds, keys in order: the order of first storing is each node's own. */
  private Map<String, String> points(String node) {
    Map<String, String> points = new TreeMap<>();
    for (String line : getAll(node).split("\n")) {
      String[] f = line.split(" ");
      if (f.length == 3) {
        points.put(f[0] + " " + f[2], f[1]);
      }
    }
    return points;
  }

  @Test
  void anIslandRejoinsBothWaysOnceItsPathReturns() {
    herd.kill("Holiday");
    String atWelsh = TcpClient.exchange(herd.port("Welsh"), "IAMAT island +1-1 1700000000\n").trim();
    TcpClient.exchange(metrics("Goloman"), "put mainland 7 1\n");

    herd.start("Holiday");

    for (String node : Herd.NAMES) {
      await(() -> whatsat(node, "island").equals(atWelsh), node + " knows the island's client");
      await(() -> getAll(node).contains("\nmainland 7.0 1\n"), node + " holds the mainland's put");
    }
  }

  @Test
  void aNodeDownWhileTenThousandPutsFlowGetsEveryOneOfThemBack() {
    herd.kill("Hands");
    StringBuilder puts = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      puts.append("put flow.").append(i % 100).append(' ').append(i).append(' ').append(i).append('\n');
    }
    assertThat(TcpClient.exchange(metrics("Welsh"), puts.toString())).hasSize(10_000 * "ok\n\n".length());
    Map<String, String> expected = points("Welsh");
    assertThat(expected).hasSize(10_001);

    herd.start("Hands");

    await(() -> points("Hands").equals(expected), "Hands holds what Welsh holds");
  }

  @Test
  void aNodeStartedWithAnEmptyDataDirectoryReceivesEverything() {
    TcpClient.exchange(herd.port("Welsh"), "IAMAT far +2-2 1700000000\n");
    TcpClient.exchange(metrics("Hands"), "put far.metric 1 1\nput far.metric 2 2\n");
    await(() -> getAll("Goloman").contains("far.metric 2.0 2"), "the puts spread");
    herd.kill("Goloman");
    herd.config("Goloman").put("dataDir", TestNodes.freshDataDir("Goloman").toString());

    herd.start("Goloman");

    await(() -> points("Goloman").equals(points("Hands")), "Goloman holds what Hands holds");
    await(() -> whatsat("Goloman", "far").startsWith("AT Welsh "), "Goloman knows Welsh's client");
  }

  @Test
  void bothSidesOfAPartitionEndWithTheUnionAndTheSameWinners() {
    herd.kill("Holiday");
    TcpClient.exchange(metrics("Welsh"), "put split.welsh 1 1\nput split.both 1 5\n");
    TcpClient.exchange(metrics("Goloman"), "put split.goloman 2 1\nput split.both 2 5\n");
    TcpClient.exchange(herd.port("Welsh"), "IAMAT roamer +1-1 1700000001\n");
    TcpClient.exchange(herd.port("Wilkes"), "IAMAT roamer +2-2 1700000000\n");

    herd.start("Holiday");

    for (String node : Herd.NAMES) {
      await(() -> points(node).keySet().containsAll(List.of("split.welsh 1", "split.goloman 1", "split.both 5")),
          node + " holds both sides' puts");
      await(() -> whatsat(node, "roamer").endsWith(" roamer +1-1 1700000001"), node + " has the latest location");
    }
    Map<String, String> goloman = points("Goloman");
    for (String node : Herd.NAMES) {
      assertThat(points(node)).as("what %s holds", node).isEqualTo(goloman);
    }
  }
}
