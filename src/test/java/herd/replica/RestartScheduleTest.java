package herd.replica;

import static org.assertj.core.api.Assertions.assertThat;

import herd.testing.Herd;
import herd.testing.NodeProcess;
import herd.testing.TcpClient;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The five nodes as separate processes, two at a time killed with {@code kill -9} and restarted one by one with half
 * a second between: a location reported anywhere reaches every node that a path of live links connects to it,
 * whatever backoff the nodes were in while their neighbours were down.
 */
class RestartScheduleTest {

  private static final List<List<String>> KILLED_PAIRS = List.of(
      List.of("Holiday", "Hands"), List.of("Goloman", "Welsh"), List.of("Wilkes", "Holiday"));
  private static final AtomicInteger CLIENTS = new AtomicInteger();

  private final Herd herd = new Herd();
  private final Map<String, NodeProcess> nodes = new LinkedHashMap<>();

  @AfterEach
  void stopNodes() {
    nodes.values().forEach(NodeProcess::close);
  }

  @Test
  void everyLocationReachesEveryConnectedNodeThroughKillsAndRestarts() throws Exception {
    Herd.NAMES.forEach(name -> nodes.put(name, new NodeProcess(herd.config(name))));
    nodes.values().forEach(NodeProcess::start);

    for (List<String> pair : KILLED_PAIRS) {
      pair.forEach(name -> nodes.get(name).kill());
      reportEverywhereAndCheck(pair);
      for (String name : pair) {
        nodes.get(name).start();
        Thread.sleep(500);
        reportEverywhereAndCheck(pair);
      }
    }
  }

  /** Reports a new client at each live node, and right away asks every node connected to it. */
  private void reportEverywhereAndCheck(List<String> schedule) throws InterruptedException {
    for (String at : live()) {
      String client = "roamer-" + CLIENTS.incrementAndGet();
      String reply = TcpClient.exchange(herd.port(at), "IAMAT " + client + " +1-1 1700000000\n");
      assertThat(reply).startsWith("AT " + at + " ");
      for (String node : connectedTo(at)) {
        assertThat(awaitKnown(node, client)).as("after %s: %s reported at %s is known at %s", schedule, client, at,
            node).isTrue();
      }
    }
  }

  private Set<String> live() {
    Set<String> live = new HashSet<>();
    nodes.forEach((name, node) -> {
      if (node.isAlive()) {
        live.add(name);
      }
    });
    return live;
  }

  private Set<String> connectedTo(String start) {
    Set<String> live = live();
    Set<String> reached = new HashSet<>(List.of(start));
    Deque<String> next = new ArrayDeque<>(reached);
    while (!next.isEmpty()) {
      for (String neighbour : herd.config(next.poll()).getJsonObject("neighbours").fieldNames()) {
        if (live.contains(neighbour) && reached.add(neighbour)) {
          next.add(neighbour);
        }
      }
    }
    return reached;
  }

  private boolean awaitKnown(String node, String client) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (!TcpClient.exchange(herd.port(node), "WHATSAT " + client + " 1 1\n").startsWith("AT ")) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }
}
