package herd.peer;

/** The first line a node sends on a link it dialled, naming itself: {@code PEER <name>}. */
public final class PeerHello {

  public static final String WORD = "PEER";

  private PeerHello() {
  }

  public static String line(String nodeName) {
    return WORD + " " + nodeName + "\n";
  }
}
