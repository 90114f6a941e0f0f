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
 * @param maxDataBytes  the most disk the store's files may take, 0 for no bound
 */
public record ReplicaConfig(Path dataDir, Durability durability, long maxSkewMillis, long maxDataBytes) {

  public static final Set<String> KEYS = Set.of("dataDir", "durability", "maxClockSkewSeconds", "maxDataMegabytes");
  static final int DEFAULT_MAX_SKEW_SECONDS = 60;

  public static ReplicaConfig from(NodeConfig node) {
    JsonObject json = node.json();
    Path dataDir = Path.of(NodeConfig.optionalString(json, "dataDir", "data/" + node.name()));
    Durability durability = Durability.parse(NodeConfig.optionalString(json, "durability", "write"));
    int skewSeconds = NodeConfig.positiveInt(json, "maxClockSkewSeconds", DEFAULT_MAX_SKEW_SECONDS);
    if (skewSeconds > 86_400) {
      throw new ConfigException("config key \"maxClockSkewSeconds\" must be at most 86400, not " + skewSeconds);
    }
    long maxDataBytes = json.getValue("maxDataMegabytes") == null ? 0
        : NodeConfig.positiveInt(json, "maxDataMegabytes", 0) * 1024L * 1024L;
    return new ReplicaConfig(dataDir, durability, skewSeconds * 1000L, maxDataBytes);
  }
}
