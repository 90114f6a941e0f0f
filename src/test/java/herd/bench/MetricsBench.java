package herd.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToDoubleFunction;

/**
 * The metrics benchmark: put throughput and latency of one node against Redis's HSET (and the herd port's IAMAT),
 * unpipelined and pipelined, with the same load generator; {@code get *} latency at a million points; and how long
 * a put at Welsh takes to be readable at Hands, three hops away, under steady load. Every process it needs runs on
 * loopback ports found free at run time and is stopped at the end. Run it with {@code bench/metrics.sh}.
 *
 * <p>Arguments: the sections to run ({@code throughput getall hops}; all by default), and {@code --measure-ms N},
 * {@code --warmup-ms N} (per target and round), {@code --rounds N} (the three targets take turns, N times; medians
 * are reported), {@code --instances 1,2} (one node for each count of verticle instances), {@code --hop-rate N}
 * (the steady puts per second during the three-hop probes).
 */
public final class MetricsBench {

  private static final long JIT_WARMUP_MILLIS = 3_000;
  private static final String[] HERD = {"Goloman", "Hands", "Holiday", "Welsh", "Wilkes"};

  private final ChildProcesses children;
  private final Path logDir;

  private MetricsBench(ChildProcesses children, Path logDir) {
    this.children = children;
    this.logDir = logDir;
  }

