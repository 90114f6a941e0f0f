package herd.kv;

import herd.node.ConfigException;
import herd.node.NodeConfig;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * How much the key-value store may hold and take at once.
 *
 * @param maxEntries      keys held, tombstones included; past it a new key is refused (507)
 * @param maxBytes        bytes of keys and values held, roughly; past it a write that grows the store is refused
 * @param maxValueBytes   largest value, as compact JSON (413)
 * @param maxRequestBytes largest request body (413)
 * @param maxTokens       tokens held; past it {@code POST /auth} is refused (507)
 * @param readThroughMillis how long a read-through waits for the other nodes
 */
public record KvLimits(int maxEntries, long maxBytes, int maxValueBytes, int maxRequestBytes, int maxTokens,
    int readThroughMillis) {

  public static final Set<String> KEYS = Set.of("kvMaxEntries", "kvMaxBytes", "kvMaxValueBytes",
      "kvMaxRequestBytes", "kvMaxTokens", "kvReadThroughMillis");

  static final int DEFAULT_MAX_ENTRIES = 1_000_000;
  static final int DEFAULT_MAX_VALUE_BYTES = 1 << 20;
  static final int DEFAULT_MAX_REQUEST_BYTES = 16 << 20;
  static final int DEFAULT_MAX_TOKENS = 100_000;
  static final int DEFAULT_READ_THROUGH_MILLIS = 500;

  /** A quarter of the heap, at most 1 GiB: the store never takes the node's memory from its other services. */
  static long defaultMaxBytes() {
    return Math.min(1L << 30, Runtime.getRuntime().maxMemory() / 4);
  }

  public static KvLimits parse(JsonObject json) {
    int maxEntries = NodeConfig.positiveInt(json, "kvMaxEntries", DEFAULT_MAX_ENTRIES);
    Object bytes = json.getValue("kvMaxBytes");
    long maxBytes;
    if (bytes == null) {
      maxBytes = defaultMaxBytes();
    } else if (bytes instanceof Number n && n.longValue() > 0 && n.doubleValue() == n.longValue()) {
      maxBytes = n.longValue();
    } else {
      throw new ConfigException("config key \"kvMaxBytes\" must be a positive whole number, not " + bytes);
    }
    int maxValueBytes = NodeConfig.positiveInt(json, "kvMaxValueBytes", DEFAULT_MAX_VALUE_BYTES);
    int maxRequestBytes = NodeConfig.positiveInt(json, "kvMaxRequestBytes",
        Math.max(DEFAULT_MAX_REQUEST_BYTES, maxValueBytes + 64 * 1024));
    int maxTokens = NodeConfig.positiveInt(json, "kvMaxTokens", DEFAULT_MAX_TOKENS);
    int readThrough = NodeConfig.positiveInt(json, "kvReadThroughMillis", DEFAULT_READ_THROUGH_MILLIS);
    return new KvLimits(maxEntries, maxBytes, maxValueBytes, maxRequestBytes, maxTokens, readThrough);
  }
}
