package herd.kv;

import herd.node.HerdNode;
import herd.testing.FreePorts;
import herd.testing.TestNodes;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Nodes with an HTTP face for the key-value tests. The node serves its router on {@code httpPort} once the herd's
 * HTTP server is part of it; until then (whenever the port is not taken by the node itself) the test serves the
 * node's router there, and closes that server when the node is undeployed through {@link #undeploy}.
 */
public final class KvTestNodes {

  private static final Map<String, HttpServer> SERVERS = new ConcurrentHashMap<>();
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

  /** Deploys a node and makes sure its router answers on its {@code httpPort}; returns the deployment id. */
  public static String deploy(Vertx vertx, JsonObject config) {
    HerdNode node = new HerdNode(Clock.systemUTC());
    String id = vertx.deployVerticle(node, new DeploymentOptions().setConfig(config)).await();
    int port = config.getInteger("httpPort");
    DEPLOYMENTS.put(port, id);
    try {
      SERVERS.put(id, vertx.createHttpServer().requestHandler(node.http()).listen(port, "127.0.0.1").await());
    } catch (RuntimeException e) {
      if (!String.valueOf(e.getMessage()).contains("in use")) {
        throw e;
      }
      // The node serves its HTTP face itself.
    }
    return id;
  }

  public static void undeploy(Vertx vertx, String id) {
    HttpServer server = SERVERS.remove(id);
    if (server != null) {
      server.close().await();
    }
    vertx.undeploy(id).await();
  }

  /** Undeploys the node a config was deployed with. */
  public static void stop(Vertx vertx, JsonObject config) {
    undeploy(vertx, DEPLOYMENTS.remove(config.getInteger("httpPort")));
  }
}
