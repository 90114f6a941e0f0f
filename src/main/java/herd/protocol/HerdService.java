package herd.protocol;

import herd.location.LocationStore;
import herd.net.ConnectionGate;
import herd.net.LineLimits;
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

  @Override
  public Set<String> configKeys() {
    return Set.of("places", "maxLineBytes");
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
    LineLimits limits = new LineLimits(
        NodeConfig.positiveInt(config.json(), "maxLineBytes", LineLimits.DEFAULT.maxLineBytes()),
        LineLimits.DEFAULT.maxQueuedLines());
    return node.vertx().deployVerticle(() -> new HerdServer(node, locations, places, gate, limits),
        new DeploymentOptions().setInstances(config.instances()));
  }
}
