package herd.calc.bench;

import herd.calc.client.CalcClient;
import herd.node.HerdNode;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * End-to-end benchmark of the calculation service, as bluserver's log measured it: a node started in this JVM, a
 * generated file of expressions sent through the command-line client (a separate {@code java} process, so its
 * start-up counts), results written to a file. The anchor, timed in the same run on the same file, is CPython
 * evaluating the same grammar ({@code bench/calc_reference.py}); both outputs must be identical.
 *
 * <pre>java -cp target/herd.jar:target/test-classes herd.calc.bench.CalcBenchmark [LINES] [RUNS]</pre>
 * from the repository root.
 */
public final class CalcBenchmark {

  private static final long SEED = 2018_09_24L;

  private CalcBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int lines = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path dir = Files.createTempDirectory("herd-calc-bench");
    Path input = dir.resolve("expressions.txt");
    ExpressionFile.write(input, lines, SEED);
    System.out.printf("%d expressions, %d bytes, seed %d; %d cores, load average %.1f%n", lines, Files.size(input),
        SEED, Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

    Vertx vertx = Vertx.vertx();
    try {
      int port = freePort();
      vertx.deployVerticle(new HerdNode(), new DeploymentOptions().setConfig(new JsonObject()
          .put("name", "Bench").put("port", freePort()).put("calcPort", port)
          .put("logFile", dir.resolve("Bench.log").toString()))).await();
      Path output = dir.resolve("herd.txt");
      List<Double> clientRuns = new ArrayList<>();
      List<Double> exchanges = new ArrayList<>();
      for (int run = 1; run <= runs; run++) {
        double process = clientProcess(port, input, output);
        double exchange = CalcClient.exchange("127.0.0.1", port, input, output).nanos() / 1e6;
        clientRuns.add(process);
        exchanges.add(exchange);
        System.out.printf("run %d: client process %.0f ms (JVM start included), in-process exchange %.0f ms%n",
            run, process, exchange);
      }
      Path pythonOutput = dir.resolve("python.txt");
      double python = pythonAnchor(input, pythonOutput);
      boolean same = Arrays.equals(Files.readAllBytes(output), Files.readAllBytes(pythonOutput));
      double bestProcess = clientRuns.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
      double bestExchange = exchanges.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
      System.out.printf("python3 bench/calc_reference.py: %.0f ms; outputs identical: %s%n", python, same);
      System.out.printf("herd best: client process %.0f ms (first %.0f ms), exchange %.0f ms%n", bestProcess,
          clientRuns.get(0), bestExchange);
      System.out.printf("ratio python / herd: %.1fx (client process), %.1fx (exchange)%n", python / bestProcess,
          python / bestExchange);
      System.out.println("node log: " + dir.resolve("Bench.log"));
      if (!same) {
        System.exit(1);
      }
    } finally {
      vertx.close().await();
    }
  }

  private static double clientProcess(int port, Path input, Path output) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return timed(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), CalcClient.class.getName(),
        "127.0.0.1", Integer.toString(port), input.toString(), output.toString()).inheritIO());
  }

  private static double pythonAnchor(Path input, Path output) throws IOException, InterruptedException {
    return timed(new ProcessBuilder("python3", "bench/calc_reference.py")
        .redirectInput(input.toFile()).redirectOutput(output.toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT));
  }

  private static double timed(ProcessBuilder command) throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process process = command.start();
    if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IOException("failed: " + command.command());
    }
    return (System.nanoTime() - start) / 1e6;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
