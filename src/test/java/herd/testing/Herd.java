package herd.testing;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seed's five nodes and links on free ports (herd and peer ports): their configs, and the nodes deployed in one
 * Vert.x. The nodes read the herd key from HERD_SECRET, which the build sets for tests.
 */
public final class Herd {

  public static final List<String> NAMES = List.of("Goloman", "Hands", "Holiday", "Welsh", "Wilkes");
  private static final List<List<String>> LINKS = List.of(
      List.of("Goloman", "Hands"), List.of("Goloman", "Holiday"), List.of("Goloman", "Wilkes"),
      List.of("Hands", "Wilkes"), List.of("Holiday", "Welsh"), List.of("Holiday", "Wilkes"));

  private Vertx vertx;
  private final Map<String, JsonObject> configs = new LinkedHashMap<>();
  private final Map<String, String> deployments = new LinkedHashMap<>();

  public Herd() {
    NAMES.forEach(name -> configs.put(name, TestNodes.config(name)));
    for (List<String> link : LINKS) {
      neighbour(link.get(0), link.get(1));
      neighbour(link.get(1), link.get(0));
    }
  }

  private void neighbour(String node, String neighbour) {
    JsonObject neighbours = configs.get(node).getJsonObject("neighbours", new JsonObject());
    neighbours.put(neighbour, "127.0.0.1:" + configs.get(neighbour).getInteger("peerPort"));
    configs.get(node).put("neighbours", neighbours);
  }

  /** Gives every node an HTTP face on a free port ({@code httpPort}). */
  public Herd withHttp() {
    configs.values().forEach(config -> config.put("httpPort", FreePorts.next()));
    return this;
  }

  public int httpPort(String name) {
    return configs.get(name).getInteger("httpPort");
  }

  public JsonObject config(String name) {
    return configs.get(name);
  }

  public int port(String name) {
    return configs.get(name).getInteger("port");
  }

  public Herd startAll(Vertx vertx) {
    this.vertx = vertx;
    NAMES.forEach(this::start);
    return this;
  }

  public void start(String name) {
    deployments.put(name, TestNodes.deploy(vertx, configs.get(name)));
  }

  public void kill(String name) {
    vertx.undeploy(deployments.remove(name)).await();
  }
}
