package herd.peer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/** Routes each message a neighbour sends to the service that registered its kind. */
public final class PeerInbox {

  private final Map<String, PeerMessageHandler> handlers = new ConcurrentHashMap<>();
  private final Logger log;

  public PeerInbox(Logger log) {
    this.log = log;
  }

  public void register(String kind, PeerMessageHandler handler) {
    if (handlers.putIfAbsent(kind, handler) != null) {
      throw new IllegalStateException("peer message kind " + kind + " is taken");
    }
  }

  public void receive(String fromPeer, String line) {
    int space = line.indexOf(' ');
    String kind = space < 0 ? line : line.substring(0, space);
    PeerMessageHandler handler = handlers.get(kind);
    if (handler == null) {
      log.warn("from {}: message of unknown kind {} dropped", fromPeer, herd.log.LogText.quote(kind));
    } else {
      handler.receive(fromPeer, line);
    }
  }
}
