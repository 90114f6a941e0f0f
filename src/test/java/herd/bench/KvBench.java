package herd.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key-value benchmark of issue 9 (run by {@code bench/kv.sh}; see BENCHMARKS.md).
 *
 * <ul>
 *   <li>{@code throughput}: one herd node under {@code durability: write}, one under {@code fsync} and one etcd
 *       member (the anchor, which always syncs its log), all three on loopback at once, each driven by the same wrk
 *       command line with {@code bench/kv-herd.lua} or {@code bench/kv-etcd.lua}: single-key set and get, 100-key set
 *       and get, shape by shape so that the three figures of a shape are taken minutes apart at most.</li>
 *   <li>{@code propagation}: five nodes linked as the seed's herd, a fresh key set on Welsh and polled on Hands (three
 *       links away) until found; read-your-writes on Welsh right after each 200.</li>
 * </ul>
 *
 * <p>Arguments: {@code --wrk PATH --etcd PATH --seconds S --warmup S --conns C --samples N [sections]}.
 */
public final class KvBench {

  private static final String VALUE = "\"v-0123456789abcdef\"";
  private static final String VALUE_OBJECT = "{\"v\":" + VALUE + "}";
  private static final int PRELOADED = 10_000;
  /** Room for every key the sets write (millions, all distinct) in the node's 3 GiB heap: nothing refused with 507. */
  private static final JsonObject ROOMY = new JsonObject().put("kvMaxEntries", 20_000_000)
      .put("kvMaxBytes", 2_000_000_000L);
  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern P50 = Pattern.compile("\\n\\s+50%\\s+([0-9.]+)(us|ms|s)");
  private static final Pattern P99 = Pattern.compile("\\n\\s+99%\\s+([0-9.]+)(us|ms|s)");
  private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
  private static final Pattern ERRORS = Pattern.compile("Socket errors: (.*)");

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final Path work;
  private final ChildProcesses children;
  private String wrk = "wrk";
  private String etcd = "etcd";
  private int seconds = 10;
  private int warmup = 3;
  private int conns = 50;
  private int samples = 1000;
  private final List<String> summary = new ArrayList<>();

  private KvBench(Path work) throws IOException {
    this.work = work;
    Files.createDirectories(work.resolve("logs"));
    this.children = new ChildProcesses(work.resolve("logs"));
  }

