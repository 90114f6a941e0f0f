package herd.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herd.testing.TcpClient;
import herd.testing.TestNodes;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class HerdServiceLimitsTest {

  @Test
  void connectionsBeyondTheCapAreClosedAndTheirPlacesFreedWhenOthersLeave(Vertx vertx) throws Exception {
    JsonObject config = TestNodes.config("Capped").put("maxConnections", 2);
    TestNodes.deploy(vertx, config);
    int port = config.getInteger("port");

    try (TcpClient first = new TcpClient(port); TcpClient second = new TcpClient(port)) {
      first.send("IAMAT a +1-1 1\n");
      second.send("IAMAT b +1-1 1\n");
      assertThat(first.readUntil("\n")).startsWith("AT Capped ");
      assertThat(second.readUntil("\n")).startsWith("AT Capped ");

      try (TcpClient third = new TcpClient(port)) {
        assertThat(third.readAllBytes()).isEmpty();
      }
    }
    String reply = "";
    for (int attempt = 0; attempt < 50 && reply.isEmpty(); attempt++) {
      Thread.sleep(20);
      reply = TcpClient.exchange(port, "IAMAT c +1-1 1\n");
    }
    assertThat(reply).startsWith("AT Capped ");
  }

  @Test
  void aLineLimitTooSmallForNeighboursFloodLinesStopsTheNode(Vertx vertx) {
    JsonObject config = TestNodes.config("Cramped").put("maxLineBytes", 1000);

    assertThatThrownBy(() -> TestNodes.deploy(vertx, config)).hasMessage(
        "config key \"maxLineBytes\" must be at least 16384, room for the lines neighbours flood, not 1000");
  }
}
