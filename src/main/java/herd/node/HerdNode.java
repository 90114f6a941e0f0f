package herd.node;

import herd.calc.CalcService;
import herd.log.NodeLogs;
import herd.metrics.MetricsService;
import herd.peer.Backoff;
import herd.peer.PeerLinks;
import herd.protocol.HerdService;
import herd.replica.HybridClock;
import herd.replica.Replica;
import herd.replica.ReplicaConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A herd node, the verticle the launcher deploys once per process: it reads the config, opens the node's log,
 * starts every service (each deploys its own verticle instances), then dials the neighbours.
 */
public class HerdNode extends VerticleBase {

  private static final Logger CONSOLE = LoggerFactory.getLogger("console");

  private final Clock clock;
  private NodeLogs logs;
  private PeerLinks peers;
  private Replica replica;

  public HerdNode() {
    this(Clock.systemUTC());
  }

  /** A node whose receive times come from {@code clock}. */
  public HerdNode(Clock clock) {
    this.clock = clock;
  }

  private static List<NodeService> services() {
    return List.of(new HerdService(), new MetricsService(), new CalcService());
  }

  @Override
  public Future<?> start() {
    NodeConfig config;
    ReplicaConfig replicaConfig;
    try {
      config = NodeConfig.parse(config());
      replicaConfig = ReplicaConfig.from(config);
      logs = NodeLogs.open(config.name(), config.logFile());
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    Logger log = logs.logger("node");
    List<NodeService> services = services();
    warnAboutUnknownKeys(config, services, log);
    peers = new PeerLinks(vertx, config.name(), config.neighbours(), Backoff.DEFAULT, logs.logger("peer"));
    replica = new Replica(vertx, config.name(), replicaConfig, HybridClock.system(replicaConfig.maxSkewMillis()),
        peers, logs.logger("replica"));
    NodeContext node = new NodeContext(vertx, config, logs, peers, replica, new AtomicLong(), clock);
    // The ports open at once; what clients send waits until the replica has restored the node's state.
    return Future.all(services.stream().map(service -> start(service, node)).toList())
        .compose(started -> replica.open())
        .onSuccess(v -> {
          peers.start();
          log.info("node {} up: herd protocol on {}:{}, neighbours {}", config.name(), config.host(), config.port(),
              config.neighbours());
          CONSOLE.info("{} serving on {}:{}, log {}", config.name(), config.host(), config.port(), config.logFile());
        })
        .recover(error -> {
          log.error("node {} failed to start: {}", config.name(), error.getMessage());
          return stop().transform(stopped -> Future.failedFuture(error));
        });
  }

  private static Future<?> start(NodeService service, NodeContext node) {
    try {
      return service.start(node);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  @Override
  public Future<?> stop() {
    if (logs != null) {
      logs.logger("node").info("node stopping");
    }
    Future<Void> closing = peers == null ? Future.succeededFuture() : peers.stop();
    return closing.eventually(() -> replica == null ? Future.succeededFuture() : replica.close()).eventually(() -> {
      if (logs == null) {
        return Future.succeededFuture();
      }
      NodeLogs closed = logs;
      logs = null;
      return vertx.executeBlocking(() -> {
        closed.close();
        return null;
      });
    });
  }

  private static void warnAboutUnknownKeys(NodeConfig config, List<NodeService> services, Logger log) {
    Set<String> known = new HashSet<>(NodeConfig.KEYS);
    known.addAll(ReplicaConfig.KEYS);
    services.forEach(service -> known.addAll(service.configKeys()));
    for (String key : config.json().fieldNames()) {
      if (!known.contains(key)) {
        log.warn("config key \"{}\" is not known to this node; ignored", key);
        CONSOLE.warn("{}: config key \"{}\" is not known; ignored", config.name(), key);
      }
    }
  }
}
