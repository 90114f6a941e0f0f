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
 * neighbour links. A node whose config has no {@code metricsPort} serves no metrics. A put is a few microseconds of
 * work, so by default half the node's event loops serve metrics and the other cores stay free for the herd
 * protocol, calculations and the clients themselves: measured on two cores, one loop serves more puts than two.
 */
public final class MetricsService implements NodeService {

  /** Bounds a metrics line well below a herd link's line limit, so that every accepted put can be flooded. */
  static final int MAX_LINE_BYTES = 8 * 1024;
  static final int DEFAULT_MAX_POINTS = 100_000_000;

  @Override
  public Set<String> configKeys() {
    return Set.of("metricsPort", "metricsMaxPoints", "metricsInstances");
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
    PointUpdates points = new PointUpdates(store);
    node.replica().register(points);
    ConnectionGate gate = new ConnectionGate(config.maxConnections(), config.maxConnectionsPerAddress(),
        node.logs().logger("metrics"), "metrics");
    LineLimits limits = LineLimits.DEFAULT.withMaxLineBytes(MAX_LINE_BYTES).withIdleTimeout(config.idleTimeout());
    int instances = NodeConfig.positiveInt(config.json(), "metricsInstances", Math.max(1, config.instances() / 2));
    CommandCounters commands = CommandCounters.of(node.meters());
    node.counters().register("metrics.points", store::points);
    node.counters().register("connections.metrics", gate::open);
    return node.vertx().deployVerticle(() -> new MetricsServer(node, port, store, points, gate, limits, commands),
        new DeploymentOptions().setInstances(instances))
        .onSuccess(id -> node.logs().logger("metrics").info("metrics on {}:{}, {} event loops", config.host(), port,
            instances));
  }
}
