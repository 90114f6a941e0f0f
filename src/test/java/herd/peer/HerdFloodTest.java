package herd.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import herd.testing.Herd;
import herd.testing.TcpClient;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Five real nodes in the seed's topology: locations flood, and the herd rides out a node's death. */
@ExtendWith(VertxExtension.class)
class HerdFloodTest {

  private static final AtomicInteger CLIENTS = new AtomicInteger();
  private Herd herd;

  @BeforeEach
  void startHerd(Vertx vertx) {
    herd = new Herd().startAll(vertx);
    awaitFloodingFrom("Goloman", Duration.ofSeconds(20));
  }

  private boolean knows(String node, String client) {
    return TcpClient.exchange(herd.port(node), "WHATSAT " + client + " 1 1\n").startsWith("AT ");
  }

  @Test
  void aLocationReportedAtWelshIsKnownAtHandsThreeHopsAway() {
    String client = report("Welsh");

    awaitKnown("Hands", client, Duration.ofSeconds(2));
    String reply = TcpClient.exchange(herd.port("Hands"), "WHATSAT " + client + " 10 1\n");
    assertThat(reply).startsWith("AT Welsh +").contains(" " + client + " +34.068930-118.445127 ");
  }

  @Test
  void aDirectNeighbourKnowsTheLocationAsSoonAsTheAtReplyArrives() {
    String client = report("Goloman");

    for (String neighbour : List.of("Hands", "Holiday", "Wilkes")) {
      assertThat(TcpClient.exchange(herd.port(neighbour), "WHATSAT " + client + " 10 1\n"))
          .as("WHATSAT at %s", neighbour).startsWith("AT Goloman +");
    }
  }

  @Test
  void withHolidayDeadUpdatesStillReachTheOthersAndAfterItsRestartReachWelshAgain() {
    herd.kill("Holiday");

    String duringOutage = report("Hands");
    for (String node : List.of("Goloman", "Wilkes")) {
      awaitKnown(node, duringOutage, Duration.ofSeconds(2));
    }
    assertThat(TcpClient.exchange(herd.port("Welsh"), "WHATSAT " + duringOutage + " 10 1\n"))
        .isEqualTo("? WHATSAT " + duringOutage + " 10 1\n");

    herd.start("Holiday");
    awaitFloodingFrom("Hands", Duration.ofSeconds(20));
  }

  /** Reports new locations at {@code node} until one reaches every node: links that re-dial come back. */
  private void awaitFloodingFrom(String node, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      String probe = report(node);
      sleep(200);
      if (Herd.NAMES.stream().allMatch(other -> knows(other, probe))) {
        return;
      }
      if (System.nanoTime() > deadline) {
        fail("a location reported at %s did not reach every node within %s", node, within);
      }
    }
  }

  @Test
  void aStaleLocationFromOneNodeDoesNotOverwriteANewerOneElsewhere() {
    String client = "phone-" + CLIENTS.incrementAndGet();
    TcpClient.exchange(herd.port("Welsh"), "IAMAT " + client + " +1-1 2000000000.5\n");
    awaitKnown("Hands", client, Duration.ofSeconds(2));

    TcpClient.exchange(herd.port("Hands"), "IAMAT " + client + " +2-2 2000000000.25\n");

    for (String node : Herd.NAMES) {
      assertThat(TcpClient.exchange(herd.port(node), "WHATSAT " + client + " 1 1\n"))
          .as("at %s", node).startsWith("AT Welsh ").contains(" +1-1 2000000000.5\n");
    }
  }

  /** Reports a new client's location at a node and returns the client's id. */
  private String report(String node) {
    String client = "client-" + CLIENTS.incrementAndGet() + ".example";
    String reply = TcpClient.exchange(herd.port(node), "IAMAT " + client + " +34.068930-118.445127 1700000000.5\n");
    assertThat(reply).startsWith("AT " + node + " +").endsWith(" " + client + " +34.068930-118.445127 1700000000.5\n");
    return client;
  }

  private void awaitKnown(String node, String client, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (!knows(node, client)) {
      if (System.nanoTime() > deadline) {
        fail("%s should know %s within %s", node, client, within);
      }
      sleep(20);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
