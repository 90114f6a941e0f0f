package herd.peer;

/** Takes one kind of message that neighbours send (the kind is the line's first word). */
@FunctionalInterface
public interface PeerMessageHandler {

  /** Called on the links' context, only for lines that arrived after the link's handshake; Latin-1, no {@code \n}. */
  void receive(PeerLink from, String line);
}
