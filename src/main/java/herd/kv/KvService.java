package herd.kv;

import herd.node.ConfigException;
import herd.node.Endpoint;
import herd.node.NodeConfig;
import herd.node.NodeContext;
import herd.node.NodeService;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;

/**
 * The seed's replicated key-value store, on every node's HTTP face: tokens and entries are replicated updates of
 * three kinds (registered before the replica opens, so the node's data restores them), and what a node lacks it reads
 * through from the other nodes named in {@code httpNodes}.
 */
public final class KvService implements NodeService {

  @Override
  public Set<String> configKeys() {
    Set<String> keys = new HashSet<>(KvLimits.KEYS);
    keys.add("httpPort");
    keys.add("httpNodes");
    return keys;
  }

  @Override
  public Future<?> start(NodeContext node) {
    NodeConfig config = node.config();
    KvLimits limits = KvLimits.parse(config.json());
    List<String> addresses = new ArrayList<>();
    Object httpPort = config.json().getValue("httpPort");
    if (httpPort != null) {
      addresses.add(url(new Endpoint(config.host(), NodeConfig.checkPort("config key \"httpPort\"",
          NodeConfig.optionalInt(config.json(), "httpPort", 0)))));
    }
    List<String> others = others(config);
    addresses.addAll(others);
    Logger log = node.logs().logger("kv");
    KvStore store = new KvStore(limits);
    TokenUpdates tokens = new TokenUpdates(store);
    KvUpdates sets = KvUpdates.sets(store);
    KvUpdates deletes = KvUpdates.deletes(store);
    node.replica().register(tokens);
    node.replica().register(sets);
    node.replica().register(deletes);
    node.counters().register("kv.entries", store::size);
    node.counters().register("kv.tokens", store::tokens);
    ReadThrough readThrough = new ReadThrough(node.vertx(), others, limits.readThroughMillis(),
        2L * limits.maxRequestBytes(), log);
    KeyValues kv = new KeyValues(node.replica(), store, tokens, sets, deletes, readThrough);
    new KvRoutes(kv, limits, List.copyOf(addresses), log).mount(node.http());
    log.info("key-value store: {} other nodes to read through, at most {} keys, {} bytes", others.size(),
        limits.maxEntries(), limits.maxBytes());
    return Future.succeededFuture();
  }

  /** The HTTP faces of the other nodes: {@code "httpNodes": {"Hands": "127.0.0.1:12202", ...}}. */
  static List<String> others(NodeConfig config) {
    Object value = config.json().getValue("httpNodes");
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonObject nodes)) {
      throw new ConfigException("config key \"httpNodes\" must be an object of name: \"host:port\"");
    }
    List<String> others = new ArrayList<>();
    for (Map.Entry<String, Object> entry : nodes) {
      String what = "httpNodes entry \"" + entry.getKey() + "\"";
      if (!(entry.getValue() instanceof String address)) {
        throw new ConfigException(what + " must be \"host:port\", not " + entry.getValue());
      }
      others.add(url(Endpoint.parse(what, address)));
    }
    return others;
  }

  private static String url(Endpoint endpoint) {
    return "http://" + endpoint;
  }
}
