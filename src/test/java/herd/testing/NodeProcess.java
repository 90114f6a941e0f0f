package herd.testing;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A node in a JVM of its own, launched as an operator launches it (the Vert.x launcher, a JSON config file), so a
 * test can stop it, {@code kill -9} it and start it again on the same data, or give it limits a test JVM cannot set.
 */
public final class NodeProcess implements AutoCloseable {

  private static final Path DIR = Path.of("target", "test-processes");

  private final JsonObject config;
  private final List<String> jvmOptions;
  private final Path configFile;
  private final Path output;
  private Process process;

  public NodeProcess(JsonObject config, String... jvmOptions) {
    this.config = config;
    this.jvmOptions = List.of(jvmOptions);
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

  /** Starts a node with these JVM options and returns once its ports answer. */
  public static NodeProcess start(JsonObject config, String... jvmOptions) {
    return new NodeProcess(config, jvmOptions).start();
  }

  public JsonObject config() {
    return config;
  }

  public int port() {
    return config.getInteger("port");
  }

  /** Launches the node (again, on the same config and data) and returns once every port of its config answers. */
  public NodeProcess start() {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
        "io.vertx.launcher.application.VertxApplication", "herd.node.HerdNode", "-conf", configFile.toString()));
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String key : List.of("port", "metricsPort", "calcPort", "peerPort", "httpPort")) {
      Integer port = config.getInteger(key);
      if (port != null) {
        awaitPort(port);
      }
    }
    return this;
  }

  private void awaitPort(int port) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          close();
          throw new IllegalStateException(config.getString("name") + " did not start: " + output());
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

  /** Stops the node as run-herd.sh does (SIGTERM, so its logs are flushed), and waits for it. */
  public void stop() {
    process.destroy();
    waitForExit();
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** What the process wrote to its console. */
  public String output() {
    try {
      return Files.exists(output) ? Files.readString(output) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void waitForExit() {
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (isAlive()) {
      stop();
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
