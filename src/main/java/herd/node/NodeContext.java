package herd.node;

import herd.log.NodeLogs;
import herd.peer.PeerLinks;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a node's services share: its config, its log, its links to neighbours, its connection numbering and the
 * clock that stamps what it receives.
 */
public record NodeContext(Vertx vertx, NodeConfig config, NodeLogs logs, PeerLinks peers, AtomicLong connectionIds,
    Clock clock) {

  public String name() {
    return config.name();
  }
}
