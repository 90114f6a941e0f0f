package herd.peer;

/** Takes one kind of message that a neighbour floods (the kind is the line's first word). */
@FunctionalInterface
public interface PeerMessageHandler {

  /** Called on the event loop of the peer's connection; {@code line} is Latin-1, one char per byte. */
  void receive(String fromPeer, String line);
}
