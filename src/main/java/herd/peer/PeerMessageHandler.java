package herd.peer;

/** Takes one kind of message a neighbour sends (the kind is the line's first word). */
@FunctionalInterface
public interface PeerMessageHandler {

  /** Called on the event loop of the link; {@code line} is Latin-1, one char per byte, without its {@code \n}. */
  void receive(PeerLink from, String line);
}
