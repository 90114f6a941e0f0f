package herd.bench;

import herd.node.HerdNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The processes a benchmark starts (Redis, herd nodes): each logs to a file and all are stopped at the end. */
final class ChildProcesses implements AutoCloseable {

  /** The environment variable that holds the herd key for links between nodes. */
  static final String SECRET_ENV = "HERD_SECRET";

  private final Path logDir;
  private final List<Process> started = new ArrayList<>();
  private final Thread onExit = new Thread(this::close);

  ChildProcesses(Path logDir) {
    this.logDir = logDir;
    Runtime.getRuntime().addShutdownHook(onExit);
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts the command and waits until something accepts connections on the port. */
  Process start(String name, List<String> command, int port) throws IOException, InterruptedException {
    Process process = builder(command).redirectOutput(logDir.resolve(name + ".out").toFile()).start();
    started.add(process);
    long deadline = System.currentTimeMillis() + 60_000;
    while (!accepts(port)) {
      if (!process.isAlive() || System.currentTimeMillis() > deadline) {
        throw new IOException(name + " did not start; see " + logDir.resolve(name + ".out"));
      }
      Thread.sleep(50);
    }
    return process;
  }

  /**
   * A herd node from the jar this class was loaded from, in a JVM of its own; {@code BENCH_NODE_JAVA_OPTS} adds JVM
   * options (for example a profiler's), with {@code %n} standing for the node's name.
   */
  Process startNode(String name, String configJson, int port) throws IOException, InterruptedException {
    return start(name, nodeCommand(name, configJson), port);
  }

  /** A herd node as {@link #startNode} starts it, without waiting for its ports. */
  Process launchNode(String name, String configJson) throws IOException {
    Process process = builder(nodeCommand(name, configJson))
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logDir.resolve(name + ".out").toFile())).start();
    started.add(process);
    return process;
  }

  /** Children share the output file; nodes linked to neighbours get a herd key unless one is set already. */
  private static ProcessBuilder builder(List<String> command) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putIfAbsent(SECRET_ENV, "herd-bench-secret-for-loopback-only");
    return builder;
  }

  private static List<String> nodeCommand(String name, String configJson) {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx3g"));
    String options = System.getenv().getOrDefault("BENCH_NODE_JAVA_OPTS", "").trim();
    if (!options.isEmpty()) {
      command.addAll(List.of(options.replace("%n", name).split("\\s+")));
    }
    command.addAll(List.of("-jar", nodeJar(), "-conf", configJson));
    return command;
  }

  private static String nodeJar() {
    try {
      Path jar = Path.of(HerdNode.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!jar.toString().endsWith(".jar")) {
        throw new IllegalStateException("run the benchmark with target/herd.jar first on the class path, not " + jar);
      }
      return jar.toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public synchronized void close() {
    started.forEach(Process::destroy);
    for (Process process : started) {
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    started.clear();
  }
}
