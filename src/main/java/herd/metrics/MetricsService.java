package herd.metrics;

import herd.net.ConnectionGate;
import herd.net.LineLimits;
import herd.node.NodeConfig;
import herd.node.NodeContext;
import herd.node.NodeService;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import java.util.Set;

/**
 * The metrics protocol (put / get) on the node's {@code metricsPort}, its puts replicated to the whole herd over the
 * neighbour links. A node whose config has no {@code metricsPort} serves no metrics.
 */
public final class MetricsService implements NodeService {

  /** Bounds a metrics line well below a herd link's line limit, so that every accepted put can be flooded. */
  static final LineLimits LIMITS = new LineLimits(8 * 1024, LineLimits.DEFAULT.maxQueuedLines());
  static final int DEFAULT_MAX_POINTS = 100_000_000;

  @Override
  public Set<String> configKeys() {
    return Set.of("metricsPort", "metricsMaxPoints");
  }

  @Override
  public Future<?> start(NodeContext node) {
    NodeConfig config = node.config();
    if (config.json().getValue("metricsPort") == null) {
      return Future.succeededFuture();
    }
    int port = NodeConfig.checkPort("config key \"metricsPort\"", NodeConfig.optionalInt(config.json(),
        "metricsPort", 0));
    int maxPoints = NodeConfig.positiveInt(config.json(), "metricsMaxPoints", DEFAULT_MAX_POINTS);
    MetricStore store = new MetricStore(node.vertx(), node.name(), maxPoints);
    PutFlood flood = new PutFlood(node.name(), store, VersionClock.system(), node.peers(),
        node.logs().logger("metrics"));
    node.inbox().register(PutMessage.KIND, flood);
    ConnectionGate gate = new ConnectionGate(config.maxConnections());
    return node.vertx().deployVerticle(() -> new MetricsServer(node, port, store, flood, gate, LIMITS),
        new DeploymentOptions().setInstances(config.instances()))
        .onSuccess(id -> node.logs().logger("metrics").info("metrics on {}:{}", config.host(), port));
  }
}
