package herd.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herd.peer.PeerConfig;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinkConfigTest {

  private static final String KEY = "herd-test-key-0123456789abcdef";

  private static NodeConfig node(JsonObject extra) {
    return NodeConfig.parse(new JsonObject().put("name", "Goloman").put("port", 12001).put("peerPort", 12301)
        .put("neighbours", new JsonObject().put("Hands", "127.0.0.1:12302")).mergeIn(extra));
  }

  private static PeerConfig parse(JsonObject extra, Map<String, String> env) {
    return LinkConfig.parse(node(extra), env::get);
  }

  @Test
  void readsTheKeyFromHerdSecretAndFillsInDefaults() {
    PeerConfig config = parse(new JsonObject(), Map.of("HERD_SECRET", KEY));

    assertThat(new String(config.sharedKey(), StandardCharsets.UTF_8)).isEqualTo(KEY);
    assertThat(config.peerPort()).isEqualTo(12301);
    assertThat(config.tls()).isNull();
    assertThat(config.maxLineBytes()).isEqualTo(4 * 1024 * 1024);
    assertThat(config.silenceMillis()).isEqualTo(5_000);
    assertThat(config.heartbeatMillis()).isEqualTo(1_000);
    assertThat(config.toString()).doesNotContain(KEY);
  }

  @Test
  void readsTheKeyFromTheVariableTheConfigNames() {
    PeerConfig config = parse(new JsonObject().put("peerSecretEnv", "OTHER"), Map.of("OTHER", KEY + "!"));
    assertThat(new String(config.sharedKey(), StandardCharsets.UTF_8)).isEqualTo(KEY + "!");
  }

  @Test
  void refusesNeighboursWithoutAKeyUnlessAuthenticationIsOff() {
    assertThatThrownBy(() -> parse(new JsonObject(), Map.of()))
        .hasMessage("the herd key is missing: set the environment variable HERD_SECRET (./run-herd.sh does), or set"
            + " config key \"peerAuth\" to \"off\"");
    assertThat(parse(new JsonObject().put("peerAuth", "off"), Map.of("HERD_SECRET", KEY)).sharedKey()).isNull();
  }

  @Test
  void refusesABadKeyOrAuthSetting() {
    assertThatThrownBy(() -> parse(new JsonObject(), Map.of("HERD_SECRET", "short")))
        .hasMessage("the herd key in HERD_SECRET must be at least 16 bytes long");
    assertThatThrownBy(() -> parse(new JsonObject().put("peerAuth", "maybe"), Map.of("HERD_SECRET", KEY)))
        .hasMessage("config key \"peerAuth\" must be \"on\" or \"off\", not \"maybe\"");
  }

  @Test
  void refusesTlsWithoutReadablePemFiles() {
    Map<String, String> env = Map.of("HERD_SECRET", KEY);
    assertThatThrownBy(() -> parse(new JsonObject().put("peerTls", "yes"), env))
        .hasMessage("config key \"peerTls\" must be an object with keyPem, certPem and trustPem");
    assertThatThrownBy(() -> parse(new JsonObject().put("peerTls", new JsonObject().put("keyPem", "pom.xml")), env))
        .hasMessage("peerTls key \"certPem\" must name a PEM file");
    assertThatThrownBy(() -> parse(new JsonObject().put("peerTls", new JsonObject().put("keyPem", "no/such.pem")
        .put("certPem", "pom.xml").put("trustPem", "pom.xml")), env))
        .hasMessage("peerTls key \"keyPem\" names no/such.pem, which cannot be read");
    assertThatThrownBy(() -> parse(new JsonObject().put("peerTls", new JsonObject().put("ca", "x")), env))
        .hasMessage("unknown peerTls key \"ca\"");
  }

  @Test
  void readsTheTimeoutAndLineLimit() {
    PeerConfig config = parse(new JsonObject().put("peerTimeoutMillis", 2_000).put("peerMaxLineBytes", 65536),
        Map.of("HERD_SECRET", KEY));
    assertThat(config.silenceMillis()).isEqualTo(2_000);
    assertThat(config.heartbeatMillis()).isEqualTo(500);
    assertThat(config.maxLineBytes()).isEqualTo(65536);
  }
}
