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
 * HTTP server is part of it; until then (and whenever the port is not taken by the node itself) the test serves the
 * node's router there, closing that server when the node is undeployed through {@link #undeploy}.
 */
final class KvNodes {

  private static final Map<String, HttpServer> SERVERS = new ConcurrentHashMap<>();

  private KvNodes() {
  }

  /** A node config with an HTTP port and the given other nodes' HTTP faces. */
  static JsonObject config(String name) {
    return TestNodes.config(name).put("httpPort", FreePorts.next());
  }

  static void knowEachOther(List<JsonObject> configs) {
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

  /** Deploys a node and makes sure its router answers on its {@code httpPort}; returns the deployment id. */
  static String deploy(Vertx vertx, JsonObject config) {
    HerdNode node = new HerdNode(Clock.systemUTC());
    String id = vertx.deployVerticle(node, new DeploymentOptions().setConfig(config)).await();
    int port = config.getInteger("httpPort");
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

  static void undeploy(Vertx vertx, String id) {
    HttpServer server = SERVERS.remove(id);
    if (server != null) {
      server.close().await();
    }
    vertx.undeploy(id).await();
  }
}
