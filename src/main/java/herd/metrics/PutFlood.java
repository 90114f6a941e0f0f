package herd.metrics;

import herd.log.LogText;
import herd.metrics.MetricStore.Outcome;
import herd.peer.PeerLink;
import herd.peer.PeerLinks;
import herd.peer.PeerMessageHandler;
import io.vertx.core.buffer.Buffer;
import org.slf4j.Logger;

/**
 * Replicates puts: one a client sends here gets a fresh version, is stored and flooded to every neighbour; one a
 * neighbour floods is stored and passed on (never back) only if its version is higher than the one held, so
 * duplicates and older writes stop, and every flood ends.
 */
final class PutFlood implements PeerMessageHandler {

  private final String self;
  private final MetricStore store;
  private final VersionClock clock;
  private final PeerLinks peers;
  private final Logger log;
  private volatile boolean warnedFull;

  PutFlood(String self, MetricStore store, VersionClock clock, PeerLinks peers, Logger log) {
    this.self = self;
    this.store = store;
    this.clock = clock;
    this.peers = peers;
    this.log = log;
  }

  /** Takes a client's put; false if the store cannot hold it. */
  boolean accept(MetricsCommand.Put put) {
    PutMessage message = new PutMessage(new Version(clock.next(), self), put);
    Outcome outcome = offer(message);
    if ((outcome == Outcome.ADDED || outcome == Outcome.REPLACED) && peers.anyUp()) {
      peers.flood(lineBytes(message.line()), null);
    }
    return outcome != Outcome.FULL && outcome != Outcome.UNVERSIONABLE;
  }

  @Override
  public void receive(PeerLink from, String line) {
    String fromPeer = from.neighbour();
    PutMessage message = PutMessage.parse(line);
    if (message == null) {
      log.warn("from {}: malformed put dropped: {}", fromPeer, LogText.quote(line));
      return;
    }
    clock.observe(message.version().clock());
    Outcome outcome = offer(message);
    if (outcome == Outcome.ADDED || outcome == Outcome.REPLACED) {
      peers.flood(lineBytes(line), fromPeer);
    } else if (outcome == Outcome.UNVERSIONABLE) {
      log.warn("from {}: put from too many nodes dropped: {}", fromPeer, LogText.quote(line));
    }
  }

  private static Buffer lineBytes(String line) {
    return Buffer.buffer(line.length() + 1).appendString(line, "ISO-8859-1").appendByte((byte) '\n');
  }

  private Outcome offer(PutMessage message) {
    MetricsCommand.Put put = message.put();
    Outcome outcome = store.offer(put.key(), put.timestamp(), put.value(), message.version());
    if (outcome == Outcome.FULL && !warnedFull) {
      warnedFull = true;
      log.warn("metric store full at {} points: new points are refused", store.points());
    }
    return outcome;
  }
}
