package herd.protocol;

import herd.location.LocationStore;
import herd.location.LocationUpdates;
import herd.net.ConnectionGate;
import herd.net.LineConnection;
import herd.net.LineLimits;
import herd.net.Listener;
import herd.net.WireLog;
import herd.node.NodeContext;
import herd.places.PlacesProvider;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.net.NetSocket;
import org.slf4j.Logger;

/** One instance of the herd protocol server; a node runs several on the same port, sharing its state. */
final class HerdServer extends VerticleBase {

  private final NodeContext node;
  private final LocationStore locations;
  private final LocationUpdates locationUpdates;
  private final PlacesProvider places;
  private final ConnectionGate gate;
  private final LineLimits limits;
  private final CommandCounters commands;
  private final Logger wireLog;

  HerdServer(NodeContext node, LocationStore locations, LocationUpdates locationUpdates, PlacesProvider places,
      ConnectionGate gate, LineLimits limits, CommandCounters commands) {
    this.commands = commands;
    this.node = node;
    this.locations = locations;
    this.locationUpdates = locationUpdates;
    this.places = places;
    this.gate = gate;
    this.limits = limits;
    this.wireLog = node.logs().logger("wire");
  }

  @Override
  public Future<?> start() {
    return Listener.listen(vertx, "the herd protocol", node.config().host(), node.config().port(), this::accept);
  }

  private void accept(NetSocket socket) {
    WireLog wire = new WireLog(wireLog, "herd", node.connectionIds().incrementAndGet(),
        socket.remoteAddress().toString(), true);
    if (!gate.admit(socket)) {
      return;
    }
    wire.event("opened");
    LineConnection.serve(socket, new HerdSession(node, locations, locationUpdates, places, commands),
        limits, wire, node.replica().ready(), () -> gate.leave(socket));
  }
}
