package herd.node;

import herd.log.NodeLogs;
import herd.peer.PeerInbox;
import herd.peer.PeerLinks;
import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicLong;

/** What a node's services share: its config, its log, its links to neighbours and its connection numbering. */
public record NodeContext(
    Vertx vertx, NodeConfig config, NodeLogs logs, PeerLinks peers, PeerInbox inbox, AtomicLong connectionIds) {

  public String name() {
    return config.name();
  }
}