  public static void main(String[] args) throws Exception {
    KvBench bench = new KvBench(Files.createTempDirectory("herd-kvbench"));
    List<String> sections = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--wrk" -> bench.wrk = args[++i];
        case "--etcd" -> bench.etcd = args[++i];
        case "--seconds" -> bench.seconds = Integer.parseInt(args[++i]);
        case "--warmup" -> bench.warmup = Integer.parseInt(args[++i]);
        case "--conns" -> bench.conns = Integer.parseInt(args[++i]);
        case "--samples" -> bench.samples = Integer.parseInt(args[++i]);
        default -> sections.add(args[i]);
      }
    }
    if (sections.isEmpty()) {
      sections = List.of("throughput", "propagation");
    }
    System.out.printf(Locale.ROOT, "kv benchmark %s, work directory %s, load average before: %s%n", Instant.now(),
        bench.work, loadAverage());
    try {
      if (sections.contains("throughput")) {
        bench.throughput();
      }
      if (sections.contains("propagation")) {
        bench.propagation();
      }
    } finally {
      bench.children.close();
      if (System.getenv("BENCH_KEEP") == null) {  // the sets leave gigabytes of data behind
        deleteTree(bench.work);
      }
    }
    System.out.printf(Locale.ROOT, "%n== summary (load average after: %s)%n", loadAverage());
    bench.summary.forEach(System.out::println);
  }

  // ---------------------------------------------------------------------------------------------- throughput

  private void throughput() throws Exception {
    String write = startNode("Write", "write", Map.of(), false, ROOMY);
    String fsync = startNode("Fsync", "fsync", Map.of(), false, ROOMY);
    int etcdPort = startEtcd();
    String etcdUrl = "http://127.0.0.1:" + etcdPort;
    String writeToken = auth(write);
    String fsyncToken = auth(fsync);
    preloadHerd(write, writeToken);
    preloadHerd(fsync, fsyncToken);
    preloadEtcd(etcdUrl);
    System.out.printf(Locale.ROOT, "%n== throughput: wrk -t1 -c%d -d%ds --latency (after a %d s warm-up of the same"
        + " shape), %,d keys preloaded for gets%n", conns, seconds, warmup, PRELOADED);
    summary.add(String.format(Locale.ROOT, "wrk -t1 -c%d -d%ds --latency; ratio = herd ÷ etcd", conns, seconds));
    summary.add("| shape | herd write req/s | p99 ms | herd fsync req/s | p99 ms | etcd req/s | p99 ms"
        + " | write × etcd | fsync × etcd |");
    summary.add("|---|---|---|---|---|---|---|---|---|");
    // gets first, on the same 10,000 preloaded keys in all three; then the sets, which add millions of keys
    String[][] shapes = {{"get", "1"}, {"get", "100"}, {"set", "1"}, {"set", "100"}};
    Wrk[] getOne = null;
    Wrk serializable = null;
    for (String[] shape : shapes) {
      String mode = shape[0];
      int batch = Integer.parseInt(shape[1]);
      Wrk w = wrk("herd write " + mode + " " + batch, write, "bench/kv-herd.lua", mode, batch, writeToken);
      Wrk f = wrk("herd fsync " + mode + " " + batch, fsync, "bench/kv-herd.lua", mode, batch, fsyncToken);
      Wrk e = wrk("etcd " + mode + " " + batch, etcdUrl, "bench/kv-etcd.lua", mode, batch, "-");
      String name = batch == 1 ? mode + ", 1 key" : mode + ", " + batch + " keys (" + etcdShape(mode) + ")";
      row(name, batch, w, f, e);
      if (mode.equals("get") && batch == 1) {
        // etcd's reads are linearizable by default (a round of its consensus); herd answers from the node's own
        // map, as etcd's serializable reads do: the same herd figures beside those too
        getOne = new Wrk[] {w, f};
        serializable = wrk("etcd get 1 serial", etcdUrl, "bench/kv-etcd.lua", "get", 1, "-", "serializable");
      }
    }
    row("get, 1 key (etcd: serializable range)", 1, getOne[0], getOne[1], serializable);
  }

  private void row(String name, int batch, Wrk w, Wrk f, Wrk e) {
    summary.add(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | **%.2f×** | **%.2f×** |", name,
        rate(w, batch), ms(w.p99), rate(f, batch), ms(f.p99), rate(e, batch), ms(e.p99), w.rate / e.rate,
        f.rate / e.rate));
  }

  private static String etcdShape(String mode) {
    return mode.equals("set") ? "etcd: a txn of 100 puts" : "etcd: a txn of 100 ranges";
  }

  private static String rate(Wrk w, int batch) {
    String rate = String.format(Locale.ROOT, "%,.0f", w.rate);
    if (batch > 1) {
      rate += String.format(Locale.ROOT, " (%,.0f keys/s)", w.rate * batch);
    }
    if (w.failed > 0) {
      rate += String.format(Locale.ROOT, " [%,d failed]", w.failed);
    }
    return rate;
  }

  private static String ms(double micros) {
    return String.format(Locale.ROOT, "%.2f", micros / 1000);
  }

  private Wrk wrk(String label, String url, String script, String mode, int batch, String token, String... more)
      throws Exception {
    String prefix = label.replaceAll("[^a-z0-9]", "") + "-";
    runWrk(url, script, mode, batch, token, prefix + "warm", warmup, more);
    String out = runWrk(url, script, mode, batch, token, prefix, seconds, more);
    Wrk result = new Wrk(out);
    System.out.printf(Locale.ROOT, "%-20s %,10.0f req/s  p50 %8.2f ms  p99 %8.2f ms  failed %,d  (load %s)%n", label,
        result.rate, result.p50 / 1000, result.p99 / 1000, result.failed, loadAverage());
    Files.writeString(work.resolve("logs").resolve(prefix + "wrk.txt"), out);
    return result;
  }

  private String runWrk(String url, String script, String mode, int batch, String token, String prefix, int secs,
      String... more) throws Exception {
    List<String> command = new ArrayList<>(List.of(wrk, "-t1", "-c" + conns, "-d" + secs + "s", "--latency",
        "--timeout", "10s", "-s", script, url, "--", mode, String.valueOf(batch), token, String.valueOf(PRELOADED),
        prefix));
    command.addAll(List.of(more));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IOException("wrk failed: " + out);
    }
    return out;
  }

  /** What one wrk run printed. */
  private static final class Wrk {
    final double rate;
    final double p50;
    final double p99;
    final long failed;

    Wrk(String out) {
      rate = Double.parseDouble(find(RATE, out).group(1));
      p50 = micros(find(P50, out));
      p99 = micros(find(P99, out));
      Matcher non2xx = NON_2XX.matcher(out);
      Matcher errors = ERRORS.matcher(out);
      long failed = non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0;
      if (errors.find()) {
        for (String part : errors.group(1).split(",")) {
          failed += Long.parseLong(part.replaceAll("[^0-9]", ""));
        }
      }
      this.failed = failed;
    }

    private static Matcher find(Pattern pattern, String out) {
      Matcher m = pattern.matcher(out);
      if (!m.find()) {
        throw new IllegalStateException("no " + pattern + " in wrk's output:\n" + out);
      }
      return m;
    }

    private static double micros(Matcher m) {
      double v = Double.parseDouble(m.group(1));
      return switch (m.group(2)) {
        case "us" -> v;
        case "ms" -> v * 1000;
        default -> v * 1_000_000;
      };
    }
  }

  private void preloadHerd(String url, String token) throws Exception {
    for (int block = 0; block < PRELOADED; block += 100) {
      JsonArray keys = new JsonArray();
      for (int i = block; i < block + 100; i++) {
        keys.add(new JsonObject().put("key", "p" + i).put("value", new JsonObject(VALUE_OBJECT).getValue("v")));
      }
      String body = new JsonObject().put("db_name", "bench").put("keys", keys).encode();
      expect200(post(url + "/set", token, body), "preload " + url);
    }
    HttpResponse<String> check = post(url + "/get", token, "{\"db_name\":\"bench\",\"keys\":[\"p0\",\"p"
        + (PRELOADED - 1) + "\"]}");
    expect200(check, "preload check " + url);
  }

  private void preloadEtcd(String url) throws Exception {
    String value = b64(VALUE);
    for (int block = 0; block < PRELOADED; block += 100) {
      JsonArray puts = new JsonArray();
      for (int i = block; i < block + 100; i++) {
        puts.add(new JsonObject().put("requestPut", new JsonObject().put("key", b64("bench/p" + i))
            .put("value", value)));
      }
      expect200(post(url + "/v3/kv/txn", null, new JsonObject().put("success", puts).encode()), "etcd preload");
    }
    HttpResponse<String> check = post(url + "/v3/kv/range", null, new JsonObject()
        .put("key", b64("bench/p")).put("range_end", b64("bench/q")).put("count_only", true).encode());
    String count = new JsonObject(check.body()).getString("count");
    if (!String.valueOf(PRELOADED).equals(count)) {
      throw new IllegalStateException("etcd holds " + count + " preloaded keys: " + check.body());
    }
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private int startEtcd() throws Exception {
    int client = ChildProcesses.freePort();
    int peer = ChildProcesses.freePort();
    String clientUrl = "http://127.0.0.1:" + client;
    String peerUrl = "http://127.0.0.1:" + peer;
    children.start("etcd", List.of(etcd, "--name", "default", "--data-dir", work.resolve("etcd").toString(),
        "--listen-client-urls", clientUrl, "--advertise-client-urls", clientUrl, "--listen-peer-urls", peerUrl,
        "--initial-advertise-peer-urls", peerUrl, "--initial-cluster", "default=" + peerUrl,
        "--quota-backend-bytes", String.valueOf(8L << 30), "--log-level", "warn"), client);
    long deadline = System.currentTimeMillis() + 30_000;
    while (true) {
      try {
        if (post(clientUrl + "/v3/kv/range", null, "{\"key\":\"" + b64("x") + "\"}").statusCode() == 200) {
          break;
        }
      } catch (IOException notYet) {
        // not serving yet
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IOException("etcd does not answer on " + clientUrl);
      }
      Thread.sleep(100);
    }
    Process version = new ProcessBuilder(etcd, "--version").redirectErrorStream(true).start();
    System.out.println("etcd: " + new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
        .lines().findFirst().orElse("?") + " on " + clientUrl);
    return client;
  }

  // --------------------------------------------------------------------------------------------- propagation

  private void propagation() throws Exception {
    Map<String, List<String>> links = new LinkedHashMap<>();
    for (String name : List.of("Goloman", "Hands", "Holiday", "Welsh", "Wilkes")) {
      links.put(name, new ArrayList<>());
    }
    String[][] edges = {{"Goloman", "Hands"}, {"Goloman", "Holiday"}, {"Goloman", "Wilkes"}, {"Hands", "Wilkes"},
        {"Holiday", "Welsh"}, {"Holiday", "Wilkes"}};
    for (String[] edge : edges) {
      links.get(edge[0]).add(edge[1]);
      links.get(edge[1]).add(edge[0]);
    }
    Map<String, Integer> peerPorts = new LinkedHashMap<>();
    links.keySet().forEach(name -> peerPorts.put(name, ChildProcesses.freePort()));
    Map<String, String> urls = new LinkedHashMap<>();
    for (String name : links.keySet()) {
      Map<String, Integer> neighbours = new LinkedHashMap<>();
      links.get(name).forEach(n -> neighbours.put(n, peerPorts.get(n)));
      neighbours.put("peerPort", peerPorts.get(name));
      urls.put(name, startNode(name, "write", neighbours, true, new JsonObject()));
    }
    String welsh = urls.get("Welsh");
    String hands = urls.get("Hands");
    String token = auth(welsh);
    // the token is an update like any other: wait until it has reached every node by the links
    for (String url : urls.values()) {
      long deadline = System.currentTimeMillis() + 30_000;
      while (get(url, token, "none").statusCode() == 401) {
        if (System.currentTimeMillis() > deadline) {
          throw new IllegalStateException("the token never reached " + url);
        }
        Thread.sleep(20);
      }
    }
    System.out.printf(Locale.ROOT, "%n== propagation: five nodes as the seed's herd (durability write, no httpNodes:"
        + " no read-through), a fresh key PUT on Welsh, GET on Hands until found; %,d samples after 100 warm-up%n",
        samples);
    long[] afterReply = new long[samples];
    long[] afterSend = new long[samples];
    int violations = 0;
    int lost = 0;
    long polls = 0;
    for (int i = -100; i < samples; i++) {
      String key = "k" + i;
      long sent = System.nanoTime();
      expect200(put(welsh, token, key), "PUT on Welsh");
      long replied = System.nanoTime();
      CompletableFuture<HttpResponse<String>> own = http.sendAsync(getRequest(welsh, token, key),
          HttpResponse.BodyHandlers.ofString());
      long found = -1;
      long deadline = replied + TimeUnit.SECONDS.toNanos(5);
      while (System.nanoTime() < deadline) {
        polls++;
        if (get(hands, token, key).statusCode() == 200) {
          found = System.nanoTime();
          break;
        }
      }
      if (own.get().statusCode() != 200 && i >= 0) {
        violations++;
      }
      if (i < 0) {
        continue;
      }
      if (found < 0) {
        lost++;
        afterReply[i] = afterSend[i] = Long.MAX_VALUE;
      } else {
        afterReply[i] = found - replied;
        afterSend[i] = found - sent;
      }
    }
    Arrays.sort(afterReply);
    Arrays.sort(afterSend);
    System.out.printf(Locale.ROOT, "Welsh's 200 → found on Hands: p50 %s, p99 %s, max %s ms; from the PUT's send:"
        + " p50 %s, p99 %s, max %s ms; %,d polls; not found within 5 s: %d; read-your-writes violations on Welsh:"
        + " %d of %,d%n", pct(afterReply, 50), pct(afterReply, 99), pct(afterReply, 100), pct(afterSend, 50),
        pct(afterSend, 99), pct(afterSend, 100), polls, lost, violations, samples);
    summary.add("");
    summary.add(String.format(Locale.ROOT, "Propagation Welsh → Hands (3 links), %,d samples, durability write:",
        samples));
    summary.add("| measured from | p50 ms | p99 ms | max ms |");
    summary.add("|---|---|---|---|");
    summary.add(String.format(Locale.ROOT, "| Welsh's 200 to the PUT | %s | **%s** | %s |", pct(afterReply, 50),
        pct(afterReply, 99), pct(afterReply, 100)));
    summary.add(String.format(Locale.ROOT, "| the PUT sent to Welsh | %s | %s | %s |", pct(afterSend, 50),
        pct(afterSend, 99), pct(afterSend, 100)));
    summary.add(String.format(Locale.ROOT, "Not found on Hands within 5 s: %d. Read-your-writes on Welsh (GET right"
        + " after the 200): %d violations of %,d.", lost, violations, samples));
  }

  private static String pct(long[] sorted, int percent) {
    int index = Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * percent / 100.0) - 1);
    long v = sorted[Math.max(0, index)];
    return v == Long.MAX_VALUE ? "lost" : String.format(Locale.ROOT, "%.2f", v / 1e6);
  }

  // ------------------------------------------------------------------------------------------------- nodes

  /** Starts a node with an HTTP face and answers its URL; {@code links} as in ReplicaBench (peerPort + names). */
  private String startNode(String name, String durability, Map<String, Integer> links, boolean linked,
      JsonObject more) throws Exception {
    int httpPort = ChildProcesses.freePort();
    JsonObject config = more.copy().put("name", name).put("host", "127.0.0.1")
        .put("port", ChildProcesses.freePort()).put("httpPort", httpPort)
        .put("logFile", work.resolve("logs").resolve(name + ".log").toString())
        .put("dataDir", work.resolve("data").resolve(name).toString()).put("durability", durability);
    if (linked) {
      JsonObject neighbours = new JsonObject();
      links.forEach((key, port) -> {
        if (!key.equals("peerPort")) {
          neighbours.put(key, "127.0.0.1:" + port);
        }
      });
      config.put("peerPort", links.get("peerPort")).put("neighbours", neighbours);
    }
    children.startNode(name, config.encode(), httpPort);
    String url = "http://127.0.0.1:" + httpPort;
    long deadline = System.currentTimeMillis() + 60_000;
    while (true) {
      try {
        if (http.send(HttpRequest.newBuilder(URI.create(url + "/health")).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
          return url;
        }
      } catch (IOException notYet) {
        // not serving yet
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IOException(name + " is not healthy on " + url);
      }
      Thread.sleep(50);
    }
  }

  private String auth(String url) throws Exception {
    HttpResponse<String> reply = post(url + "/auth", null, "");
    expect200(reply, "auth");
    return new JsonObject(reply.body()).getString("api-key");
  }

  private HttpResponse<String> post(String url, String token, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> put(String url, String token, String key) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url + "/v1/kv/p/" + key)).timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + token).PUT(HttpRequest.BodyPublishers.ofString(VALUE)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest getRequest(String url, String token, String key) {
    return HttpRequest.newBuilder(URI.create(url + "/v1/kv/p/" + key)).timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + token).GET().build();
  }

  private HttpResponse<String> get(String url, String token, String key) throws Exception {
    return http.send(getRequest(url, token, key), HttpResponse.BodyHandlers.ofString());
  }

  private static void expect200(HttpResponse<String> reply, String what) {
    if (reply.statusCode() != 200) {
      throw new IllegalStateException(what + ": " + reply.statusCode() + " " + reply.body());
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "?";
    }
  }
}
