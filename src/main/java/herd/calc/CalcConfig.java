package herd.calc;

import herd.calc.expr.ExpressionLimits;
import herd.node.ConfigException;
import herd.node.NodeConfig;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.Set;

/**
 * The calculation service's config keys, parsed once.
 *
 * @param port            where the service listens ({@code calcPort})
 * @param workers         how many chunks of one request are evaluated at once, like bluserver's processes
 * @param poolThreads     the node-wide evaluation threads that all requests share
 * @param maxRequestBytes the largest request body accepted
 * @param maxReplyBytes   the largest reply (all result lines of one request) the node builds
 * @param maxBufferedBytes the most request and result bytes the node holds for all requests together
 * @param limits          what one expression may cost
 */
public record CalcConfig(int port, int workers, int poolThreads, int maxRequestBytes, int maxReplyBytes,
    long maxBufferedBytes, ExpressionLimits limits) {

  public static final Set<String> KEYS = Set.of("calcPort", "calcWorkers", "calcPoolThreads", "calcMaxRequestBytes",
      "calcMaxReplyBytes", "calcMaxBufferedBytes", "calcMaxExpressionBytes", "calcMaxDepth", "calcMaxIntegerBits");

  /** Deeper nesting could overflow a worker thread's default stack (about 2000 levels overflow 1 MiB). */
  public static final int MAX_DEPTH = 500;

  /** Integers that fit in a {@code long} are never refused. */
  public static final int MIN_INTEGER_BITS = 64;

  public static final int DEFAULT_MAX_REQUEST_BYTES = 100 * 1024 * 1024;
  public static final int DEFAULT_MAX_REPLY_BYTES = 256 * 1024 * 1024;

  /** The service's config, or nothing when the node has no {@code calcPort} (then the service does not run). */
  public static Optional<CalcConfig> from(NodeConfig node) {
    JsonObject json = node.json();
    if (json.getValue("calcPort") == null) {
      return Optional.empty();
    }
    int cores = Runtime.getRuntime().availableProcessors();
    ExpressionLimits defaults = ExpressionLimits.DEFAULT;
    return Optional.of(new CalcConfig(
        NodeConfig.checkPort("config key \"calcPort\"", NodeConfig.optionalInt(json, "calcPort", 0)),
        NodeConfig.positiveInt(json, "calcWorkers", cores),
        NodeConfig.positiveInt(json, "calcPoolThreads", cores),
        NodeConfig.positiveInt(json, "calcMaxRequestBytes", DEFAULT_MAX_REQUEST_BYTES),
        NodeConfig.positiveInt(json, "calcMaxReplyBytes", DEFAULT_MAX_REPLY_BYTES),
        NodeConfig.positiveInt(json, "calcMaxBufferedBytes", halfTheHeap()),
        new ExpressionLimits(
            NodeConfig.positiveInt(json, "calcMaxExpressionBytes", defaults.maxBytes()),
            between(json, "calcMaxDepth", defaults.maxDepth(), 1, MAX_DEPTH),
            between(json, "calcMaxIntegerBits", defaults.maxIntegerBits(), MIN_INTEGER_BITS, Integer.MAX_VALUE))));
  }

  private static int between(JsonObject json, String key, int fallback, int min, int max) {
    int value = NodeConfig.optionalInt(json, key, fallback);
    if (value < min || value > max) {
      throw new ConfigException("config key \"" + key + "\" must be from " + min + " to " + max + ", not " + value);
    }
    return value;
  }

  /** By default, requests and results may fill half the heap (the rest is the node's own). */
  private static int halfTheHeap() {
    return (int) Math.min(Integer.MAX_VALUE, Runtime.getRuntime().maxMemory() / 2);
  }
}
