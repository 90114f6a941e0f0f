package herd.kv;

import herd.testing.FreePorts;
import herd.testing.TestNodes;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Nodes with an HTTP face (config key {@code httpPort}) for the key-value tests. */
public final class KvTestNodes {

  private static final Map<Integer, String> DEPLOYMENTS = new ConcurrentHashMap<>();

  private KvTestNodes() {
  }

  /** A node config with an HTTP port. */
  public static JsonObject config(String name) {
    return TestNodes.config(name).put("httpPort", FreePorts.next());
  }

  /** Names each node's HTTP face to the others ({@code httpNodes}), so they read through from each other. */
  public static void knowEachOther(List<JsonObject> configs) {
    for (JsonObject config : configs) {
      JsonObject others = new JsonObject();
      for (JsonObject other : configs) {
        if (other != config) {
          others.put(other.getString("name"), "127.0.0.1:" + other.getInteger("httpPort"));
        }
      }
      config.put("httpNodes", others);
    }
  }

  /** A node of its own, deployed and answering HTTP; its config. */
  public static JsonObject start(Vertx vertx, String name) {
    JsonObject config = config(name);
    deploy(vertx, config);
    return config;
  }

  /** Two neighbours linked by their peer links and knowing each other's HTTP face, deployed; their configs. */
  public static List<JsonObject> linkedPair(Vertx vertx, String a, String b) {
    JsonObject first = config(a);
    JsonObject second = config(b);
    link(first, second);
    knowEachOther(List.of(first, second));
    deploy(vertx, first);
    deploy(vertx, second);
    return List.of(first, second);
  }

  /** Makes two nodes neighbours, linked by their peer links. */
  public static void link(JsonObject a, JsonObject b) {
    a.put("neighbours", a.getJsonObject("neighbours", new JsonObject()).put(b.getString("name"),
        "127.0.0.1:" + b.getInteger("peerPort")));
    b.put("neighbours", b.getJsonObject("neighbours", new JsonObject()).put(a.getString("name"),
        "127.0.0.1:" + a.getInteger("peerPort")));
  }

  /** Deploys a node, which serves its HTTP face on its {@code httpPort}; returns the deployment id. */
  public static String deploy(Vertx vertx, JsonObject config) {
    String id = TestNodes.deploy(vertx, config);
    DEPLOYMENTS.put(config.getInteger("httpPort"), id);
    return id;
  }

  public static void undeploy(Vertx vertx, String id) {
    vertx.undeploy(id).await();
  }

  /** Undeploys the node a config was deployed with. */
  public static void stop(Vertx vertx, JsonObject config) {
    undeploy(vertx, DEPLOYMENTS.remove(config.getInteger("httpPort")));
  }
}
