package herd.metrics;

import herd.net.ConnectionGate;
import herd.net.LineConnection;
import herd.net.LineLimits;
import herd.net.Listener;
import herd.net.WireLog;
import herd.node.NodeContext;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.net.NetSocket;
import org.slf4j.Logger;

/** One instance of the metrics server; a node runs several on its metrics port, sharing one store. */
final class MetricsServer extends VerticleBase {

  private final NodeContext node;
  private final int port;
  private final MetricStore store;
  private final PointUpdates points;
  private final ConnectionGate gate;
  private final LineLimits limits;
  private final CommandCounters commands;
  private final Logger log;

  MetricsServer(NodeContext node, int port, MetricStore store, PointUpdates points, ConnectionGate gate,
      LineLimits limits, CommandCounters commands) {
    this.commands = commands;
    this.node = node;
    this.port = port;
    this.store = store;
    this.points = points;
    this.gate = gate;
    this.limits = limits;
    this.log = node.logs().logger("metrics");
  }

  @Override
  public Future<?> start() {
    return Listener.listen(vertx, "metrics", node.config().host(), port, this::accept);
  }

  private void accept(NetSocket socket) {
    // Traffic logging stays off: at a hundred thousand puts a second a log line per command would dominate.
    WireLog wire = new WireLog(log, "metrics", node.connectionIds().incrementAndGet(),
        socket.remoteAddress().toString(), false);
    if (!gate.admit(socket)) {
      return;
    }
    wire.event("opened");
    LineConnection.serve(socket, new MetricsSession(store, points, node.replica(), commands), limits, wire,
        node.replica().ready(), () -> gate.leave(socket));
  }
}
