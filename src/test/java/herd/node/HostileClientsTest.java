package herd.node;

import static org.assertj.core.api.Assertions.assertThat;

import herd.testing.FreePorts;
import herd.testing.TcpClient;
import herd.testing.TestNodes;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Clients that try to hold a node's memory or its connection slots, over loopback sockets. */
@ExtendWith(VertxExtension.class)
class HostileClientsTest {

  private static JsonObject node(Vertx vertx, String name, JsonObject extra) {
    JsonObject config = TestNodes.config(name).put("metricsPort", FreePorts.next()).put("calcPort", FreePorts.next())
        .mergeIn(extra);
    TestNodes.deploy(vertx, config);
    return config;
  }

  @Test
  void aClientThatNeverEndsALineIsClosedAfterTheIdleTimeout(Vertx vertx) throws Exception {
    JsonObject config = node(vertx, "Slowloris", new JsonObject().put("idleTimeoutSeconds", 1));
    assertThat(TcpClient.trickleUntilClosed(config.getInteger("port"))).isBetween(Duration.ofMillis(900),
        Duration.ofSeconds(3));
    assertThat(TcpClient.trickleUntilClosed(config.getInteger("metricsPort"))).isBetween(Duration.ofMillis(900),
        Duration.ofSeconds(3));
  }

  @Test
  void oneAddressCannotTakeEverySlotAndItsRefusalsAreLoggedOncePerBurst(Vertx vertx) throws Exception {
    Files.deleteIfExists(TestNodes.logFile("Crowded"));
    JsonObject config = node(vertx, "Crowded", new JsonObject().put("maxConnectionsPerAddress", 3));
    int port = config.getInteger("port");
    List<TcpClient> held = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        held.add(new TcpClient(port));
        held.get(i).send("IAMAT a +1-1 1\n");
        assertThat(held.get(i).readUntil("\n")).startsWith("AT Crowded ");
      }
      for (int i = 0; i < 5; i++) {
        try (TcpClient refused = new TcpClient(port)) {
          assertThat(refused.readAllBytes()).isEmpty();
        }
      }
      held.remove(0).close();
      String reply = "";
      for (int attempt = 0; attempt < 50 && reply.isEmpty(); attempt++) {
        Thread.sleep(20);
        reply = TcpClient.exchange(port, "IAMAT b +1-1 1\n");
      }
      assertThat(reply).startsWith("AT Crowded ");
    } finally {
      held.forEach(TcpClient::close);
    }
    String log = TestNodes.logOnceItContains("Crowded", "admitting connections again");
    assertThat(count(log, "refusing connections: 3 connections open from 127\\.0\\.0\\.1")).isEqualTo(1);
    assertThat(log).contains("herd: admitting connections again, after refusing 5");
  }

  private static int count(String text, String pattern) {
    Matcher matcher = Pattern.compile(pattern).matcher(text);
    int n = 0;
    while (matcher.find()) {
      n++;
    }
    return n;
  }
}
