package herd.protocol;

import herd.location.LocationStore;
import herd.net.ConnectionGate;
import herd.net.LineLimits;
import herd.node.ConfigException;
import herd.node.NodeConfig;
import herd.node.NodeContext;
import herd.node.NodeService;
import herd.places.PlacesConfig;
import herd.places.PlacesProvider;
import herd.places.PlacesProviders;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import java.util.Set;

/** The herd protocol on the node's port: IAMAT, WHATSAT, and the links neighbours open to flood locations. */
public final class HerdService implements NodeService {

  static final int MIN_LINE_BYTES = 16 * 1024;

  @Override
  public Set<String> configKeys() {
    return Set.of("places", "maxLineBytes");
  }

  /** Neighbours' flood lines arrive on this port too, so the limit may not go below what they need. */
  private static int maxLineBytes(NodeConfig config) {
    int maxLineBytes = NodeConfig.positiveInt(config.json(), "maxLineBytes", LineLimits.DEFAULT.maxLineBytes());
    if (maxLineBytes < MIN_LINE_BYTES) {
      throw new ConfigException("config key \"maxLineBytes\" must be at least " + MIN_LINE_BYTES
          + ", room for the lines neighbours flood, not " + maxLineBytes);
    }
    return maxLineBytes;
  }

  @Override
  public Future<?> start(NodeContext node) {
    NodeConfig config = node.config();
    LocationStore locations = new LocationStore(node.vertx(), node.name());
    PlacesProvider places = PlacesProviders.start(node.vertx(), PlacesConfig.from(config.json()),
        node.logs().logger("places"));
    node.inbox().register(LocationFlood.KIND,
        new LocationFlood(locations, node.peers(), node.logs().logger("flood")));
    ConnectionGate gate = new ConnectionGate(config.maxConnections());
    LineLimits limits = new LineLimits(maxLineBytes(config), LineLimits.DEFAULT.maxQueuedLines());
    return node.vertx().deployVerticle(() -> new HerdServer(node, locations, places, gate, limits),
        new DeploymentOptions().setInstances(config.instances()))
        .onSuccess(deployed -> places.prepare());
  }
}
