package herd.bench;

import io.vertx.core.json.JsonObject;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The replicated-state benchmark (issue 8), run by {@code bench/replica.sh}. Every node is a JVM of its own
 * ({@code java -jar herd.jar -conf <json>}, data directory under a temporary directory), every Redis a
 * {@code redis-server} of its own, both on loopback ports found free at run time and driven by the same C load
 * generator ({@code bench/lineload.c}). Sections:
 *
 * <ul>
 *   <li>{@code put}: metrics puts vs Redis {@code HSET}, 50 x 1 and 8 x 32, for three pairs of durability: herd
 *       {@code write} vs Redis AOF {@code everysec}, {@code fsync} vs {@code always}, {@code memory} vs no AOF; a
 *       fresh node and a fresh Redis per pair;
 *   <li>{@code iamat}: IAMAT under {@code write} (every wire line logged, the default) vs Redis {@code SET} with
 *       AOF {@code everysec};
 *   <li>{@code restore}: a node filled with 10,000,000 points (10,000 keys x 1,000 timestamps) stopped with SIGTERM
 *       and started again: time from launch to a {@code get} answered and to {@code get *} with the full count,
 *       heap and resident memory after the restore, size of the data directory;
 *   <li>{@code catchup}: two linked nodes A and B: (a) B down during 100,000 puts at A, (b) B with an empty data
 *       directory joining A with 1,000,000 points, (c) put latency at A (10 x 1) during (b)'s catch-up vs without.
 * </ul>
 *
 * <p>Arguments: sections (all by default); {@code --scale F} multiplies every request and point count (0.01 for a
 * smoke run); {@code --lineload PATH} (default {@code target/lineload}). Each printed line holds the ratio to its
 * anchor measured in the same run; put and IAMAT run {@value #ROUNDS} rounds of anchor and herd a shape
 * ({@link #rounds}), and their summary gives the median ratio.
 */
public final class ReplicaBench {

  /** Rounds of anchor and herd runs per shape; the summary gives their median ratio. */
  private static final int ROUNDS = 3;
  private static final String HERD_PUT = "put %s%%k %%i.5 %%t\\n";
  private static final String IAMAT = "IAMAT c%i +34.068930-118.445127 %t.5\\n";
  private static final Pattern CATCH_UP =
      Pattern.compile("catch-up to (\\S+): (\\d+) updates, (\\d+) bytes in (\\d+) ms");
  /** B's log when its link with A is up: dialled by B (link to) or, with peer ports, maybe by A (link from). */
  private static final Pattern LINK_UP_A = Pattern.compile("link (to|from) A at \\S+: up");
  private static final Pattern DROPPED_VV = Pattern.compile("from B: message dropped: \"VV");
  private static final long NUDGE_AFTER_MILLIS = 10_000;
  private static final Pattern RESTORED = Pattern.compile("(\\d+) updates restored in (\\d+) ms");

  /** A protocol a load is sent in: lineload's request template, reply terminator and error prefix. */
  private record Target(String label, int port, String template, String terminator, String errorPrefix) {

    static Target herdPut(int port, String keyPrefix) {
      return new Target("herd put", port, String.format(Locale.ROOT, HERD_PUT, keyPrefix), "\\n\\n", "error");
    }

    static Target redisHset(int port) {
      return new Target("redis HSET", port, "HSET %k %t %i\\r\\n", "\\r\\n", "-");
    }

    static Target herdIamat(int port) {
      return new Target("herd IAMAT", port, IAMAT, "\\n", "?");
    }

    static Target redisSet(int port) {
      return new Target("redis SET", port, "SET c%i +34.068930-118.445127/%t.5\\r\\n", "\\r\\n", "-");
    }
  }

  /** One lineload run's figures; {@code genCpu} is the generator's CPU time over its wall time. */
  private record Run(String label, int conns, int depth, long requests, double seconds, double rps, double p50,
      double p99, double p999, long errors, double genCpu, boolean complete) {

    String shape() {
      return conns + "x" + depth;
    }
  }

  private record Pair(String herdDurability, String redisLabel, List<String> redisArgs) {
  }

  private final ChildProcesses children;
  private final Path work;
  private final Path logDir;
  private final String lineload;
  private final double scale;
  private final boolean peerPorts;
  private final List<String> summary = new ArrayList<>();
  private long seq;

  private ReplicaBench(ChildProcesses children, Path work, Path logDir, String lineload, double scale) {
    this.children = children;
    this.work = work;
    this.logDir = logDir;
    this.lineload = lineload;
    this.scale = scale;
    this.peerPorts = hasClass("herd.node.LinkConfig");
  }

  public static void main(String[] args) throws Exception {
    List<String> sections = new ArrayList<>();
    double scale = 1.0;
    String lineload = "target/lineload";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--scale" -> scale = Double.parseDouble(args[++i]);
        case "--lineload" -> lineload = args[++i];
        default -> sections.add(args[i]);
      }
    }
    if (sections.isEmpty()) {
      sections = List.of("put", "iamat", "restore", "catchup");
    }
    Path work = Files.createTempDirectory("herd-replica-bench-");
    Path logDir = Files.createDirectories(work.resolve("logs"));
    System.out.printf(Locale.ROOT, "replica benchmark: %s, scale %s, started %s, load average %s; work dir %s%n",
        sections, scale, Instant.now(), loadAverage(), work);
    int status = 0;
    try (ChildProcesses children = new ChildProcesses(logDir)) {
      ReplicaBench bench = new ReplicaBench(children, work, logDir, lineload, scale);
      System.out.println(bench.peerPorts ? "links: peerPort with HMAC handshake (HERD_SECRET)"
          : "links: neighbours dial the herd port");
      try {
        for (String section : sections) {
          switch (section) {
            case "put" -> bench.put();
            case "iamat" -> bench.iamat();
            case "restore" -> bench.restore();
            case "catchup" -> bench.catchUp();
            default -> throw new IllegalArgumentException("unknown section " + section);
          }
        }
      } catch (Exception e) {
        System.out.println("FAILED: " + e);
        e.printStackTrace(System.out);
        status = 1;
      }
      System.out.printf(Locale.ROOT, "%n== summary (markdown), finished %s, load average %s%n", Instant.now(),
          loadAverage());
      bench.summary.forEach(System.out::println);
    }
    if (System.getenv("BENCH_KEEP") == null) {
      deleteTree(work.resolve("data"));
    }
    System.exit(status);
  }

  private long count(double full) {
    return Math.max(1, Math.round(full * scale));
  }

  // ---------------------------------------------------------------- 1. put

  private void put() throws Exception {
    List<Pair> pairs = List.of(
        new Pair("write", "AOF everysec", List.of("--appendonly", "yes", "--appendfsync", "everysec")),
        new Pair("fsync", "AOF always", List.of("--appendonly", "yes", "--appendfsync", "always")),
        new Pair("memory", "no AOF", List.of("--appendonly", "no")));
    List<int[]> shapes = List.of(new int[] {50, 1}, new int[] {8, 32});
    summary.add("");
    summary.add(ROUNDS + " rounds a shape, medians; × Redis is the median of the rounds' ratios (their range)");
    summary.add("");
    summary.add("| herd durability vs Redis | conns × depth | herd put/s | herd p99 µs | Redis HSET/s | Redis p99 µs"
        + " | × Redis (range) | p99 / Redis |");
    summary.add("|---|---|---|---|---|---|---|---|");
    for (Pair pair : pairs) {
      boolean fsync = pair.herdDurability().equals("fsync");
      long warmup = count(200_000);
      long total = count(fsync ? 500_000 : 1_000_000);
      System.out.printf(Locale.ROOT, "%n== 1. metrics put: herd durability %s vs Redis HSET, %s; fresh node and"
              + " Redis; %d rounds of -w %d -n %d each%n", pair.herdDurability(), pair.redisLabel(), ROUNDS, warmup,
          total);
      printHeader();
      Redis redis = startRedis("redis-" + pair.herdDurability(), pair.redisArgs());
      Node node = startNode("Put" + cap(pair.herdDurability()), pair.herdDurability(), Map.of());
      for (int[] shape : shapes) {
        List<Round> rounds = rounds(Target.redisHset(redis.port), Target.herdPut(node.metricsPort, ""), shape[0],
            shape[1], warmup, total);
        summary.add(summaryRow(pair.herdDurability() + " vs " + pair.redisLabel(), rounds));
      }
      node.stop();
      redis.stop();
    }
  }

  // ---------------------------------------------------------------- 2. IAMAT

  private void iamat() throws Exception {
    long warmup = count(200_000);
    long total = count(1_000_000);
    System.out.printf(Locale.ROOT, "%n== 2. IAMAT under durability write (every wire line logged at INFO, the"
        + " default) vs Redis SET, AOF everysec; %d rounds of -w %d -n %d each%n", ROUNDS, warmup, total);
    printHeader();
    Redis redis = startRedis("redis-iamat", List.of("--appendonly", "yes", "--appendfsync", "everysec"));
    // Every request is a new client: room for all of them (7,200,000 here) beyond the default of 1,000,000.
    Node node = startNode("Iamat", "write", Map.of(), new JsonObject().put("maxLocations", 8_000_000)
        .put("maxLocationBytes", 2_000_000_000));
    summary.add("");
    summary.add(ROUNDS + " rounds a shape, medians; × Redis is the median of the rounds' ratios (their range)");
    summary.add("");
    summary.add("| IAMAT (write) vs Redis SET (AOF everysec) | conns × depth | herd IAMAT/s | herd p99 µs | Redis SET/s"
        + " | Redis p99 µs | × Redis (range) | p99 / Redis |");
    summary.add("|---|---|---|---|---|---|---|---|");
    for (int[] shape : List.of(new int[] {50, 1}, new int[] {8, 32})) {
      summary.add(summaryRow("IAMAT", rounds(Target.redisSet(redis.port), Target.herdIamat(node.port), shape[0],
          shape[1], warmup, total)));
    }
    node.stop();
    redis.stop();
    List<Path> logs;
    try (Stream<Path> files = Files.list(logDir)) {
      logs = files.filter(f -> f.getFileName().toString().startsWith(node.logFile.getFileName().toString())).toList();
    }
    long logBytes = 0;
    for (Path file : logs) {
      logBytes += Files.size(file);
    }
    System.out.printf(Locale.ROOT, "node log after the runs: %,d bytes in %d files (rolled over at 50 MB)%n",
        logBytes, logs.size());
    if (System.getenv("BENCH_KEEP") == null) {
      for (Path file : logs) {
        Files.delete(file);
      }
    }
  }

  // ---------------------------------------------------------------- 3. restore

  private void restore() throws Exception {
    long points = count(10_000_000);
    long perRun = Math.min(points, 100_000);
    long runs = Math.max(1, points / perRun);
    points = runs * perRun;
    long keys = runs * Math.min(100, perRun);
    System.out.printf(Locale.ROOT, "%n== 3. restore: a node (durability write) with %,d points (%,d keys x %,d"
        + " timestamps), stopped with SIGTERM and started again%n", points, keys, points / keys);
    Node node = startNode("Restore", "write", Map.of());
    long fillStarted = System.nanoTime();
    long fillErrors = 0;
    for (long r = 0; r < runs; r++) {
      Run run = loadFrom(Target.herdPut(node.metricsPort, "r" + r + "."), 64, 4, 0, perRun, 0, 300, true);
      fillErrors += run.errors();
    }
    double fillSeconds = (System.nanoTime() - fillStarted) / 1e9;
    long stored = countAll(node.metricsPort);
    System.out.printf(Locale.ROOT, "filled in %.1f s (%,.0f puts/s, lineload 64 x 4, %d runs of %,d), %d errors;"
        + " get * counts %,d points%n", fillSeconds, points / fillSeconds, runs, perRun, fillErrors, stored);
    long stopMillis = node.stop();
    long dataBytes = du(node.dataDir);
    System.out.printf(Locale.ROOT, "stopped (SIGTERM) in %d ms; data directory %,d bytes on disk (%.1f bytes a point)"
        + "%n", stopMillis, dataBytes, dataBytes / (double) points);

    Instant launched = Instant.now();
    long t0 = System.nanoTime();
    Process process = children.launchNode(node.name, node.config.encode());
    String lastKey = "r" + (runs - 1) + ".k" + ((perRun - 1) % 100);
    int firstAnswerPoints;
    try (Wire wire = Wire.connect(node.metricsPort, 120_000)) {
      long connected = System.nanoTime();
      wire.send("get " + lastKey + "\n");
      firstAnswerPoints = wire.countReply();
      long answered = System.nanoTime();
      wire.send("get *\n");
      long all = wire.countReply();
      long fullCount = System.nanoTime();
      Thread.sleep(300);
      List<Matcher> restores = matches(node.logFile, RESTORED, launched);
      Matcher restored = restores.isEmpty() ? null : restores.get(restores.size() - 1);
      long pid = process.pid();
      long heapUsed = heapUsedKb(pid, false);
      long heapAfterGc = heapUsedKb(pid, true);
      long rss = rssKb(pid);
      System.out.printf(Locale.ROOT, "launch -> metrics port accepts: %d ms; -> first get answered (%d points of %s):"
              + " %d ms; -> get * answered with %,d points: %d ms%n", ms(connected - t0), firstAnswerPoints, lastKey,
          ms(answered - t0), all, ms(fullCount - t0));
      System.out.printf(Locale.ROOT, "node log: %s updates restored in %s ms; heap used after restore %,d KB, after a"
              + " full GC %,d KB (%.1f bytes a point); resident set %,d KB%n",
          restored == null ? "?" : restored.group(1), restored == null ? "?" : restored.group(2), heapUsed,
          heapAfterGc, heapAfterGc * 1024.0 / points, rss);
      summary.add("");
      summary.add(String.format(Locale.ROOT, "Restore of %,d points (%,d keys × %,d), durability write:", points, keys,
          points / keys));
      summary.add("");
      summary.add("| figure | result |");
      summary.add("|---|---|");
      summary.add(String.format(Locale.ROOT, "| fill by pipelined puts (lineload 64 × 4) | %.1f s, %,.0f puts/s |",
          fillSeconds, points / fillSeconds));
      summary.add(String.format(Locale.ROOT, "| stop (SIGTERM to exit) | %d ms |", stopMillis));
      summary.add(String.format(Locale.ROOT, "| data directory (du) | %,d bytes, %.1f bytes a point |", dataBytes,
          dataBytes / (double) points));
      summary.add(String.format(Locale.ROOT, "| launch → first `get` answered (restore done) | **%d ms** |",
          ms(answered - t0)));
      summary.add(String.format(Locale.ROOT, "| node's own figure (store opened and replayed) | %s ms |",
          restored == null ? "?" : restored.group(2)));
      summary.add(String.format(Locale.ROOT, "| launch → `get *` answered with the full count (%,d) | %d ms |", all,
          ms(fullCount - t0)));
      summary.add(String.format(Locale.ROOT, "| heap used after restore / after a full GC | %,d MB / %,d MB (%.1f"
          + " bytes a point) |", heapUsed / 1024, heapAfterGc / 1024, heapAfterGc * 1024.0 / points));
      summary.add(String.format(Locale.ROOT, "| resident set after restore | %,d MB |", rss / 1024));
    }
    node.process = process;
    node.stop();
  }

  // ---------------------------------------------------------------- 4. catch-up

  private void catchUp() throws Exception {
    int portA = ChildProcesses.freePort();
    int portB = ChildProcesses.freePort();
    int linkA = peerPorts ? ChildProcesses.freePort() : portA;
    int linkB = peerPorts ? ChildProcesses.freePort() : portB;
    Node a = startNode("A", "write", Map.of("port", portA, "peerPort", linkA, "B", linkB));
    Node b = startNode("B", "write", Map.of("port", portB, "peerPort", linkB, "A", linkA));
    System.out.printf(Locale.ROOT, "%n== 4. catch-up between two linked nodes A and B (durability write)%n");
    long linked = awaitLinked(a, b);
    System.out.printf(Locale.ROOT, "A and B linked: a put at A readable at B %d ms after both started%n", linked);
    summary.add("");
    summary.add("| catch-up | updates sent (A's log) | bytes sent | A's streaming time | B launch → link up |"
        + " B launch → B's count = A's |");
    summary.add("|---|---|---|---|---|---|");

    // (a) B misses 100,000 puts
    b.stop();
    long missed = count(100_000);
    Run fill = loadFrom(Target.herdPut(a.metricsPort, "ca."), 8, 32, 0, missed, 0, 300, true);
    long countA = countAll(a.metricsPort);
    System.out.printf(Locale.ROOT, "(a) B stopped; %,d puts at A (%,.0f/s); A holds %,d points%n", missed, fill.rps(),
        countA);
    catchUpRun("(a) B restarted after missing " + String.format(Locale.ROOT, "%,d", missed) + " puts", a, b, countA,
        "ca.k0", "ca.k" + ((missed - 1) % 100), 1_700_000_000L + missed - 1);

    // (b) B empty joins A with 1,000,000 points
    b.stop();
    deleteTree(b.dataDir);
    long target = count(1_000_000);
    long more = Math.max(1, target - countA);
    fill = loadFrom(Target.herdPut(a.metricsPort, "cb."), 8, 32, 0, more, 0, 300, true);
    countA = countAll(a.metricsPort);
    System.out.printf(Locale.ROOT, "(b) B stopped, its data directory emptied; %,d more puts at A (%,.0f/s); A holds"
        + " %,d points%n", more, fill.rps(), countA);
    long streamMillis = catchUpRun("(b) B with an empty data directory joins A holding "
            + String.format(Locale.ROOT, "%,d", countA) + " points", a, b, countA, "probe.0", "cb.k" + ((more - 1) % 100),
        1_700_000_000L + more - 1);

    // (c) put latency at A during such a catch-up vs without
    b.stop();
    deleteTree(b.dataDir);
    int window = (int) Math.max(2, Math.min(60, Math.ceil(1.5 * streamMillis / 1000.0)));
    // The same 100 points overwritten again and again: A's log, and so the catch-up, stays the size it was in (b).
    Target probe = new Target("herd put", a.metricsPort, "put cc.%k %i.5 1\\n", "\\n\\n", "error");
    Run quiet = loadFrom(probe, 10, 1, 0, 1_000_000_000L, nextSeq(1_000_000_000L), window, false);
    System.out.printf(Locale.ROOT, "(c) put latency at A, lineload 10 x 1 for %d s: without catch-up (B down)%n",
        window);
    printHeader();
    print(quiet, null);
    Instant launched = Instant.now();
    long t0 = System.nanoTime();
    b.process = children.launchNode(b.name, b.config.encode());
    long started = awaitFirstPoint(b.metricsPort, "probe.0", a.metricsPort, 120_000);
    Run busy = loadFrom(probe, 10, 1, 0, 1_000_000_000L, nextSeq(1_000_000_000L), window, false);
    long loadEnded = System.nanoTime();
    countA = countAll(a.metricsPort);
    long done = awaitCount(b.metricsPort, countA, null, 0, 180_000);
    print(busy, quiet);
    Thread.sleep(500);
    List<Matcher> sent = matches(a.logFile, CATCH_UP, launched);
    System.out.printf(Locale.ROOT, "catch-up began %d ms after B's launch (B holds the first point); load ran %d ms;"
            + " B caught up %s; A's log: %s%n", ms(started - t0), ms(loadEnded - started),
        done < 0 ? "NOT within 180 s" : ms(done - t0) + " ms after launch", joined(sent));
    summary.add("");
    summary.add(String.format(Locale.ROOT, "Put latency at A, lineload 10 × 1 for %d s, while B (empty) catches up"
        + " from A (%,d points) vs with B down:", window, countA));
    summary.add("");
    summary.add("| puts at A | requests | put/s | p50 µs | p99 µs | p99.9 µs |");
    summary.add("|---|---|---|---|---|---|");
    summary.add(String.format(Locale.ROOT, "| B down (anchor) | %,d | %,.0f | %,.0f | %,.0f | %,.0f |",
        quiet.requests(), quiet.rps(), quiet.p50(), quiet.p99(), quiet.p999()));
    summary.add(String.format(Locale.ROOT, "| during B's catch-up | %,d | %,.0f (%.2f×) | %,.0f | **%,.0f (%.2f×)** |"
            + " %,.0f |", busy.requests(), busy.rps(), busy.rps() / quiet.rps(), busy.p50(), busy.p99(),
        busy.p99() / quiet.p99(), busy.p999()));
    summary.add("");
    summary.add("A's log for that catch-up: " + joined(sent));
    a.stop();
    b.stop();
  }

  /** Starts B, waits until it holds what A holds, and prints and returns A's streaming time. */
  private long catchUpRun(String what, Node a, Node b, long countA, String firstKey, String lastKey,
      long lastTimestamp) throws Exception {
    Instant launched = Instant.now();
    long t0 = System.nanoTime();
    b.process = children.launchNode(b.name, b.config.encode());
    long done = awaitCount(b.metricsPort, countA, lastKey, lastTimestamp, NUDGE_AFTER_MILLIS);
    String nudged = "";
    if (done < 0 && !holds(b.metricsPort, firstKey)) {
      // No catch-up began: one more put at A, flooded to B, shows B a gap, which B asks A to fill.
      nudged = String.format(Locale.ROOT, " (nudged by a put at A %d ms after launch)", ms(System.nanoTime() - t0));
      try (Wire wire = Wire.connect(a.metricsPort, 10_000)) {
        wire.send("put nudge." + t0 + " 1 1\n");
        wire.countReply();
      }
      countA++;
    }
    if (done < 0) {
      done = awaitCount(b.metricsPort, countA, lastKey, lastTimestamp, 180_000);
    }
    Thread.sleep(500);
    List<Matcher> catchUps = matches(a.logFile, CATCH_UP, launched);
    Matcher sent = catchUps.stream().max(Comparator.comparingLong(m -> Long.parseLong(m.group(2)))).orElse(null);
    Long linkUp = firstLogTime(b.logFile, LINK_UP_A, launched);
    Long dropped = firstLogTime(a.logFile, DROPPED_VV, launched);
    long caughtUp = done < 0 ? -1 : ms(done - t0);
    System.out.printf(Locale.ROOT, "%s: B's count = A's (%,d) %s after B's launch%s; B's link to A up %s ms after"
            + " launch; A's log: %s%s%n", what, countA, done < 0 ? "NOT within 180 s" : caughtUp + " ms", nudged,
        linkUp == null ? "?" : linkUp, joined(catchUps),
        dropped == null ? "" : "; A dropped B's catch-up request (VV) " + dropped + " ms after B's launch");
    summary.add(String.format(Locale.ROOT, "| %s | %s | %s | %s ms | %s ms | **%s**%s |", what,
        sent == null ? "?" : String.format(Locale.ROOT, "%,d", Long.parseLong(sent.group(2))),
        sent == null ? "?" : String.format(Locale.ROOT, "%,d", Long.parseLong(sent.group(3))),
        sent == null ? "?" : sent.group(4), linkUp == null ? "?" : linkUp,
        done < 0 ? "not within 180 s" : caughtUp + " ms", nudged));
    return sent == null ? 2_000 : Long.parseLong(sent.group(4));
  }

  /**
   * Puts probes at A (probe.0, probe.1, ...: a put made while A's link to B is down is not flooded) until B has
   * one; returns the milliseconds since both were started.
   */
  private static long awaitLinked(Node a, Node b) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    try (Wire wa = Wire.connect(a.metricsPort, 10_000); Wire wb = Wire.connect(b.metricsPort, 10_000)) {
      for (int i = 0; System.nanoTime() < deadline; i++) {
        wa.send("put probe." + i + " 1 1\n");
        wa.countReply();
        Thread.sleep(100);
        wb.send("get probe." + i + "\n");
        if (wb.countReply() > 0) {
          return ms(System.nanoTime() - Math.max(a.startedNanos, b.startedNanos));
        }
      }
    }
    throw new IOException("A and B never linked");
  }

  /**
   * Polls {@code get key} until it returns a point; returns the time it did. From 3 s after the port first answers,
   * puts a point at {@code nudgePort} every second (a catch-up request that came too early is not repeated; a gap
   * that a flood shows is repaired).
   */
  private static long awaitFirstPoint(int port, String key, int nudgePort, long timeoutMillis) throws Exception {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    try (Wire wire = Wire.connect(port, timeoutMillis); Wire nudge = Wire.connect(nudgePort, 10_000)) {
      long nextNudge = 0;
      for (int polls = 0; System.nanoTime() < deadline; polls++) {
        wire.send("get " + key + "\n");
        if (wire.countReply() > 0) {
          return System.nanoTime();
        }
        if (polls == 0) {
          nextNudge = System.nanoTime() + 3_000_000_000L;
        } else if (System.nanoTime() > nextNudge) {
          nudge.send("put nudge." + nextNudge + " 1 1\n");
          nudge.countReply();
          nextNudge += 1_000_000_000L;
        }
        Thread.sleep(10);
      }
    }
    throw new IOException("no point " + key + " on port " + port + " within " + timeoutMillis + " ms");
  }

  /**
   * Waits until {@code get *} on the port counts {@code expected} points; returns the time it did, or -1. With a
   * last key, polls that key (cheap) until it holds the last timestamp and only then counts everything: a catch-up
   * streams one origin's updates in the order they were written.
   */
  private static long awaitCount(int port, long expected, String lastKey, long lastTimestamp, long timeoutMillis)
      throws Exception {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    String last = " " + lastTimestamp + "\n";
    try (Wire wire = Wire.connect(port, timeoutMillis)) {
      while (System.nanoTime() < deadline) {
        if (lastKey != null) {
          wire.send("get " + lastKey + "\n");
          if (!wire.readReply().contains(last)) {
            Thread.sleep(10);
            continue;
          }
        }
        wire.send("get *\n");
        if (wire.countReply() >= expected) {
          return System.nanoTime();
        }
        Thread.sleep(lastKey != null ? 10 : 50);
      }
    }
    return -1;
  }

  // ---------------------------------------------------------------- processes

  private final class Node {
    final String name;
    final JsonObject config;
    final int port;
    final int metricsPort;
    final Path dataDir;
    final Path logFile;
    final long startedNanos;
    Process process;

    Node(String name, JsonObject config, Process process) {
      this.name = name;
      this.config = config;
      this.port = config.getInteger("port");
      this.metricsPort = config.getInteger("metricsPort");
      this.dataDir = Path.of(config.getString("dataDir"));
      this.logFile = Path.of(config.getString("logFile"));
      this.process = process;
      this.startedNanos = System.nanoTime();
    }

    /** SIGTERM, then waits for the exit; returns how long that took. */
    long stop() throws InterruptedException {
      long t0 = System.nanoTime();
      process.destroy();
      process.waitFor();
      return ms(System.nanoTime() - t0);
    }
  }

  /**
   * A node on free ports, data directory and log under the work directory. {@code links} may give its herd
   * {@code port}, its {@code peerPort} and neighbours by name with the port they are dialled on.
   */
  private Node startNode(String name, String durability, Map<String, Integer> links) throws Exception {
    return startNode(name, durability, links, new JsonObject());
  }

  /** The same with more config keys. */
  private Node startNode(String name, String durability, Map<String, Integer> links, JsonObject more)
      throws Exception {
    int port = links.getOrDefault("port", ChildProcesses.freePort());
    int metricsPort = ChildProcesses.freePort();
    JsonObject config = new JsonObject().put("name", name).put("host", "127.0.0.1").put("port", port)
        .put("metricsPort", metricsPort).put("logFile", logDir.resolve(name + ".log").toString())
        .put("dataDir", work.resolve("data").resolve(name).toString()).put("durability", durability)
        .mergeIn(more);
    JsonObject neighbours = new JsonObject();
    links.forEach((key, value) -> {
      if (!key.equals("port") && !key.equals("peerPort")) {
        neighbours.put(key, "127.0.0.1:" + value);
      }
    });
    if (!neighbours.isEmpty()) {
      config.put("neighbours", neighbours);
      if (peerPorts) {
        config.put("peerPort", links.get("peerPort"));
      }
    }
    Process process = children.startNode(name, config.encode(), metricsPort);
    return new Node(name, config, process);
  }

  private record Redis(int port, Process process) {

    void stop() throws InterruptedException {
      process.destroy();
      process.waitFor();
    }
  }

  private Redis startRedis(String name, List<String> persistence) throws Exception {
    int port = ChildProcesses.freePort();
    Path dir = Files.createDirectories(work.resolve("data").resolve(name));
    List<String> command = new ArrayList<>(List.of("redis-server", "--port", String.valueOf(port), "--bind",
        "127.0.0.1", "--save", "", "--dir", dir.toString()));
    command.addAll(persistence);
    return new Redis(port, children.start(name, command, port));
  }

  // ---------------------------------------------------------------- rounds against the anchor

  /** The anchor's and herd's runs of one round. */
  private record Round(Run anchor, Run herd) {

    double ratio() {
      return herd.rps() / anchor.rps();
    }

    double p99Ratio() {
      return herd.p99() / anchor.p99();
    }
  }

  /**
   * Loads the anchor and herd {@value #ROUNDS} times each, in turns, the anchor first in odd rounds and herd first
   * in even ones: this machine's speed changes by a third from one minute to the next (Redis alone, 1,000,000
   * {@code SET}s at a time: 264,000 to 500,000 a second), and a ratio is only worth something when both of its
   * runs met the same machine.
   */
  private List<Round> rounds(Target anchor, Target herd, int conns, int depth, long warmup, long total)
      throws Exception {
    List<Round> rounds = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      Run first = load(round % 2 == 0 ? anchor : herd, conns, depth, warmup, total, 300);
      Run second = load(round % 2 == 0 ? herd : anchor, conns, depth, warmup, total, 300);
      Round done = round % 2 == 0 ? new Round(first, second) : new Round(second, first);
      print(done.anchor(), null);
      print(done.herd(), done.anchor());
      rounds.add(done);
    }
    return rounds;
  }

  /** A summary line: the medians of the rounds, and the range of their ratios. */
  private static String summaryRow(String label, List<Round> rounds) {
    Run shape = rounds.get(0).herd();
    List<Double> ratios = rounds.stream().map(Round::ratio).sorted().toList();
    return String.format(Locale.ROOT,
        "| %s | %d × %d | %,.0f | %,.0f | %,.0f | %,.0f | **%.2f×** (%.2f–%.2f) | %.2f× |",
        label, shape.conns(), shape.depth(), median(rounds, round -> round.herd().rps()),
        median(rounds, round -> round.herd().p99()), median(rounds, round -> round.anchor().rps()),
        median(rounds, round -> round.anchor().p99()), median(rounds, Round::ratio), ratios.get(0),
        ratios.get(ratios.size() - 1), median(rounds, Round::p99Ratio));
  }

  private static double median(List<Round> rounds, ToDoubleFunction<Round> figure) {
    double[] values = rounds.stream().mapToDouble(figure).sorted().toArray();
    int middle = values.length / 2;
    return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  }

  // ---------------------------------------------------------------- the load generator

  private Run load(Target target, int conns, int depth, long warmup, long total, int timeLimit) throws Exception {
    return loadFrom(target, conns, depth, warmup, total, nextSeq(warmup + total), timeLimit, true);
  }

  private long nextSeq(long used) {
    long start = seq;
    seq += used;
    return start;
  }

  /** Runs lineload; {@code mustComplete} false allows a run cut by its time limit (a fixed-duration load). */
  private Run loadFrom(Target target, int conns, int depth, long warmup, long total, long start, int timeLimit,
      boolean mustComplete) throws Exception {
    List<String> command = List.of(lineload, "-p", String.valueOf(target.port()), "-c", String.valueOf(conns), "-d",
        String.valueOf(depth), "-w", String.valueOf(warmup), "-n", String.valueOf(total), "-s", String.valueOf(start),
        "-t", target.template(), "-e", target.terminator(), "-x", target.errorPrefix(), "-T",
        String.valueOf(timeLimit));
    Path err = Files.createTempFile(logDir, "lineload-", ".err");
    Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    int status = process.waitFor();
    String diagnostics = Files.readString(err);
    Files.writeString(logDir.resolve("lineload.log"), String.join(" ", command) + "\n" + out + diagnostics,
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    Files.delete(err);
    if (status != 0 && (mustComplete || status != 3) || out.isBlank()) {
      throw new IOException(target.label() + ": lineload exited with " + status + ": " + out + diagnostics);
    }
    Map<String, String> fields = fields(out + " " + diagnostics.replace("lineload: ", " "));
    double cpu = (num(fields, "gen_cpu_user") + num(fields, "gen_cpu_sys")) / num(fields, "wall");
    return new Run(target.label(), conns, depth, (long) num(fields, "requests"), num(fields, "seconds"),
        num(fields, "rps"), num(fields, "p50_us"), num(fields, "p99_us"), num(fields, "p999_us"),
        (long) num(fields, "errors"), cpu, status == 0);
  }

  private static Map<String, String> fields(String text) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String word : text.trim().split("\\s+")) {
      int eq = word.indexOf('=');
      if (eq > 0) {
        fields.putIfAbsent(word.substring(0, eq), word.substring(eq + 1).replaceAll("s$", ""));
      }
    }
    return fields;
  }

  private static double num(Map<String, String> fields, String key) {
    String value = fields.get(key);
    return value == null ? Double.NaN : Double.parseDouble(value);
  }

  private static void printHeader() {
    System.out.printf(Locale.ROOT, "%-12s %6s %9s %10s %9s %9s %9s %6s %8s %9s %10s%n", "target", "shape",
        "requests", "rps", "p50 us", "p99 us", "p99.9 us", "errors", "gen cpu", "x anchor", "p99/anchor");
  }

  private static void print(Run run, Run anchor) {
    System.out.printf(Locale.ROOT, "%-12s %6s %9d %10.0f %9.0f %9.0f %9.0f %6d %7.0f%% %9s %10s%s%n", run.label(),
        run.shape(), run.requests(), run.rps(), run.p50(), run.p99(), run.p999(), run.errors(), 100 * run.genCpu(),
        anchor == null ? "anchor" : String.format(Locale.ROOT, "%.2fx", run.rps() / anchor.rps()),
        anchor == null ? "" : String.format(Locale.ROOT, "%.2fx", run.p99() / anchor.p99()),
        run.complete() ? "" : " (fixed duration)");
  }

  // ---------------------------------------------------------------- the metrics wire

  /** A blocking metrics connection that reads whole replies. */
  private static final class Wire implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private Wire(Socket socket) throws IOException {
      this.socket = socket;
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(300_000);
      in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
      out = socket.getOutputStream();
    }

    /** Connects, retrying until the port accepts or the time is up. */
    static Wire connect(int port, long timeoutMillis) throws IOException, InterruptedException {
      long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
      while (true) {
        Socket socket = new Socket();
        try {
          socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
          return new Wire(socket);
        } catch (IOException e) {
          socket.close();
          if (System.nanoTime() > deadline) {
            throw e;
          }
          Thread.sleep(5);
        }
      }
    }

    void send(String requests) throws IOException {
      out.write(requests.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    }

    /**
     * Reads one reply ({@code ok}, point lines, a blank line) and returns how many point lines it held. Reads in
     * chunks, so it must be the only reply outstanding.
     */
    int countReply() throws IOException {
      int newlines = 0;
      int previous = '\n';
      byte[] chunk = new byte[1 << 16];
      while (true) {
        int n = in.read(chunk);
        if (n < 0) {
          throw new IOException("connection closed by the node");
        }
        for (int i = 0; i < n; i++) {
          byte b = chunk[i];
          if (b == '\n') {
            if (previous == '\n' && newlines > 0) {
              return newlines - 1;
            }
            newlines++;
          }
          previous = b;
        }
      }
    }

    /** Reads one reply and returns it whole. */
    String readReply() throws IOException {
      StringBuilder reply = new StringBuilder();
      int previous = '\n';
      while (true) {
        int b = in.read();
        if (b < 0) {
          throw new IOException("connection closed by the node");
        }
        reply.append((char) b);
        if (b == '\n' && previous == '\n' && reply.length() > 1) {
          return reply.toString();
        }
        previous = b;
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  /** Whether the node holds a point of the key. */
  private static boolean holds(int port, String key) throws Exception {
    try (Wire wire = Wire.connect(port, 10_000)) {
      wire.send("get " + key + "\n");
      return wire.countReply() > 0;
    }
  }

  private static long countAll(int port) throws Exception {
    try (Wire wire = Wire.connect(port, 10_000)) {
      wire.send("get *\n");
      return wire.countReply();
    }
  }

  // ---------------------------------------------------------------- logs, memory, files

  /** The matches in the node's log of lines logged at or after {@code since}. */
  private static List<Matcher> matches(Path log, Pattern pattern, Instant since) throws IOException {
    List<Matcher> found = new ArrayList<>();
    try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.length() > 24 && !logTime(line).isBefore(since.minusMillis(5))) {
          Matcher m = pattern.matcher(line);
          if (m.find()) {
            found.add(m);
          }
        }
      }
    }
    return found;
  }

  private static String joined(List<Matcher> found) {
    return found.isEmpty() ? "no catch-up line" : String.join("; ", found.stream().map(Matcher::group).toList());
  }

  /** Milliseconds from {@code since} to the first log line that matches, or null. */
  private static Long firstLogTime(Path log, Pattern pattern, Instant since) throws IOException {
    try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.length() > 24 && pattern.matcher(line).find()) {
          Instant at = logTime(line);
          if (!at.isBefore(since.minusMillis(5))) {
            return Duration.between(since, at).toMillis();
          }
        }
      }
    }
    return null;
  }

  private static Instant logTime(String line) {
    try {
      return Instant.parse(line.substring(0, line.indexOf(' ')));
    } catch (RuntimeException e) {
      return Instant.EPOCH;
    }
  }

  /** The heap in use as {@code jcmd GC.heap_info} reports it, after a full GC if asked. */
  private static long heapUsedKb(long pid, boolean afterGc) throws Exception {
    if (afterGc) {
      run("jcmd", String.valueOf(pid), "GC.run");
    }
    Matcher m = Pattern.compile("used (\\d+)K").matcher(run("jcmd", String.valueOf(pid), "GC.heap_info"));
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  private static long rssKb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    return -1;
  }

  private static long du(Path dir) throws Exception {
    return Long.parseLong(run("du", "-sk", dir.toString()).trim().split("\\s+")[0]) * 1024;
  }

  private static String run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    return out;
  }

  private static String loadAverage() {
    try {
      return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
    } catch (IOException e) {
      return "?";
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(path);
      }
    }
  }

  private static boolean hasClass(String name) {
    try {
      Class.forName(name, false, ReplicaBench.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private static String cap(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }
}
