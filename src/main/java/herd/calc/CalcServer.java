package herd.calc;

import herd.net.ConnectionGate;
import herd.net.Listener;
import herd.node.NodeContext;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.net.NetSocket;
import java.time.Duration;
import org.slf4j.Logger;

/** One instance of the calculation server; a node runs several on its calcPort, sharing one evaluation pool. */
final class CalcServer extends VerticleBase {

  /** What every connection of one instance uses. */
  record Shared(WorkerExecutor pool, CalcConfig config, MemoryBudget memory, Logger log, Duration idleTimeout,
      CalcMeters meters) {
  }

  private final NodeContext node;
  private final CalcConfig config;
  private final ConnectionGate gate;
  private final MemoryBudget memory;
  private final CalcMeters meters;
  private final Logger log;
  private Shared shared;

  CalcServer(NodeContext node, CalcConfig config, ConnectionGate gate, MemoryBudget memory, CalcMeters meters) {
    this.node = node;
    this.meters = meters;
    this.config = config;
    this.gate = gate;
    this.memory = memory;
    this.log = node.logs().logger("calc");
  }

  @Override
  public Future<?> start() {
    // shared by name, so every instance of this node's server uses the same threads; closed on undeploy
    WorkerExecutor pool = vertx.createSharedWorkerExecutor(poolName(node.name()), config.poolThreads());
    shared = new Shared(pool, config, memory, log, node.config().idleTimeout(), meters);
    return Listener.listen(vertx, "calculations", node.config().host(), config.port(), this::accept);
  }

  /** The name of a node's evaluation pool, one per node even when several nodes share a process. */
  static String poolName(String node) {
    return "herd-calc-" + node;
  }

  private void accept(NetSocket socket) {
    long id = node.connectionIds().incrementAndGet();
    if (!gate.admit(socket)) {
      return;
    }
    CalcConnection.serve(vertx, socket, shared, id, () -> gate.leave(socket));
  }
}
