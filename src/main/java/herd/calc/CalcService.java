package herd.calc;

import herd.net.ConnectionGate;
import herd.node.NodeContext;
import herd.node.NodeService;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import java.util.Optional;
import java.util.Set;

/**
 * Batch arithmetic on the node's calcPort, compatible with bluserver's clients: a request of expressions, one a
 * line, gets one result line each. Off when the config has no calcPort.
 */
public final class CalcService implements NodeService {

  @Override
  public Set<String> configKeys() {
    return CalcConfig.KEYS;
  }

  @Override
  public Future<?> start(NodeContext node) {
    Optional<CalcConfig> parsed;
    try {
      parsed = CalcConfig.from(node.config());
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    if (parsed.isEmpty()) {
      node.logs().logger("calc").info("calculation service off: no calcPort in the config");
      return Future.succeededFuture();
    }
    CalcConfig config = parsed.get();
    ConnectionGate gate = new ConnectionGate(node.config().maxConnections(),
        node.config().maxConnectionsPerAddress(), node.logs().logger("calc"), "calculations");
    MemoryBudget memory = new MemoryBudget(config.maxBufferedBytes());
    CalcMeters meters = CalcMeters.of(node.meters());
    node.counters().register("connections.calc", gate::open);
    return node.vertx()
        .deployVerticle(() -> new CalcServer(node, config, gate, memory, meters),
            new DeploymentOptions().setInstances(node.config().instances()))
        .onSuccess(id -> node.logs().logger("calc").info(
            "calculations on {}:{}, {} workers a request, {} pool threads, requests up to {} bytes, replies up to {} "
                + "bytes, {} bytes held at most, expressions up to {} bytes, {} deep, integers up to {} bits",
            node.config().host(), config.port(), config.workers(), config.poolThreads(), config.maxRequestBytes(),
            config.maxReplyBytes(), config.maxBufferedBytes(), config.limits().maxBytes(),
            config.limits().maxDepth(), config.limits().maxIntegerBits()));
  }
}
