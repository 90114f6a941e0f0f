package herd.testing;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A node in a JVM of its own, launched as an operator launches it (the Vert.x launcher, a JSON config file), so a
 * test can stop it, {@code kill -9} it and start it again on the same data.
 */
public final class NodeProcess implements AutoCloseable {

  private static final Path DIR = Path.of("target", "test-processes");

  private final JsonObject config;
  private final Path configFile;
  private final Path output;
  private Process process;

  public NodeProcess(JsonObject config) {
    this.config = config;
    String name = config.getString("name") + "-" + UUID.randomUUID();
    this.configFile = DIR.resolve(name + ".json");
    this.output = DIR.resolve(name + ".out");
    try {
      Files.createDirectories(DIR);
      Files.writeString(configFile, config.encodePrettily());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public JsonObject config() {
    return config;
  }

  public int port() {
    return config.getInteger("port");
  }

  /** Launches the node and returns once its herd port answers. */
  public NodeProcess start() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp",
        System.getProperty("java.class.path"), "io.vertx.launcher.application.VertxApplication",
        "herd.node.HerdNode", "-conf", configFile.toString());
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    awaitPort();
    return this;
  }

  private void awaitPort() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port()), 200);
        return;
      } catch (IOException notYet) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException(config.getString("name") + " did not start; see " + output);
        }
        sleep(50);
      }
    }
  }

  /** {@code kill -9}: the process ends at once, without a word to anyone. */
  public void kill() {
    process.destroyForcibly();
    waitForExit();
  }

  /** A polite stop (SIGTERM), as {@code run-herd.sh stop} does. */
  public void stop() {
    process.destroy();
    waitForExit();
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  private void waitForExit() {
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (isAlive()) {
      kill();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
