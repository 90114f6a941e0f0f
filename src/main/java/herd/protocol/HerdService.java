package herd.protocol;

import herd.location.LocationStore;
import herd.location.LocationUpdates;
import herd.net.ConnectionGate;
import herd.net.LineLimits;
import herd.node.ConfigException;
import herd.node.NodeConfig;
import herd.node.NodeContext;
import herd.node.NodeService;
import herd.places.MeteredPlaces;
import herd.places.PlacesConfig;
import herd.places.PlacesProvider;
import herd.places.PlacesProviders;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import java.util.Set;

/** The herd protocol on the node's port: IAMAT and WHATSAT, and the locations neighbours flood. */
public final class HerdService implements NodeService {

  static final int MIN_LINE_BYTES = 16 * 1024;
  static final int DEFAULT_MAX_LOCATIONS = 1_000_000;
  static final int DEFAULT_MAX_LOCATION_BYTES = 512 * 1024 * 1024;

  @Override
  public Set<String> configKeys() {
    return Set.of("places", "maxLineBytes", "maxLocations", "maxLocationBytes");
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
    LocationStore locations = new LocationStore(
        NodeConfig.positiveInt(config.json(), "maxLocations", DEFAULT_MAX_LOCATIONS),
        NodeConfig.positiveInt(config.json(), "maxLocationBytes", DEFAULT_MAX_LOCATION_BYTES));
    LocationUpdates locationUpdates = new LocationUpdates(locations);
    node.replica().register(locationUpdates);
    PlacesConfig placesConfig = PlacesConfig.from(config.json());
    MeteredPlaces places = new MeteredPlaces(PlacesProviders.start(node.vertx(), placesConfig,
        node.logs().logger("places")), node.meters());
    ConnectionGate gate = new ConnectionGate(config.maxConnections(), config.maxConnectionsPerAddress(),
        node.logs().logger("wire"), "herd");
    LineLimits limits = LineLimits.DEFAULT.withMaxLineBytes(maxLineBytes(config)).withIdleTimeout(config.idleTimeout());
    CommandCounters commands = CommandCounters.of(node.meters());
    node.counters().register("locations", locations::clients);
    node.counters().register("connections.herd", gate::open);
    node.counters().register("places.provider", placesConfig.provider()::toString);
    places.cache().ifPresent(cache -> {
      node.counters().register("places.cache.hits", cache::hits);
      node.counters().register("places.cache.misses", cache::misses);
      node.counters().register("places.cache.hitRate", cache::hitRate);
    });
    return node.vertx().deployVerticle(() -> new HerdServer(node, locations, locationUpdates, places, gate, limits,
            commands),
        new DeploymentOptions().setInstances(config.instances()))
        .onSuccess(deployed -> places.prepare());
  }
}
