package herd.node;

import herd.calc.CalcService;
import herd.kv.KvService;
import herd.log.NodeLogs;
import herd.metrics.MetricsService;
import herd.peer.PeerConfig;
import herd.peer.PeerLinks;
import herd.protocol.HerdService;
import herd.replica.HybridClock;
import herd.replica.Replica;
import herd.replica.ReplicaConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A herd node, the verticle the launcher deploys once per process: it reads the config, opens the node's log,
 * starts every service (each deploys its own verticle instances), then opens its peer port and dials the neighbours.
 */
public class HerdNode extends VerticleBase {

  private static final Logger CONSOLE = LoggerFactory.getLogger("console");

  private final Clock clock;
  private NodeLogs logs;
  private PeerLinks peers;
  private Replica replica;
  private Router http;

  public HerdNode() {
    this(Clock.systemUTC());
  }

  /** A node whose receive times come from {@code clock}. */
  public HerdNode(Clock clock) {
    this.clock = clock;
  }

  private static List<NodeService> services() {
    return List.of(new HerdService(), new MetricsService(), new CalcService(), new KvService());
  }

  @Override
  public Future<?> start() {
    NodeConfig config;
    ReplicaConfig replicaConfig;
    PeerConfig peerConfig;
    try {
      refuseCopies(context.getInstanceCount());
      config = NodeConfig.parse(config());
      replicaConfig = ReplicaConfig.from(config);
      peerConfig = LinkConfig.parse(config, System::getenv);
      logs = NodeLogs.open(config.name(), config.logFile());
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    Logger log = logs.logger("node");
    List<NodeService> services = services();
    warnAboutUnknownKeys(config, services, log);
    warnIfLinksAreNotAuthenticated(config, log);
    peers = new PeerLinks(vertx, peerConfig, logs.logger("peer"));
    replica = new Replica(vertx, config.name(), replicaConfig, HybridClock.system(replicaConfig.maxSkewMillis()),
        peers, logs.logger("replica"));
    http = Router.router(vertx);
    NodeContext node = new NodeContext(vertx, config, logs, peers, replica, http, new AtomicLong(), clock);
    // The ports open at once; what clients send waits until the replica has restored the node's state, and the
    // links come up only then, so that catch-up starts from the restored state.
    return Future.all(services.stream().map(service -> start(service, node)).toList())
        .compose(started -> replica.open())
        .compose(v -> peers.start())
        .onSuccess(v -> {
          log.info("node {} up: herd protocol on {}:{}, peer links on port {}, neighbours {}", config.name(),
              config.host(), config.port(), config.peerPort(), config.neighbours());
          CONSOLE.info("{} serving on {}:{}, log {}", config.name(), config.host(), config.port(), config.logFile());
        })
        .recover(error -> {
          log.error("node {} failed to start: {}", config.name(), error.getMessage());
          return stop().transform(stopped -> Future.failedFuture(error));
        });
  }

  /**
   * The launcher's {@code -instances N} deploys N copies of this verticle, that is N nodes of one name in one
   * process, each with the same log and the same links; the node's event loops are its config's business.
   */
  private static void refuseCopies(int copies) {
    if (copies > 1) {
      throw new ConfigException("-instances " + copies + " would start " + copies + " copies of this node in one"
          + " process; leave -instances out and set the config key \"instances\" (the node's event-loop instances)");
    }
  }

  /** The router of the node's HTTP face, once it started: every service's routes are mounted on it. */
  public Router http() {
    return http;
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

  private static void warnIfLinksAreNotAuthenticated(NodeConfig config, Logger log) {
    if (LinkConfig.authOff(config.json()) && !config.neighbours().isEmpty()) {
      String warning = "peer authentication is off (\"peerAuth\": \"off\"): anyone who reaches the peer port can"
          + " pose as a neighbour";
      log.warn(warning);
      CONSOLE.warn("{}: {}", config.name(), warning);
    }
  }

  private static void warnAboutUnknownKeys(NodeConfig config, List<NodeService> services, Logger log) {
    Set<String> known = new HashSet<>(NodeConfig.KEYS);
    known.addAll(ReplicaConfig.KEYS);
    known.addAll(LinkConfig.KEYS);
    services.forEach(service -> known.addAll(service.configKeys()));
    for (String key : config.json().fieldNames()) {
      if (!known.contains(key)) {
        log.warn("config key \"{}\" is not known to this node; ignored", key);
        CONSOLE.warn("{}: config key \"{}\" is not known; ignored", config.name(), key);
      }
    }
  }
}
