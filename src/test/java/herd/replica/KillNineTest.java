package herd.replica;

import static org.assertj.core.api.Assertions.assertThat;

import herd.testing.FreePorts;
import herd.testing.Herd;
import herd.testing.NodeProcess;
import herd.testing.TcpClient;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two neighbours as separate processes; clients write to one of them while it is killed with {@code kill -9} at a
 * random moment. Every write a client heard acknowledged is there once the node is back, from its own disk (its
 * neighbour is down meanwhile, so nothing can come from there), and on its neighbour.
 */
class KillNineTest {

  private static final int PUTTERS = 3;
  private static final int MOVERS = 2;

  private final List<NodeProcess> nodes = new ArrayList<>();
  private final Set<String> ackedPuts = ConcurrentHashMap.newKeySet();
  private final ConcurrentHashMap<String, AtomicLong> ackedTimes = new ConcurrentHashMap<>();
  private final AtomicBoolean writing = new AtomicBoolean(true);

  @AfterEach
  void stopNodes() {
    nodes.forEach(NodeProcess::close);
  }

  private NodeProcess node(Herd herd, String name) {
    herd.config(name).put("metricsPort", FreePorts.next());
    NodeProcess node = new NodeProcess(herd.config(name));
    nodes.add(node);
    return node.start();
  }

  @Test
  void everyAcknowledgedWriteSurvivesKillNineAndReachesTheNeighbour() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    Herd herd = new Herd();
    NodeProcess goloman = node(herd, "Goloman");
    NodeProcess hands = node(herd, "Hands");
    ExecutorService clients = Executors.newFixedThreadPool(PUTTERS + MOVERS);
    for (int t = 0; t < PUTTERS; t++) {
      int putter = t;
      clients.submit(() -> put(goloman, putter));
    }
    for (int t = 0; t < MOVERS; t++) {
      int mover = t;
      clients.submit(() -> move(goloman, mover));
    }

    Thread.sleep(300 + random.nextInt(1200));
    goloman.kill();
    writing.set(false);
    clients.shutdown();
    assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    hands.stop();
    goloman.start();
    assertThat(ackedPuts).as("seed %d: puts acknowledged before the kill", seed).hasSizeGreaterThan(10);
    assertHoldsEveryAcknowledgedWrite(goloman, seed);

    hands.start();
    assertHoldsEveryAcknowledgedWrite(hands, seed);
  }

  private void assertHoldsEveryAcknowledgedWrite(NodeProcess node, long seed) throws InterruptedException {
    String name = node.config().getString("name");
    assertThat(awaitPuts(node)).as("seed %d: acknowledged puts missing at %s", seed, name).isEmpty();
    for (var mover : ackedTimes.entrySet()) {
      assertThat(awaitTimeAtLeast(node, mover.getKey(), mover.getValue().get()))
          .as("seed %d: %s's latest acknowledged location at %s", seed, mover.getKey(), name).isTrue();
    }
  }

  private void put(NodeProcess node, int putter) {
    try (TcpClient client = new TcpClient(node.config().getInteger("metricsPort"))) {
      for (int i = 1; writing.get(); i++) {
        String key = "k" + putter + "." + i;
        client.send("put " + key + " " + i + " " + i + "\n");
        if (!client.readUntil("\n\n").equals("ok\n\n")) {
          return;
        }
        ackedPuts.add(key);
      }
    } catch (UncheckedIOException killed) {
      // the node died under us: what was acknowledged so far is what counts
    }
  }

  private void move(NodeProcess node, int mover) {
    String client = "phone" + mover;
    try (TcpClient socket = new TcpClient(node.port())) {
      for (long i = 1; writing.get(); i++) {
        socket.send("IAMAT " + client + " +1-1 " + i + "\n");
        if (!socket.readUntil("\n").startsWith("AT ")) {
          return;
        }
        ackedTimes.computeIfAbsent(client, c -> new AtomicLong()).set(i);
      }
    } catch (UncheckedIOException killed) {
      // as above
    }
  }

  /** The acknowledged puts the node does not hold once it had ten seconds to catch up. */
  private Set<String> awaitPuts(NodeProcess node) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      Set<String> missing = new HashSet<>(ackedPuts);
      for (String line : TcpClient.exchange(node.config().getInteger("metricsPort"), "get *\n").split("\n")) {
        missing.remove(line.split(" ")[0]);
      }
      if (missing.isEmpty() || System.nanoTime() > deadline) {
        return missing;
      }
      Thread.sleep(100);
    }
  }

  private static boolean awaitTimeAtLeast(NodeProcess node, String client, long time) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      String reply = TcpClient.exchange(node.port(), "WHATSAT " + client + " 1 1\n");
      String[] at = reply.split("\n", 2)[0].split(" ");
      if (at.length == 6 && Long.parseLong(at[5]) >= time) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(100);
    }
  }
}
