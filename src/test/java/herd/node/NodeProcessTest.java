package herd.node;

import static org.assertj.core.api.Assertions.assertThat;

import herd.testing.FreePorts;
import herd.testing.NodeProcess;
import herd.testing.TcpClient;
import herd.testing.TestNodes;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nodes in JVMs of their own: memory too small for what hostile clients used to make a node hold; JSON logs. */
class NodeProcessTest {

  /**
   * 40 clients pipeline {@code get *} over a store of 200,000 points (a 5 MB reply each) and never read. Built
   * whole, their unsent replies would need four times the node's 48 MB of direct memory (where Netty keeps what
   * waits for the wire; the node stops answering); produced as the socket drains, they hold a few hundred KB each,
   * and the node goes on serving.
   */
  @Test
  void clientsThatPipelineHugeGetsAndNeverReadFitInALittleMemory() throws Exception {
    int metricsPort = FreePorts.next();
    JsonObject config = TestNodes.config("Frugal").put("metricsPort", metricsPort);
    Files.deleteIfExists(TestNodes.logFile("Frugal"));
    try (NodeProcess node = NodeProcess.start(config, "-Xmx96m", "-XX:MaxDirectMemorySize=48m")) {
      try (TcpClient loader = new TcpClient(metricsPort)) {
        for (int batch = 0; batch < 200; batch++) {
          StringBuilder puts = new StringBuilder();
          for (int i = 0; i < 1000; i++) {
            puts.append("put serv").append(i % 100).append(".cpu 42.5 ").append(batch * 1000 + i).append('\n');
          }
          loader.send(puts.toString());
          assertThat(loader.read(4000)).isEqualTo("ok\n\n".repeat(1000));
        }
      }
      List<TcpClient> greedy = new ArrayList<>();
      try {
        for (int c = 0; c < 40; c++) {
          greedy.add(new TcpClient(metricsPort).send("get *\n".repeat(20)));
        }
        Thread.sleep(3000);
        assertThat(TcpClient.exchange(metricsPort, "put fresh 1 1\nget fresh\n"))
            .isEqualTo("ok\n\nok\nfresh 1.0 1\n\n");
        assertThat(TcpClient.exchange(config.getInteger("port"), "IAMAT a +1-1 1\n")).startsWith("AT Frugal ");
      } finally {
        greedy.forEach(TcpClient::close);
      }
      assertThat(node.isAlive()).isTrue();
      assertThat(node.output()).doesNotContain("OutOfMemoryError").doesNotContain("Java heap space");
    }
  }

  @Test
  void jsonLogsHoldOneObjectALine() throws Exception {
    JsonObject config = TestNodes.config("Jason");
    Files.deleteIfExists(TestNodes.logFile("Jason"));
    try (NodeProcess node = NodeProcess.start(config, "-Dherd.log.format=json")) {
      TcpClient.exchange(config.getInteger("port"), "IAMAT kiwi +1-1 1\n");
    }
    List<JsonObject> events = Files.readAllLines(TestNodes.logFile("Jason")).stream().map(JsonObject::new).toList();
    assertThat(events).anySatisfy(event -> {
      assertThat(event.getString("logger_name")).isEqualTo("herd.wire.Jason");
      assertThat(event.getString("message")).matches("herd conn=\\d+ 127\\.0\\.0\\.1:\\d+ <- \"IAMAT kiwi \\+1-1 1\"");
    });
    assertThat(events).anySatisfy(event -> assertThat(event.getString("message")).isEqualTo("node stopping"));
  }
}
