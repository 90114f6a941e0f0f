package herd.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NodeConfigTest {

  private static JsonObject minimal() {
    return new JsonObject().put("name", "Goloman").put("port", 12001);
  }

  @Test
  void readsTheDefaultHerdConfig() throws Exception {
    JsonObject json = new JsonObject(java.nio.file.Files.readString(Path.of("conf/Holiday.json")));

    NodeConfig config = NodeConfig.parse(json);

    assertThat(config.name()).isEqualTo("Holiday");
    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isEqualTo(12003);
    assertThat(config.peerPort()).isEqualTo(12303);
    assertThat(config.neighbours()).containsOnlyKeys("Goloman", "Welsh", "Wilkes");
    assertThat(config.neighbours().get("Welsh")).isEqualTo(new Endpoint("127.0.0.1", 12304));
    assertThat(config.logFile()).isEqualTo(Path.of("logs/Holiday.log"));
  }

  @Test
  void fillsInDefaults() {
    NodeConfig config = NodeConfig.parse(minimal());

    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.neighbours()).isEmpty();
    assertThat(config.peerPort()).isZero();
    assertThat(config.logFile()).isEqualTo(Path.of("logs/Goloman.log"));
    assertThat(config.instances()).isEqualTo(Runtime.getRuntime().availableProcessors());
  }

  @Test
  void refusesAMissingConfig() {
    assertThatThrownBy(() -> NodeConfig.parse(new JsonObject()))
        .hasMessage("no node config: start with -conf conf/<Name>.json, a readable JSON file");
  }

  @Test
  void refusesAMissingName() {
    assertThatThrownBy(() -> NodeConfig.parse(new JsonObject().put("port", 1)))
        .hasMessage("config key \"name\" is missing");
  }

  @Test
  void refusesABadPort() {
    assertThatThrownBy(() -> NodeConfig.parse(minimal().put("port", 70000)))
        .hasMessage("config key \"port\" must be a port from 1 to 65535, not 70000");
    assertThatThrownBy(() -> NodeConfig.parse(minimal().put("port", "12001")))
        .hasMessage("config key \"port\" must be an integer, not 12001");
  }

  @Test
  void refusesNeighboursWithoutAPeerPort() {
    assertThatThrownBy(() -> NodeConfig.parse(minimal().put("neighbours", new JsonObject().put("Hands", "h:12302"))))
        .hasMessage("config key \"peerPort\" is missing: a node with neighbours links to them on a port of its own");
  }

  @Test
  void refusesABadPeerPort() {
    assertThatThrownBy(() -> NodeConfig.parse(minimal().put("peerPort", 0)))
        .hasMessage("config key \"peerPort\" must be a port from 1 to 65535, not 0");
    assertThatThrownBy(() -> NodeConfig.parse(minimal().put("peerPort", "12301")))
        .hasMessage("config key \"peerPort\" must be an integer, not 12301");
    assertThatThrownBy(() -> NodeConfig.parse(minimal().put("peerPort", 12001)))
        .hasMessage("config key \"peerPort\" must differ from \"port\", not 12001");
  }

  @Test
  void refusesAnUnknownNeighbourEntry() {
    assertThatThrownBy(() -> NodeConfig.parse(minimal().put("neighbours", new JsonObject().put("Hands", "nowhere"))))
        .hasMessage("neighbour \"Hands\" must be \"host:port\", not \"nowhere\"");
    assertThatThrownBy(() -> NodeConfig.parse(minimal().put("neighbours", new JsonObject().put("Hands", 12002))))
        .hasMessage("neighbour \"Hands\" must be \"host:port\", not 12002");
    assertThatThrownBy(() -> NodeConfig.parse(minimal().put("neighbours", new JsonObject().put("Goloman", "h:1"))))
        .hasMessage("unknown neighbour entry \"Goloman\": a node is not its own neighbour");
    assertThatThrownBy(() -> NodeConfig.parse(minimal().put("neighbours", new JsonObject().put("Hands", "h:0"))))
        .hasMessage("neighbour \"Hands\" must be a port from 1 to 65535, not 0");
    assertThatThrownBy(() -> NodeConfig.parse(minimal().put("neighbours", "Hands")))
        .hasMessage("config key \"neighbours\" must be an object of name: \"host:port\"");
  }

  @Test
  void readsIpv6Neighbours() {
    NodeConfig config = NodeConfig.parse(minimal().put("peerPort", 12301)
        .put("neighbours", new JsonObject().put("Hands", "[::1]:12002")));
    assertThat(config.neighbours().get("Hands")).isEqualTo(new Endpoint("::1", 12002));
  }

  @Test
  void twoServersOnOnePortAreRefused() {
    JsonObject json = new JsonObject().put("name", "Twin").put("port", 12001).put("metricsPort", 8765)
        .put("peerPort", 8765);

    assertThatThrownBy(() -> NodeConfig.parse(json))
        .isInstanceOf(ConfigException.class)
        .hasMessage("config keys \"metricsPort\" and \"peerPort\" name the same port 8765; each server needs a port"
            + " of its own");
  }
}