  public static void main(String[] args) throws Exception {
    List<String> sections = new ArrayList<>();
    long measureMillis = 3_000;
    long warmupMillis = 1_000;
    int hopRate = 5_000;
    int rounds = 3;
    List<Integer> instances = List.of(1, 2);
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--measure-ms" -> measureMillis = Long.parseLong(args[++i]);
        case "--warmup-ms" -> warmupMillis = Long.parseLong(args[++i]);
        case "--hop-rate" -> hopRate = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--instances" -> instances = Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
        default -> sections.add(args[i]);
      }
    }
    if (sections.isEmpty()) {
      sections = List.of("throughput", "getall", "hops");
    }
    Path logDir = Files.createTempDirectory("herd-bench-");
    System.out.println("logs of the processes started: " + logDir);
    try (ChildProcesses children = new ChildProcesses(logDir)) {
      MetricsBench bench = new MetricsBench(children, logDir);
      for (String section : sections) {
        switch (section) {
          case "throughput" -> bench.throughput(warmupMillis, measureMillis, rounds, instances);
          case "getall" -> bench.getAll(1_000, 1_000, 10);
          case "hops" -> bench.hops(hopRate, 300);
          default -> throw new IllegalArgumentException("unknown section " + section);
        }
      }
    }
    System.exit(0);
  }

  private static JsonObject nodeConfig(String name, int port, int metricsPort, Path logDir) {
    return new JsonObject().put("name", name).put("host", "127.0.0.1").put("port", port)
        .put("metricsPort", metricsPort).put("logFile", logDir.resolve(name + ".log").toString());
  }

  private void throughput(long warmupMillis, long measureMillis, int rounds, List<Integer> instanceCounts)
      throws Exception {
    int redisPort = ChildProcesses.freePort();
    children.start("redis", List.of("redis-server", "--port", String.valueOf(redisPort), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no"), redisPort);
    Vertx vertx = Vertx.vertx();
    LineLoad load = new LineLoad(vertx);
    try {
      for (int instances : instanceCounts) {
        int herdPort = ChildProcesses.freePort();
        int metricsPort = ChildProcesses.freePort();
        String name = "Bench" + instances;
        children.startNode(name, nodeConfig(name, herdPort, metricsPort, logDir).put("instances", instances)
            .put("metricsInstances", instances).encode(), metricsPort);
        System.out.printf("%n== put throughput: one node with %d verticle instance(s) vs redis-server; %d rounds of"
                + " the three targets in turn, %d s measured after %d s warm-up each, after %d s of JIT warm-up for"
                + " the node; medians over the rounds%n",
            instances, rounds, measureMillis / 1000, warmupMillis / 1000, 4 * JIT_WARMUP_MILLIS / 1000);
        System.out.printf("%-12s %-12s %5s %5s %12s %9s %9s %9s %9s   %s%n", "target", "mode", "conns", "depth",
            "replies/s", "p50 us", "p99 us", "x redis", "p99/redis", "replies/s of each round");
        List<LineLoad.Plan> plans = List.of(new LineLoad.Plan(50, 1, warmupMillis, measureMillis),
            new LineLoad.Plan(10, 32, warmupMillis, measureMillis));
        warmUp(load, plans, metricsPort, herdPort);
        for (LineLoad.Plan plan : plans) {
          compare(load, plan, rounds, redisPort, metricsPort, herdPort);
        }
      }
    } finally {
      load.close().await();
      vertx.close().await();
    }
  }

  /** A fresh JVM runs interpreted at first: a few unmeasured seconds of each load let the JIT compile the paths. */
  private static void warmUp(LineLoad load, List<LineLoad.Plan> plans, int metricsPort, int herdPort) {
    for (LineLoad.Plan plan : plans) {
      LineLoad.Plan unmeasured = new LineLoad.Plan(plan.connections(), plan.depth(), 0, JIT_WARMUP_MILLIS);
      load.run("metrics put", metricsPort, 2, Requests.metricsPut(), unmeasured).await();
      load.run("herd IAMAT", herdPort, 1, Requests.herdIamat(), unmeasured).await();
    }
  }

  /** Runs the three targets in turn, {@code rounds} times, and prints their medians against Redis's. */
  private static void compare(LineLoad load, LineLoad.Plan plan, int rounds, int redisPort, int metricsPort,
      int herdPort) {
    Map<String, List<LoadResult>> byTarget = new LinkedHashMap<>();
    for (int round = 0; round < rounds; round++) {
      add(byTarget, load.run("redis HSET", redisPort, 1, Requests.redisHset(), plan).await());
      add(byTarget, load.run("metrics put", metricsPort, 2, Requests.metricsPut(), plan).await());
      add(byTarget, load.run("herd IAMAT", herdPort, 1, Requests.herdIamat(), plan).await());
    }
    double redisRate = median(byTarget.get("redis HSET"), LoadResult::perSecond);
    double redisP99 = median(byTarget.get("redis HSET"), r -> r.percentileMicros(0.99));
    byTarget.forEach((target, results) -> {
      double rate = median(results, LoadResult::perSecond);
      double p99 = median(results, r -> r.percentileMicros(0.99));
      System.out.printf(Locale.ROOT, "%-12s %-12s %5d %5d %12.0f %9.0f %9.0f %8.2fx %8.2fx   %s%n", target,
          plan.depth() == 1 ? "unpipelined" : "pipelined", plan.connections(), plan.depth(), rate,
          median(results, r -> r.percentileMicros(0.5)), p99, rate / redisRate, p99 / redisP99,
          results.stream().map(r -> String.format(Locale.ROOT, "%.0f", r.perSecond())).toList());
    });
  }

  private static void add(Map<String, List<LoadResult>> byTarget, LoadResult result) {
    byTarget.computeIfAbsent(result.target(), t -> new ArrayList<>()).add(result);
  }

  private static double median(List<LoadResult> results, ToDoubleFunction<LoadResult> measure) {
    double[] values = results.stream().mapToDouble(measure).sorted().toArray();
    return values[values.length / 2];
  }

  private void getAll(int keys, int pointsPerKey, int reads) throws Exception {
    int herdPort = ChildProcesses.freePort();
    int metricsPort = ChildProcesses.freePort();
    children.startNode("GetAll", nodeConfig("GetAll", herdPort, metricsPort, logDir).encode(), metricsPort);
    try (MetricsWire wire = new MetricsWire(metricsPort)) {
      long loadStart = System.nanoTime();
      wire.load(keys, pointsPerKey, 10_000);
      double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
      long[] nanos = new long[reads];
      long bytes = 0;
      for (int i = 0; i < reads; i++) {
        long start = System.nanoTime();
        wire.send("get *\n");
        bytes = wire.awaitReplies(1);
        nanos[i] = System.nanoTime() - start;
      }
      Arrays.sort(nanos);
      System.out.printf(Locale.ROOT, "%n== get * with %,d points (%d keys x %d): loaded in %.1f s (%.0f puts/s,"
              + " batches of 10,000); reply %,d bytes%n", (long) keys * pointsPerKey, keys, pointsPerKey,
          loadSeconds, keys * pointsPerKey / loadSeconds, bytes);
      System.out.printf(Locale.ROOT, "get * latency over %d reads: min %.0f ms, p50 %.0f ms, max %.0f ms%n", reads,
          nanos[0] / 1e6, nanos[reads / 2] / 1e6, nanos[reads - 1] / 1e6);
    }
  }

  /** A five-node herd linked as the default configs are, on free ports. */
  private Map<String, Integer> startHerd() throws Exception {
    Map<String, Integer> ports = new LinkedHashMap<>();
    Map<String, Integer> metricsPorts = new LinkedHashMap<>();
    for (String name : HERD) {
      ports.put(name, ChildProcesses.freePort());
      metricsPorts.put(name, ChildProcesses.freePort());
    }
    for (String name : HERD) {
      Set<String> neighbours = new JsonObject(Files.readString(Path.of("conf", name + ".json")))
          .getJsonObject("neighbours").fieldNames();
      JsonObject links = new JsonObject();
      neighbours.forEach(other -> links.put(other, "127.0.0.1:" + ports.get(other)));
      JsonObject config = nodeConfig(name, ports.get(name), metricsPorts.get(name), logDir).put("neighbours", links)
          .put("instances", 1);
      children.startNode(name, config.encode(), metricsPorts.get(name));
    }
    return metricsPorts;
  }

  private void hops(int putsPerSecond, int probes) throws Exception {
    Map<String, Integer> metricsPorts = startHerd();
    AtomicBoolean loading = new AtomicBoolean(true);
    Thread steady = new Thread(() -> steadyLoad(metricsPorts.get("Welsh"), putsPerSecond, loading), "steady-load");
    try (MetricsWire welsh = new MetricsWire(metricsPorts.get("Welsh"));
        MetricsWire hands = new MetricsWire(metricsPorts.get("Hands"))) {
      awaitFlood(welsh, hands);
      steady.start();
      Thread.sleep(2_000);
      long[] nanos = new long[probes];
      for (int i = 0; i < probes; i++) {
        nanos[i] = putThenPoll(welsh, hands, "hop." + i);
        Thread.sleep(10);
      }
      Arrays.sort(nanos);
      System.out.printf(Locale.ROOT, "%n== put at Welsh readable at Hands (three hops), %d probes, under %,d puts/s"
              + " at Welsh flooded to all five nodes%n", probes, putsPerSecond);
      System.out.printf(Locale.ROOT, "put -> get latency: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
          nanos[probes / 2] / 1e6, nanos[(int) Math.ceil(probes * 0.99) - 1] / 1e6, nanos[probes - 1] / 1e6);
    } finally {
      loading.set(false);
      steady.join();
    }
  }

  /** Waits until the herd's links carry a put from Welsh to Hands. */
  private static void awaitFlood(MetricsWire welsh, MetricsWire hands) throws Exception {
    for (int attempt = 0; attempt < 100; attempt++) {
      welsh.send("put probe." + attempt + " 1 1\n");
      welsh.awaitReplies(1);
      Thread.sleep(100);
      hands.send("get probe." + attempt + "\n");
      if (hands.awaitReplies(1) > "ok\n\n".length()) {
        return;
      }
    }
    throw new IOException("a put at Welsh never reached Hands");
  }

  /** Nanoseconds from sending a put at Welsh until a get at Hands returns it. */
  private static long putThenPoll(MetricsWire welsh, MetricsWire hands, String key) throws IOException {
    long start = System.nanoTime();
    welsh.send("put " + key + " 1 1\n");
    welsh.awaitReplies(1);
    do {
      hands.send("get " + key + "\n");
    } while (hands.awaitReplies(1) == "ok\n\n".length());
    return System.nanoTime() - start;
  }

  private static void steadyLoad(int port, int putsPerSecond, AtomicBoolean loading) {
    int perTick = Math.max(1, putsPerSecond / 100);
    try (MetricsWire wire = new MetricsWire(port)) {
      long next = System.nanoTime();
      for (long t = 0; loading.get(); ) {
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < perTick; i++, t++) {
          batch.append("put steady.k").append(t % 100).append(' ').append(t % 10).append(".5 ").append(t)
              .append('\n');
        }
        wire.send(batch.toString());
        wire.awaitReplies(perTick);
        next += 10_000_000;
        long sleep = next - System.nanoTime();
        if (sleep > 0) {
          Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
        }
      }
    } catch (IOException | InterruptedException e) {
      System.err.println("steady load stopped: " + e);
    }
  }
}
