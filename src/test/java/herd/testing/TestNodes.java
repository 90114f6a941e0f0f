package herd.testing;

import herd.node.HerdNode;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** Deploys real nodes in the test's Vert.x, on free ports, logging under target/test-logs. */
public final class TestNodes {

  private TestNodes() {
  }

  /** A config for a node with no neighbours and no optional services, on a free port. */
  public static JsonObject config(String name) {
    return new JsonObject()
        .put("name", name)
        .put("host", "127.0.0.1")
        .put("port", FreePorts.next())
        .put("peerPort", FreePorts.next())
        .put("instances", 2)
        .put("logFile", logFile(name).toString())
        .put("dataDir", freshDataDir(name).toString());
  }

  /** A data directory no node has used yet: each test's nodes start empty, and a restarted one finds its own. */
  public static Path freshDataDir(String name) {
    return Path.of("target", "test-data", name + "-" + UUID.randomUUID());
  }

  public static Path logFile(String name) {
    return Path.of("target", "test-logs", name + ".log");
  }

  /** A node's log once it contains {@code pattern}: the log is written in the background, a moment later. */
  public static String logOnceItContains(String name, String pattern) throws IOException, InterruptedException {
    Pattern wanted = Pattern.compile(pattern);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    String log = "";
    while (System.nanoTime() < deadline) {
      Path file = logFile(name);
      log = Files.exists(file) ? Files.readString(file) : "";
      if (wanted.matcher(log).find()) {
        break;
      }
      Thread.sleep(20);
    }
    return log;
  }

  /** Deploys a node and returns its deployment id. */
  public static String deploy(Vertx vertx, JsonObject config, Clock clock) {
    return vertx.deployVerticle(new HerdNode(clock), new DeploymentOptions().setConfig(config)).await();
  }

  public static String deploy(Vertx vertx, JsonObject config) {
    return deploy(vertx, config, Clock.systemUTC());
  }
}
