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
    int maxIntegerBits = NodeConfig.positiveInt(json, "calcMaxIntegerBits", ExpressionLimits.DEFAULT.maxIntegerBits());
    if (maxIntegerBits < MIN_INTEGER_BITS) {
      throw new ConfigException("config key \"calcMaxIntegerBits\" must be at least " + MIN_INTEGER_BITS + ", not "
          + maxIntegerBits);
    }
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
            NodeConfig.positiveInt(json, "calcMaxDepth", defaults.maxDepth()),
            maxIntegerBits)));
  }

  /** By default, requests and results may fill half the heap (the rest is the node's own). */
  private static int halfTheHeap() {
    return (int) Math.min(Integer.MAX_VALUE, Runtime.getRuntime().maxMemory() / 2);
  }
}
