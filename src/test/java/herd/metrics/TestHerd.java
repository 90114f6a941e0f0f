package herd.metrics;

import herd.node.HerdNode;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Herd nodes for tests, in one Vert.x instance, each on free loopback ports found at run time. */
public final class TestHerd {

  /** The default configs' links: who dials whom. */
  static final Map<String, List<String>> LINKS = Map.of(
      "Goloman", List.of("Hands", "Holiday", "Wilkes"),
      "Hands", List.of("Goloman", "Wilkes"),
      "Holiday", List.of("Goloman", "Welsh", "Wilkes"),
      "Welsh", List.of("Holiday"),
      "Wilkes", List.of("Goloman", "Hands", "Holiday"));

  private final Vertx vertx;
  private final Map<String, JsonObject> configs = new LinkedHashMap<>();
  private final Map<String, String> deployments = new LinkedHashMap<>();

  TestHerd(Vertx vertx, Path logDir, Map<String, List<String>> links) {
    this.vertx = vertx;
    Map<String, Integer> ports = new LinkedHashMap<>();
    links.keySet().stream().sorted().forEach(name -> ports.put(name, freePort()));
    ports.forEach((name, port) -> {
      JsonObject neighbours = new JsonObject();
      links.get(name).forEach(other -> neighbours.put(other, "127.0.0.1:" + ports.get(other)));
      configs.put(name, new JsonObject().put("name", name).put("host", "127.0.0.1").put("port", port)
          .put("metricsPort", freePort()).put("neighbours", neighbours).put("instances", 2)
          .put("logFile", logDir.resolve(name + ".log").toString()));
    });
  }

  public static TestHerd single(Vertx vertx, Path logDir) {
    return new TestHerd(vertx, logDir, Map.of("Solo", List.of()));
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public TestHerd startAll() {
    configs.keySet().forEach(this::start);
    return this;
  }

  void start(String name) {
    deployments.put(name, vertx.deployVerticle(new HerdNode(), new DeploymentOptions().setConfig(configs.get(name)))
        .await());
  }

  void stop(String name) {
    vertx.undeploy(deployments.remove(name)).await();
  }

  public int metricsPort(String name) {
    return configs.get(name).getInteger("metricsPort");
  }
}
