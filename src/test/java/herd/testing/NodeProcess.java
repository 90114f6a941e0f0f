package herd.testing;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A node in a JVM of its own, started with the launcher as run-herd.sh starts one, for limits a test JVM cannot set.
 */
public final class NodeProcess implements AutoCloseable {

  private final Process process;
  private final Path output;

  private NodeProcess(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  /** Starts the node with these JVM options and waits until it says it is serving. */
  public static NodeProcess start(JsonObject config, String... jvmOptions) {
    String name = config.getString("name");
    Path output = Path.of("target", "test-logs", name + ".out");
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
    command.addAll(List.of(jvmOptions));
    command.addAll(List.of("-cp", System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path")), "io.vertx.launcher.application.VertxApplication",
        "herd.node.HerdNode", "-conf", config.encode()));
    try {
      Files.createDirectories(output.getParent());
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
      NodeProcess node = new NodeProcess(process, output);
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (!node.output().contains(name + " serving on ")) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          node.close();
          throw new IllegalStateException(name + " did not start: " + node.output());
        }
        Thread.sleep(50);
      }
      return node;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** What the process wrote to its console. */
  public String output() {
    try {
      return Files.readString(output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the node as run-herd.sh does (SIGTERM, so its logs are flushed), and waits for it. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
