package herd.peer;

import herd.node.Endpoint;
import java.util.Map;

/**
 * What the links of one node need to know.
 *
 * @param self            this node's name
 * @param host            the address the peer port binds
 * @param peerPort        the port neighbours dial; 0 for a node without neighbours, which does not listen
 * @param neighbours      each neighbour's name and the address of its peer port
 * @param sharedKey       the herd key both ends of a link prove they hold; null: authentication off (an empty key)
 * @param tls             TLS for the links, or null for plain TCP
 * @param backoff         how re-dialling a lost neighbour slows down
 * @param maxPendingBytes a link whose neighbour is further behind than this is dropped and re-dialled
 * @param maxLineBytes    the longest line a neighbour may send; a longer one drops the link
 * @param heartbeatMillis an idle link sends a heartbeat this often
 * @param silenceMillis   a link that received nothing for this long is dropped and re-dialled
 * @param handshakeMillis a connection not authenticated within this long is closed
 */
public record PeerConfig(String self, String host, int peerPort, Map<String, Endpoint> neighbours, byte[] sharedKey,
    PeerTls tls, Backoff backoff, long maxPendingBytes, int maxLineBytes, long heartbeatMillis, long silenceMillis,
    long handshakeMillis) {

  public static final long DEFAULT_MAX_PENDING_BYTES = 64L * 1024 * 1024;
  public static final int DEFAULT_MAX_LINE_BYTES = 4 * 1024 * 1024;
  public static final long DEFAULT_SILENCE_MILLIS = 5_000;
  public static final long DEFAULT_HANDSHAKE_MILLIS = 5_000;

  public PeerConfig {
    neighbours = Map.copyOf(neighbours);
    sharedKey = sharedKey == null ? null : sharedKey.clone();
  }

  /** Plain TCP links with the default backoff, limits and timers. */
  public static PeerConfig of(String self, String host, int peerPort, Map<String, Endpoint> neighbours,
      byte[] sharedKey) {
    return new PeerConfig(self, host, peerPort, neighbours, sharedKey, null, Backoff.DEFAULT,
        DEFAULT_MAX_PENDING_BYTES, DEFAULT_MAX_LINE_BYTES, heartbeatFor(DEFAULT_SILENCE_MILLIS),
        DEFAULT_SILENCE_MILLIS, DEFAULT_HANDSHAKE_MILLIS);
  }

  /** A heartbeat every second, and at least four within the silence that drops a link. */
  public static long heartbeatFor(long silenceMillis) {
    return Math.max(1, Math.min(1_000, silenceMillis / 4));
  }

  public PeerConfig withTls(PeerTls tls) {
    return new PeerConfig(self, host, peerPort, neighbours, sharedKey, tls, backoff, maxPendingBytes, maxLineBytes,
        heartbeatMillis, silenceMillis, handshakeMillis);
  }

  public PeerConfig withBackoff(Backoff backoff) {
    return new PeerConfig(self, host, peerPort, neighbours, sharedKey, tls, backoff, maxPendingBytes, maxLineBytes,
        heartbeatMillis, silenceMillis, handshakeMillis);
  }

  public PeerConfig withSilence(long silenceMillis) {
    return new PeerConfig(self, host, peerPort, neighbours, sharedKey, tls, backoff, maxPendingBytes, maxLineBytes,
        heartbeatFor(silenceMillis), silenceMillis, handshakeMillis);
  }

  public PeerConfig withMaxLineBytes(int maxLineBytes) {
    return new PeerConfig(self, host, peerPort, neighbours, sharedKey, tls, backoff, maxPendingBytes, maxLineBytes,
        heartbeatMillis, silenceMillis, handshakeMillis);
  }

  /** The key never reaches a log through this record. */
  @Override
  public String toString() {
    return "PeerConfig[" + self + " on " + host + ":" + peerPort + ", neighbours " + neighbours
        + (sharedKey == null ? ", no key" : ", key set") + (tls == null ? "" : ", TLS") + "]";
  }
}
