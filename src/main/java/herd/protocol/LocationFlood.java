package herd.protocol;

import herd.location.Location;
import herd.location.LocationStore;
import herd.log.LogText;
import herd.peer.PeerLink;
import herd.peer.PeerLinks;
import herd.peer.PeerMessageHandler;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;

/** Takes AT lines that neighbours flood: a newer location is stored and passed on to every other neighbour. */
final class LocationFlood implements PeerMessageHandler {

  static final String KIND = "AT";

  private final LocationStore locations;
  private final PeerLinks peers;
  private final Logger log;

  LocationFlood(LocationStore locations, PeerLinks peers, Logger log) {
    this.locations = locations;
    this.peers = peers;
    this.log = log;
  }

  @Override
  public void receive(PeerLink from, String line) {
    String fromPeer = from.neighbour();
    Location location = Location.parseAt(line);
    if (location == null) {
      log.warn("from {}: malformed location {} dropped", fromPeer, LogText.quote(line));
    } else if (locations.offer(location)) {
      log.info("from {}: flooding {}", fromPeer, LogText.quote(line));
      peers.flood(Buffer.buffer((location.atLine() + "\n").getBytes(StandardCharsets.ISO_8859_1)), fromPeer);
    } else {
      log.info("from {}: not newer, not flooded {}", fromPeer, LogText.quote(line));
    }
  }
}
