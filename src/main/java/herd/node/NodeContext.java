package herd.node;

import herd.log.NodeLogs;
import herd.peer.PeerLinks;
import herd.replica.Replica;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a node's services share: its config, its log, its links to neighbours, the replica every replicated write
 * goes through, the router of its HTTP face (each service mounts its routes there), its connection numbering and
 * the clock that stamps what it receives; the named values its {@code /status} shows ({@link NodeCounters}, each
 * service registers its own) and its Micrometer meters ({@link NodeMeters}, served on {@code /metrics}).
 */
public record NodeContext(Vertx vertx, NodeConfig config, NodeLogs logs, PeerLinks peers, Replica replica,
    Router http, AtomicLong connectionIds, Clock clock, NodeCounters counters, NodeMeters meters) {

  public String name() {
    return config.name();
  }
}
