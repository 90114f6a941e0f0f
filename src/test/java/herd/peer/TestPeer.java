package herd.peer;

import herd.testing.TcpClient;
import java.nio.charset.StandardCharsets;

/** A neighbour played by a test over a plain socket: it holds the herd key and says whatever the test wants. */
public final class TestPeer {

  private TestPeer() {
  }

  /** Dials a node's peer port as {@code self}, does the dialler's side of the handshake, and returns the link. */
  public static TcpClient dial(int peerPort, String self, String key) {
    TcpClient link = new TcpClient(peerPort);
    String nonce = Handshake.nonce();
    link.send(Handshake.hello(self, nonce));
    Handshake.Hello answer = Handshake.parseAnswer(link.readUntil("\n").trim());
    if (answer == null) {
      throw new IllegalStateException("the node did not answer the handshake");
    }
    link.send(Handshake.proofLine(Handshake.proof(key.getBytes(StandardCharsets.UTF_8), Handshake.Role.DIALLER, self,
        answer.name(), nonce, answer.nonce())));
    String linked = link.readUntil("\n");
    if (!linked.equals(Handshake.LINKED + "\n")) {
      throw new IllegalStateException("the node refused the link: " + linked);
    }
    return link;
  }
}
