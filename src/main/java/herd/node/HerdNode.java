package herd.node;

import herd.calc.CalcService;
import herd.log.NodeLogs;
import herd.metrics.MetricsService;
import herd.peer.Backoff;
import herd.peer.PeerInbox;
import herd.peer.PeerLinks;
import herd.protocol.HerdService;
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

  private static final Logger CONSOLE = LoggerFactory.getLogger("herd");

  private final Clock clock;
  private NodeLogs logs;
  private PeerLinks peers;

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
    try {
      refuseCopies(context.getInstanceCount());
      config = NodeConfig.parse(config());
      logs = NodeLogs.open(config.name(), config.logFile());
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    Logger log = logs.logger("node");
    List<NodeService> services = services();
    warnAboutUnknownKeys(config, services, log);
    peers = new PeerLinks(vertx, config.name(), config.neighbours(), Backoff.DEFAULT, logs.logger("peer"));
    NodeContext node = new NodeContext(vertx, config, logs, peers, new PeerInbox(logs.logger("peer")),
        new AtomicLong(), clock);
    return Future.all(services.stream().map(service -> start(service, node)).toList())
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
    return closing.eventually(() -> {
      if (logs != null) {
        logs.close();
        logs = null;
      }
      return Future.succeededFuture();
    });
  }

  private static void warnAboutUnknownKeys(NodeConfig config, List<NodeService> services, Logger log) {
    Set<String> known = new HashSet<>(NodeConfig.KEYS);
    services.forEach(service -> known.addAll(service.configKeys()));
    for (String key : config.json().fieldNames()) {
      if (!known.contains(key)) {
        log.warn("config key \"{}\" is not known to this node; ignored", key);
        CONSOLE.warn("{}: config key \"{}\" is not known; ignored", config.name(), key);
      }
    }
  }
}
