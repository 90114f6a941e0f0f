package herd.http;

import static org.assertj.core.api.Assertions.assertThat;

import herd.node.HerdLauncher;
import herd.testing.FreePorts;
import herd.testing.HttpGet;
import herd.testing.TcpClient;
import herd.testing.TestNodes;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The HTTP face of real nodes over loopback: exact status codes and JSON fields. */
@ExtendWith(VertxExtension.class)
class HttpFaceTest {

  private static final AtomicInteger NAMES = new AtomicInteger();

  private static JsonObject node(String name) {
    return TestNodes.config(name + NAMES.incrementAndGet()).put("httpPort", FreePorts.next())
        .put("metricsPort", FreePorts.next());
  }

  private static JsonObject[] linkedPair() {
    JsonObject a = node("Ann");
    JsonObject b = node("Ben");
    a.put("neighbours", new JsonObject().put(b.getString("name"), "127.0.0.1:" + b.getInteger("peerPort")));
    b.put("neighbours", new JsonObject().put(a.getString("name"), "127.0.0.1:" + a.getInteger("peerPort")));
    return new JsonObject[] {a, b};
  }

  private static JsonObject status(JsonObject node) {
    HttpResponse<String> response = HttpGet.get(node.getInteger("httpPort"), "/status");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(response.headers().firstValue("access-control-allow-origin")).hasValue("*");
    return new JsonObject(response.body());
  }

  /** The node's status once it satisfies {@code wanted}, within ten seconds (or the last one seen). */
  private static JsonObject statusOnce(JsonObject node, Predicate<JsonObject> wanted) throws InterruptedException {
    JsonObject status = status(node);
    for (int i = 0; i < 100 && !wanted.test(status); i++) {
      Thread.sleep(100);
      status = status(node);
    }
    return status;
  }

  private static boolean linkUpWithFace(JsonObject status) {
    JsonObject link = status.getJsonArray("links").getJsonObject(0);
    return link.getBoolean("up") && link.getString("http") != null;
  }

