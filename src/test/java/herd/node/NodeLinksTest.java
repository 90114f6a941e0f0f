package herd.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herd.testing.TcpClient;
import herd.testing.TestNodes;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A node's links as its config sets them up: the herd key from the environment (the build sets HERD_SECRET and
 * HERD_TEST_OTHER_KEY for tests), authentication off, and a client port that knows nothing of peers.
 */
@ExtendWith(VertxExtension.class)
class NodeLinksTest {

  private static final AtomicInteger NAMES = new AtomicInteger();

  /** Two nodes with fresh names and empty logs, each the other's neighbour. */
  private static JsonObject[] pair() throws IOException {
    int n = NAMES.incrementAndGet();
    Files.deleteIfExists(TestNodes.logFile("Ann" + n));
    Files.deleteIfExists(TestNodes.logFile("Ben" + n));
    JsonObject a = TestNodes.config("Ann" + n);
    JsonObject b = TestNodes.config("Ben" + n);
    a.put("neighbours", new JsonObject().put(b.getString("name"), "127.0.0.1:" + b.getInteger("peerPort")));
    b.put("neighbours", new JsonObject().put(a.getString("name"), "127.0.0.1:" + a.getInteger("peerPort")));
    return new JsonObject[] {a, b};
  }

  private static boolean knows(JsonObject node, String client) {
    return TcpClient.exchange(node.getInteger("port"), "WHATSAT " + client + " 1 1\n").startsWith("AT ");
  }

  /** Reports new clients at the first node until one reaches the second: the link comes up within a moment. */
  private static boolean reportedAtFirstReaches(JsonObject[] nodes, String client) throws InterruptedException {
    for (int attempt = 0; attempt < 50; attempt++) {
      TcpClient.exchange(nodes[0].getInteger("port"), "IAMAT " + client + attempt + " +1-1 1700000000\n");
      Thread.sleep(100);
      if (knows(nodes[1], client + attempt)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void theClientPortAnswersPeerLikeAnyInvalidCommand(Vertx vertx) throws IOException {
    JsonObject[] nodes = pair();
    TestNodes.deploy(vertx, nodes[0]);

    assertThat(TcpClient.exchange(nodes[0].getInteger("port"), "PEER " + nodes[1].getString("name") + "\n"))
        .isEqualTo("? PEER " + nodes[1].getString("name") + "\n");
  }

  @Test
  void nodesWithTheKeyLinkAndFlood(Vertx vertx) throws Exception {
    JsonObject[] nodes = pair();
    TestNodes.deploy(vertx, nodes[0]);
    TestNodes.deploy(vertx, nodes[1]);

    assertThat(reportedAtFirstReaches(nodes, "keyed.client")).isTrue();
  }

  @Test
  void aNodeWithNeighboursRefusesToStartWithoutTheKey(Vertx vertx) throws IOException {
    JsonObject node = pair()[0].put("peerSecretEnv", "HERD_TEST_NO_SUCH_VARIABLE");

    assertThatThrownBy(() -> TestNodes.deploy(vertx, node))
        .hasMessage("the herd key is missing: set the environment variable HERD_TEST_NO_SUCH_VARIABLE"
            + " (./run-herd.sh does), or set config key \"peerAuth\" to \"off\"");
  }

  @Test
  void nodesWithDifferentKeysDoNotLink(Vertx vertx) throws Exception {
    JsonObject[] nodes = pair();
    nodes[1].put("peerSecretEnv", "HERD_TEST_OTHER_KEY");
    TestNodes.deploy(vertx, nodes[0]);
    TestNodes.deploy(vertx, nodes[1]);

    for (JsonObject node : nodes) {
      String name = node.getString("name");
      assertThat(TestNodes.logOnceItContains(name, "handshake failed: wrong proof")).as(name)
          .contains("handshake failed: wrong proof").doesNotContain(": up");
    }
    TcpClient.exchange(nodes[0].getInteger("port"), "IAMAT other.key.client +1-1 1700000000\n");
    assertThat(knows(nodes[1], "other.key.client")).isFalse();
  }

  @Test
  void withAuthenticationOffNodesWarnAndLinkWithoutAKey(Vertx vertx) throws Exception {
    JsonObject[] nodes = pair();
    for (JsonObject node : nodes) {
      node.put("peerAuth", "off").put("peerSecretEnv", "HERD_TEST_NO_SUCH_VARIABLE");
    }
    TestNodes.deploy(vertx, nodes[0]);
    TestNodes.deploy(vertx, nodes[1]);

    assertThat(reportedAtFirstReaches(nodes, "keyless.client")).isTrue();
    String name = nodes[0].getString("name");
    assertThat(TestNodes.logOnceItContains(name, "up \\(authentication off\\)"))
        .containsOnlyOnce("peer authentication is off (\"peerAuth\": \"off\"): anyone who reaches the peer port can"
            + " pose as a neighbour");
  }
}
