package herd.node;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.JacksonCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a node the way Vert.x's launcher would for {@code -conf FILE} alone (what {@code bin/herd-node} and
 * {@code run-herd.sh} pass), without the launcher's command-line parser, and with the config read by Vert.x's
 * codec on jackson-core alone: picocli's reflection over the launcher's options and the set-up of jackson-databind's
 * ObjectMapper (which the launcher's reading of the config brings in) took 40 % of the CPU a node needs to open its
 * ports, which five nodes starting together on two cores wait for. Anything else, another option, a
 * {@code vertx.*} system property (the launcher reads {@code vertx.options.*} and the like) or a config that is not
 * a readable JSON object, is left to the launcher, with its own messages. Like the launcher, it says whether the
 * node deployed, exits with status 15 when it did not, and closes Vert.x (so the node stops cleanly) when the JVM is
 * asked to stop.
 */
final class DirectStart {

  static final int DEPLOYMENT_FAILED = 15;
  private static final Logger CONSOLE = LoggerFactory.getLogger("console");
  private static final long CLOSE_WAIT_MINUTES = 2;

  private DirectStart() {
  }

  /** Starts the node if the arguments allow it; false if the launcher should handle them. */
  static boolean tryStart(String[] args) {
    JsonObject config = config(args);
    if (config == null) {
      return false;
    }
    Vertx vertx = Vertx.vertx(HerdLauncher.nodeDefaults(new VertxOptions()));
    AtomicBoolean stopping = new AtomicBoolean();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stopping.set(true);
      close(vertx);
    }, "herd-shutdown"));
    vertx.deployVerticle(new HerdNode(), new DeploymentOptions().setConfig(config)).onComplete(deployed -> {
      if (deployed.succeeded()) {
        CONSOLE.info("Succeeded in deploying verticle");
      } else if (!stopping.get()) {
        CONSOLE.error("Failed in deploying verticle: {}", deployed.cause().getMessage());
        // not on the event loop: exiting runs the shutdown hook, which waits for Vert.x to close
        vertx.close().onComplete(closed -> new Thread(() -> System.exit(DEPLOYMENT_FAILED), "herd-exit").start());
      }
    });
    return true;
  }

  /** The node config when the arguments are just {@code -conf FILE}, FILE a JSON object; else null. */
  static JsonObject config(String[] args) {
    if (args.length != 2 || !"-conf".equals(args[0])
        || System.getProperties().stringPropertyNames().stream().anyMatch(key -> key.startsWith("vertx."))) {
      return null;
    }
    try {
      // JsonObject(String) would first set up jackson-databind's ObjectMapper, which nothing before the ports needs
      return new JacksonCodec().fromString(Files.readString(Path.of(args[1]))) instanceof JsonObject json ? json : null;
    } catch (IOException | InvalidPathException | DecodeException e) {
      return null;
    }
  }

  private static void close(Vertx vertx) {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(CLOSE_WAIT_MINUTES, TimeUnit.MINUTES);
    } catch (Exception e) {
      CONSOLE.error("Failed to stop Vert.x: {}", String.valueOf(e));
    }
  }
}
