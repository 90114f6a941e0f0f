package herd.http;

import herd.node.NodeContext;
import herd.peer.LinkStatus;
import herd.replica.ReplicaStats;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The node's {@code /status}: who it is, how long it has been up, its ports and durability, each neighbour's link
 * (and the neighbour's HTTP face, when it told us), the replica's counts by kind, and every value the services
 * registered in {@link herd.node.NodeCounters} (locations, metric points, key-value entries, connections, places).
 */
final class StatusReport {

  /** The jar's version, or {@code dev} when run from classes. */
  static final String VERSION = version();

  private final NodeContext node;
  private final Instant started;
  private final Map<String, String> neighbourFaces;

  StatusReport(NodeContext node, Instant started, Map<String, String> neighbourFaces) {
    this.node = node;
    this.started = started;
    this.neighbourFaces = neighbourFaces;
  }

  JsonObject now() {
    Instant now = Instant.now();
    JsonObject status = new JsonObject()
        .put("node", node.name())
        .put("version", VERSION)
        .put("startedAt", started.toString())
        .put("uptimeSeconds", Duration.between(started, now).toSeconds())
        .put("serving", node.replica().ready().succeeded() && !node.replica().failed())
        .put("durability", node.replica().durability().configName())
        .put("ports", ports())
        .put("links", links())
        .put("updates", updates(node.replica().stats()))
        .put("malformedUpdates", node.replica().stats().malformed());
    JsonObject counters = new JsonObject();
    node.counters().snapshot().forEach(counters::put);
    return status.put("counters", counters);
  }

  /** {@code port} as {@code herd}, then every other config key that names a port, less its {@code Port}. */
  private JsonObject ports() {
    JsonObject ports = new JsonObject().put("herd", node.config().port());
    JsonObject config = node.config().json();
    for (String key : config.fieldNames()) {
      if (key.endsWith("Port") && config.getValue(key) instanceof Integer port) {
        ports.put(key.substring(0, key.length() - "Port".length()), port);
      }
    }
    return ports;
  }

  private JsonArray links() {
    JsonArray links = new JsonArray();
    Map<String, ReplicaStats.CatchUps> catchUps = node.replica().stats().catchUps();
    for (LinkStatus link : node.peers().status()) {
      JsonObject json = new JsonObject()
          .put("neighbour", link.neighbour())
          .put("up", link.up())
          .put("since", text(link.since()))
          .put("direction", link.direction() == null ? null : link.direction().name().toLowerCase())
          .put("authenticated", link.authenticated())
          .put("http", neighbourFaces.get(link.neighbour()))
          .put("in", new JsonObject().put("messages", link.messagesIn()).put("bytes", link.bytesIn()))
          .put("out", new JsonObject().put("messages", link.messagesOut()).put("bytes", link.bytesOut()));
      ReplicaStats.CatchUps catchUp = catchUps.get(link.neighbour());
      if (catchUp != null) {
        json.put("catchUp", new JsonObject()
            .put("lastAsked", text(catchUp.lastAsked()))
            .put("lastReceived", text(catchUp.lastReceived()))
            .put("lastSent", text(catchUp.lastSent()))
            .put("sentUpdates", catchUp.sentUpdates())
            .put("sentBytes", catchUp.sentBytes()));
      }
      links.add(json);
    }
    return links;
  }

  private static JsonObject updates(ReplicaStats stats) {
    JsonObject kinds = new JsonObject();
    stats.kinds().forEach((kind, counts) -> kinds.put(kind, new JsonObject()
        .put("accepted", counts.accepted().sum())
        .put("received", counts.received().sum())
        .put("flooded", counts.flooded().sum())
        .put("refused", counts.refused().sum())));
    return kinds;
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static String version() {
    String version = StatusReport.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