  @Test
  void healthIsUpWhileTheNodeServes(Vertx vertx) {
    JsonObject config = node("Hale");
    TestNodes.deploy(vertx, config);

    HttpResponse<String> response = HttpGet.get(config.getInteger("httpPort"), "/health");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(response.body()))
        .isEqualTo(new JsonObject().put("status", "UP").put("node", config.getString("name")));
  }

  @Test
  void healthIsDownWhileTheStoreIsRestoringAndOnceItFailed(Vertx vertx) {
    Promise<Void> restored = Promise.promise();
    AtomicBoolean failed = new AtomicBoolean();
    Router router = Router.router(vertx);
    router.get("/health").handler(new Health("Slow", restored.future(), failed::get));
    HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
    int port = server.actualPort();

    HttpResponse<String> restoring = HttpGet.get(port, "/health");
    restored.complete();
    HttpResponse<String> serving = HttpGet.get(port, "/health");
    failed.set(true);
    HttpResponse<String> storeFailed = HttpGet.get(port, "/health");

    assertThat(restoring.statusCode()).isEqualTo(503);
    assertThat(new JsonObject(restoring.body())).isEqualTo(new JsonObject().put("status", "DOWN").put("node", "Slow")
        .put("reason", "restoring its store"));
    assertThat(serving.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(serving.body()).getString("status")).isEqualTo("UP");
    assertThat(storeFailed.statusCode()).isEqualTo(503);
    assertThat(new JsonObject(storeFailed.body())).isEqualTo(new JsonObject().put("status", "DOWN")
        .put("node", "Slow").put("reason", "store failed: writes refused"));
  }

  @Test
  void statusShowsTheLinkOfALinkedPairAndCountsThatChangeWithAnIamatAndAPut(Vertx vertx) throws Exception {
    JsonObject[] pair = linkedPair();
    TestNodes.deploy(vertx, pair[0]);
    TestNodes.deploy(vertx, pair[1]);
    JsonObject before = statusOnce(pair[0], HttpFaceTest::linkUpWithFace);

    TcpClient.exchange(pair[0].getInteger("port"), "IAMAT kiwi.cs.ucla.edu +34.068930-118.445127 1520023934.9\n");
    TcpClient.exchange(pair[0].getInteger("metricsPort"), "put serv.cpu 42.3 1619445320\n");
    JsonObject after = statusOnce(pair[0], s -> s.getJsonObject("counters").getInteger("metrics.points") == 1);
    JsonObject neighbour = statusOnce(pair[1], s -> s.getJsonObject("counters").getInteger("metrics.points") == 1
        && s.getJsonObject("counters").getInteger("locations") == 1);

    assertThat(before.getString("node")).isEqualTo(pair[0].getString("name"));
    assertThat(before.getString("version")).isEqualTo("dev");
    assertThat(before.getBoolean("serving")).isTrue();
    assertThat(before.getString("durability")).isEqualTo("write");
    assertThat(before.getLong("uptimeSeconds")).isGreaterThanOrEqualTo(0);
    assertThat(before.getJsonObject("ports")).isEqualTo(new JsonObject()
        .put("herd", pair[0].getInteger("port")).put("peer", pair[0].getInteger("peerPort"))
        .put("http", pair[0].getInteger("httpPort")).put("metrics", pair[0].getInteger("metricsPort")));
    JsonArray links = before.getJsonArray("links");
    assertThat(links).hasSize(1);
    JsonObject link = links.getJsonObject(0);
    assertThat(link.getString("neighbour")).isEqualTo(pair[1].getString("name"));
    assertThat(link.getBoolean("up")).isTrue();
    assertThat(link.getBoolean("authenticated")).isTrue();
    assertThat(link.getString("direction")).isIn("dialled", "accepted");
    assertThat(link.getString("since")).isNotNull();
    assertThat(link.getString("http")).isEqualTo("http://127.0.0.1:" + pair[1].getInteger("httpPort"));
    assertThat(link.getJsonObject("in").fieldNames()).containsExactlyInAnyOrder("messages", "bytes");
    assertThat(link.getJsonObject("catchUp").getString("lastAsked")).isNotNull();
    assertThat(before.getJsonObject("counters").getInteger("locations")).isZero();
    assertThat(before.getJsonObject("counters").getString("places.provider")).isEqualTo("offline");

    assertThat(after.getJsonObject("counters").getInteger("locations")).isEqualTo(1);
    assertThat(after.getJsonObject("updates").getJsonObject("AT").getLong("accepted")).isEqualTo(1);
    assertThat(after.getJsonObject("updates").getJsonObject("PUT").getLong("accepted")).isEqualTo(1);
    assertThat(after.getJsonArray("links").getJsonObject(0).getJsonObject("out").getLong("bytes"))
        .isGreaterThan(link.getJsonObject("out").getLong("bytes"));
    assertThat(neighbour.getJsonObject("counters").getInteger("locations")).isEqualTo(1);
    assertThat(neighbour.getJsonObject("counters").getInteger("metrics.points")).isEqualTo(1);
    assertThat(neighbour.getJsonObject("updates").getJsonObject("AT").getLong("received")).isEqualTo(1);
  }

  @Test
  void metricsServeHerdMetersAndVertxNetMetersInPrometheusText() throws Exception {
    Vertx metered = Vertx.vertx(new VertxOptions().setMetricsOptions(HerdLauncher.metricsOptions()));
    try {
      JsonObject config = node("Meg");
      String name = config.getString("name");
      TestNodes.deploy(metered, config);
      TcpClient.exchange(config.getInteger("port"), "IAMAT kiwi +34.068930-118.445127 1520023934.9\nnonsense\n");
      TcpClient.exchange(config.getInteger("metricsPort"), "put serv.cpu 42.3 1619445320\nget serv.cpu\n");

      HttpResponse<String> response = HttpGet.get(config.getInteger("httpPort"), "/metrics");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("content-type").orElseThrow()).startsWith("text/plain");
      assertThat(response.body().lines()).contains(
          "herd_updates_accepted_total{kind=\"AT\",node=\"" + name + "\"} 1.0",
          "herd_updates_accepted_total{kind=\"PUT\",node=\"" + name + "\"} 1.0",
          "herd_client_commands_total{command=\"IAMAT\",node=\"" + name + "\",outcome=\"ok\",protocol=\"herd\"} 1.0",
          "herd_client_commands_total{command=\"invalid\",node=\"" + name + "\",outcome=\"error\",protocol=\"herd\"}"
              + " 1.0",
          "herd_client_commands_total{command=\"put\",node=\"" + name + "\",outcome=\"ok\",protocol=\"metrics\"} 1.0",
          "herd_client_commands_total{command=\"get\",node=\"" + name + "\",outcome=\"ok\",protocol=\"metrics\"} 1.0");
      assertThat(response.body()).contains("herd_updates_flooded_total{kind=\"AT\"", "herd_catchup_bytes_sent_total");
      assertThat(response.body()).contains(
          "vertx_net_server_bytes_read_total{local=\"127.0.0.1:" + config.getInteger("port") + "\"} 55.0",
          "vertx_net_server_active_connections{local=\"127.0.0.1:" + config.getInteger("metricsPort") + "\"}",
          "vertx_http_server_active_connections{local=\"127.0.0.1:" + config.getInteger("httpPort") + "\"}");
    } finally {
      metered.close().await();
    }
  }

  @Test
  void aNodeStartedAgainInTheSameVertxReportsItsNewCounts() {
    Vertx metered = Vertx.vertx(new VertxOptions().setMetricsOptions(HerdLauncher.metricsOptions()));
    try {
      JsonObject config = node("Ray");
      String accepted = "herd_updates_accepted_total{kind=\"AT\",node=\"" + config.getString("name") + "\"} ";
      String first = TestNodes.deploy(metered, config);
      TcpClient.exchange(config.getInteger("port"), "IAMAT kiwi +34.068930-118.445127 1520023934.9\n");
      metered.undeploy(first).await();
      // The same node on new ports: Vert.x may still hold the old HTTP server's port a moment after the undeploy.
      JsonObject again = config.copy().put("port", FreePorts.next()).put("peerPort", FreePorts.next())
          .put("httpPort", FreePorts.next()).put("metricsPort", FreePorts.next());
      TestNodes.deploy(metered, again);

      String before = HttpGet.get(again.getInteger("httpPort"), "/metrics").body();
      TcpClient.exchange(again.getInteger("port"), "IAMAT kiwi +34.068930-118.445127 1520023935.9\n");
      TcpClient.exchange(again.getInteger("port"), "IAMAT kiwi +34.068930-118.445127 1520023936.9\n");
      String after = HttpGet.get(again.getInteger("httpPort"), "/metrics").body();

      assertThat(before).contains(accepted + "0.0");
      assertThat(after).contains(accepted + "2.0");
    } finally {
      metered.close().await();
    }
  }

  @Test
  void placesSearchesAreTimedByStatus(Vertx vertx) {
    JsonObject config = node("Tim");
    TestNodes.deploy(vertx, config);
    String name = config.getString("name");
    TcpClient.exchange(config.getInteger("port"), "IAMAT kiwi +34.068930-118.445127 1520023934.9\n");
    assertThat(TcpClient.exchange(config.getInteger("port"), "WHATSAT kiwi 10 5\n")).contains("\"status\" : \"OK\"");

    String metrics = HttpGet.get(config.getInteger("httpPort"), "/metrics").body();

    assertThat(metrics).contains("herd_places_requests_seconds_count{node=\"" + name + "\",status=\"OK\"} 1",
        "herd_places_requests_seconds_bucket{node=\"" + name + "\",status=\"OK\",le=\"+Inf\"} 1",
        "herd_client_commands_total{command=\"WHATSAT\",node=\"" + name + "\",outcome=\"ok\",protocol=\"herd\"} 1.0");
  }

  @Test
  void theEventStreamSendsTheStatusAndThenEachCommittedUpdateAndTheClients(Vertx vertx) throws Exception {
    JsonObject config = node("Eve");
    TestNodes.deploy(vertx, config);
    HttpResponse<Stream<String>> response = HttpGet.CLIENT.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + config.getInteger("httpPort") + "/events")).build(),
        HttpResponse.BodyHandlers.ofLines());
    try (Stream<String> lines = response.body()) {
      Iterator<String> events = lines.iterator();
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("content-type")).hasValue("text/event-stream");
      assertThat(events.next()).isEqualTo("event: status");
      JsonObject first = new JsonObject(events.next().substring("data: ".length()));
      assertThat(first.getJsonObject("status").getString("node")).isEqualTo(config.getString("name"));
      assertThat(first.getJsonArray("updates")).isEmpty();
      assertThat(first.getJsonArray("clients")).isEmpty();

      TcpClient.exchange(config.getInteger("port"), "IAMAT kiwi +34.068930-118.445127 1520023934.9\n");
      JsonObject next;
      do {
        assertThat(events.next()).isEmpty();
        assertThat(events.next()).isEqualTo("event: status");
        next = new JsonObject(events.next().substring("data: ".length()));
      } while (next.getJsonArray("updates").isEmpty());

      JsonObject update = next.getJsonArray("updates").getJsonObject(0);
      assertThat(update.getString("kind")).isEqualTo("AT");
      assertThat(update.getString("origin")).isEqualTo(config.getString("name"));
      assertThat(update.getString("from")).isNull();
      assertThat(update.getString("text")).endsWith(" kiwi +34.068930-118.445127 1520023934.9");
      assertThat(next.getJsonArray("clients")).containsExactly(new JsonObject().put("client", "kiwi")
          .put("server", config.getString("name")).put("lat", 34.06893).put("lon", -118.445127)
          .put("time", "1520023934.9"));
    }
  }

  @Test
  void aNodeWithoutMetricsOnItsVertxStillServesItsOwnMeters(Vertx vertx) {
    JsonObject config = node("Pia");
    TestNodes.deploy(vertx, config);
    TcpClient.exchange(config.getInteger("port"), "IAMAT kiwi +34.068930-118.445127 1520023934.9\n");

    HttpResponse<String> response = HttpGet.get(config.getInteger("httpPort"), "/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("herd_updates_accepted_total{kind=\"AT\",node=\"" + config.getString("name")
        + "\"} 1.0");
  }

  @Test
  void malformedHugeAndUnknownRequestsGet4xxWithoutAStackTrace(Vertx vertx) {
    JsonObject config = node("Mal");
    TestNodes.deploy(vertx, config);
    int port = config.getInteger("httpPort");

    String garbage = TcpClient.exchange(port, "GARBAGE\r\n\r\n");
    String longLine = TcpClient.exchange(port, "GET /" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
    String hugeHeader = TcpClient.exchange(port, "GET /status HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000)
        + "\r\n\r\n");
    HttpResponse<String> unknown = HttpGet.get(port, "/no/such/thing");
    HttpResponse<String> traversal = HttpGet.get(port, "/../../pom.xml");
    HttpResponse<String> post = HttpGet.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/status"))
        .POST(HttpRequest.BodyPublishers.ofString("x".repeat(100_000))));

    assertThat(garbage).matches("(?s)HTTP/1\\.[01] 400 .*");
    assertThat(longLine).matches("(?s)HTTP/1\\.[01] 414 .*");
    assertThat(hugeHeader).matches("(?s)HTTP/1\\.[01] 431 .*");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(traversal.statusCode()).isEqualTo(404);
    assertThat(post.statusCode()).isEqualTo(405);
    for (String body : new String[] {garbage, longLine, hugeHeader, unknown.body(), traversal.body(), post.body()}) {
      assertThat(body).doesNotContain("Exception").doesNotContain("\tat ");
    }
  }

  @Test
  void thePageAndItsAssetsComeFromTheJar(Vertx vertx) {
    JsonObject config = node("Pam");
    TestNodes.deploy(vertx, config);
    int port = config.getInteger("httpPort");

    HttpResponse<String> page = HttpGet.get(port, "/");
    HttpResponse<String> script = HttpGet.get(port, "/herd.js");
    HttpResponse<String> world = HttpGet.get(port, "/world.json");
    HttpResponse<String> classFile = HttpGet.get(port, "/HttpService.class");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("content-type").orElseThrow()).startsWith("text/html");
    assertThat(page.body()).contains("<script src=\"herd.js\"></script>").doesNotContain("http://", "https://");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(world.statusCode()).isEqualTo(200);
    JsonArray points = new JsonObject(world.body()).getJsonArray("points");
    assertThat(points.size()).isEven().isBetween(2_000, 40_000);
    assertThat(classFile.statusCode()).isEqualTo(404);
  }
}
