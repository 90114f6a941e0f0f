package herd.node;

import herd.peer.PeerConfig;
import herd.peer.PeerTls;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Reads the config keys of a node's links to its neighbours into a {@link PeerConfig}, checked once. */
public final class LinkConfig {

  public static final Set<String> KEYS =
      Set.of("peerSecretEnv", "peerAuth", "peerTls", "peerMaxLineBytes", "peerTimeoutMillis");
  public static final String DEFAULT_KEY_ENV = "HERD_SECRET";
  static final int MIN_KEY_BYTES = 16;

  private LinkConfig() {
  }

  /** The links' config; {@code env} looks up environment variables, where the herd key is. */
  public static PeerConfig parse(NodeConfig node, UnaryOperator<String> env) {
    JsonObject json = node.json();
    byte[] key = key(json, env, !node.neighbours().isEmpty());
    int maxLineBytes = NodeConfig.positiveInt(json, "peerMaxLineBytes", PeerConfig.DEFAULT_MAX_LINE_BYTES);
    int timeoutMillis = NodeConfig.positiveInt(json, "peerTimeoutMillis", (int) PeerConfig.DEFAULT_SILENCE_MILLIS);
    return PeerConfig.of(node.name(), node.host(), node.peerPort(), node.neighbours(), key)
        .withTls(tls(json))
        .withMaxLineBytes(maxLineBytes)
        .withSilence(timeoutMillis);
  }

  /** Whether the config turns authentication of links off. */
  public static boolean authOff(JsonObject json) {
    String auth = NodeConfig.optionalString(json, "peerAuth", "on");
    if (!auth.equals("on") && !auth.equals("off")) {
      throw new ConfigException("config key \"peerAuth\" must be \"on\" or \"off\", not \"" + auth + "\"");
    }
    return auth.equals("off");
  }

  private static byte[] key(JsonObject json, UnaryOperator<String> env, boolean hasNeighbours) {
    String variable = NodeConfig.optionalString(json, "peerSecretEnv", DEFAULT_KEY_ENV);
    if (authOff(json)) {
      return null;
    }
    String value = env.apply(variable);
    if (value == null || value.isEmpty()) {
      if (!hasNeighbours) {
        return null;
      }
      throw new ConfigException("the herd key is missing: set the environment variable " + variable
          + " (./run-herd.sh does), or set config key \"peerAuth\" to \"off\"");
    }
    byte[] key = value.getBytes(StandardCharsets.UTF_8);
    if (key.length < MIN_KEY_BYTES) {
      throw new ConfigException("the herd key in " + variable + " must be at least " + MIN_KEY_BYTES
          + " bytes long");
    }
    return key;
  }

  private static PeerTls tls(JsonObject json) {
    Object value = json.getValue("peerTls");
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonObject tls)) {
      throw new ConfigException("config key \"peerTls\" must be an object with keyPem, certPem and trustPem");
    }
    for (String key : tls.fieldNames()) {
      if (!Set.of("keyPem", "certPem", "trustPem").contains(key)) {
        throw new ConfigException("unknown peerTls key \"" + key + "\"");
      }
    }
    return new PeerTls(pem(tls, "keyPem"), pem(tls, "certPem"), pem(tls, "trustPem"));
  }

  private static Path pem(JsonObject tls, String key) {
    Object value = tls.getValue(key);
    if (!(value instanceof String text) || text.isBlank()) {
      throw new ConfigException("peerTls key \"" + key + "\" must name a PEM file");
    }
    Path path = Path.of(text);
    if (!Files.isReadable(path)) {
      throw new ConfigException("peerTls key \"" + key + "\" names " + path + ", which cannot be read");
    }
    return path;
  }
}
