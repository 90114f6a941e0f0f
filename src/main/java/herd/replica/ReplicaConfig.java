package herd.replica;

import herd.node.ConfigException;
import herd.node.NodeConfig;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Set;

/**
 * Where and how durably a node keeps its replicated state.
 *
 * @param dataDir       the RocksDB directory (unused under {@code memory})
 * @param durability    when a write counts as done
 * @param maxSkewMillis how far ahead of this node's clock a neighbour's version may be and still be accepted
 */
public record ReplicaConfig(Path dataDir, Durability durability, long maxSkewMillis) {

  public static final Set<String> KEYS = Set.of("dataDir", "durability", "maxClockSkewSeconds");
  static final int DEFAULT_MAX_SKEW_SECONDS = 60;

  public static ReplicaConfig from(NodeConfig node) {
    JsonObject json = node.json();
    Path dataDir = Path.of(NodeConfig.optionalString(json, "dataDir", "data/" + node.name()));
    Durability durability = Durability.parse(NodeConfig.optionalString(json, "durability", "write"));
    int skewSeconds = NodeConfig.positiveInt(json, "maxClockSkewSeconds", DEFAULT_MAX_SKEW_SECONDS);
    if (skewSeconds > 86_400) {
      throw new ConfigException("config key \"maxClockSkewSeconds\" must be at most 86400, not " + skewSeconds);
    }
    return new ReplicaConfig(dataDir, durability, skewSeconds * 1000L);
  }
}
