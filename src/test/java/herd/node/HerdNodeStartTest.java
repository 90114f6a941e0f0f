package herd.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herd.testing.TcpClient;
import herd.testing.TestNodes;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class HerdNodeStartTest {

  @Test
  void aTakenPortStopsTheNodeWithOneClearLine(Vertx vertx) {
    NetServer squatter = vertx.createNetServer().connectHandler(socket -> { }).listen(0, "127.0.0.1").await();
    JsonObject config = TestNodes.config("Squatted").put("port", squatter.actualPort());

    assertThatThrownBy(() -> TestNodes.deploy(vertx, config))
        .hasMessage("cannot listen for the herd protocol on 127.0.0.1:" + squatter.actualPort() + ": Address already in use");
  }

  @Test
  void aNodeThatFailedToStartLeavesNothingBehindForItsNextStart(Vertx vertx) {
    NetServer squatter = vertx.createNetServer().connectHandler(socket -> { }).listen(0, "127.0.0.1").await();
    assertThatThrownBy(() -> TestNodes.deploy(vertx, TestNodes.config("Retried").put("port", squatter.actualPort())))
        .isInstanceOf(IllegalStateException.class);

    JsonObject config = TestNodes.config("Retried");
    TestNodes.deploy(vertx, config);

    assertThat(TcpClient.exchange(config.getInteger("port"), "IAMAT a +1-1 1\n")).startsWith("AT Retried +");
  }

  @Test
  void theLaunchersInstancesOptionIsRefusedWithOneLineNamingTheConfigKey(Vertx vertx) {
    JsonObject config = TestNodes.config("Copied");

    assertThatThrownBy(() -> vertx.deployVerticle(() -> new HerdNode(),
        new DeploymentOptions().setConfig(config).setInstances(2)).await())
        .isInstanceOf(ConfigException.class)
        .hasMessage("-instances 2 would start 2 copies of this node in one process; leave -instances out and set"
            + " the config key \"instances\" (the node's event-loop instances)");
    assertThat(TestNodes.logFile("Copied")).doesNotExist();
  }

  @Test
  void aConfigErrorStopsTheNodeWithOneClearLine(Vertx vertx) {
    JsonObject config = TestNodes.config("Lonely").put("neighbours", new JsonObject().put("Hands", "12002"));

    assertThatThrownBy(() -> TestNodes.deploy(vertx, config))
        .isInstanceOf(ConfigException.class)
        .hasMessage("neighbour \"Hands\" must be \"host:port\", not \"12002\"");
  }
}
