package herd.http;

import herd.node.Endpoint;
import herd.node.NodeConfig;
import herd.node.NodeContext;
import herd.node.NodeService;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * The node's HTTP face on {@code httpPort}: {@code /health}, {@code /status}, {@code /metrics}, and a live page of
 * the herd ({@code /}, its feed {@code /events}, its map {@code /world.json}). One HTTP server per node, serving the
 * node's router, where other services mount their routes too. A config without {@code httpPort} serves no HTTP.
 * <p>
 * Neighbours tell each other where their faces are with one line on the link as it comes up
 * ({@code WEB <httpPort>}), so a page can follow the links across the herd.
 */
public final class HttpService implements NodeService {

  /** The peer message a node sends its neighbour when their link comes up: its HTTP port. */
  static final String WEB = "WEB";
  static final int IDLE_TIMEOUT_SECONDS = 60;
  static final int BODY_TIMEOUT_SECONDS = 30;
  static final int MAX_INITIAL_LINE_BYTES = 4096;
  static final int MAX_HEADER_BYTES = 8192;

  @Override
  public Set<String> configKeys() {
    return Set.of("httpPort", "httpIdleTimeoutSeconds", "httpBodyTimeoutSeconds");
  }

  @Override
  public Future<?> start(NodeContext node) {
    JsonObject json = node.config().json();
    Map<String, String> neighbourFaces = new ConcurrentHashMap<>();
    listenForNeighbourFaces(node, neighbourFaces);
    if (json.getValue("httpPort") == null) {
      node.logs().logger("node").info("HTTP face off: no httpPort in the config");
      return Future.succeededFuture();
    }
    int port = NodeConfig.checkPort("config key \"httpPort\"", NodeConfig.optionalInt(json, "httpPort", 0));
    Logger log = node.logs().logger("http");
    node.peers().onLinkUp(link -> link.send(Buffer.buffer(WEB + " " + port + "\n")));

    Instant started = Instant.now();
    StatusReport status = new StatusReport(node, started, neighbourFaces);
    RecentUpdates recent = new RecentUpdates();
    node.replica().onCommitted(recent);
    EventStream events = new EventStream(status::now, recent);
    node.peers().onLinkUp(link -> events.publish());
    node.peers().onLinkDown(link -> events.publish());
    node.vertx().setPeriodic(1000, t -> events.publish());
    node.counters().register("http.eventStreams", events::open);

    mount(node, node.http(), status, events);
    int idleSeconds = NodeConfig.positiveInt(json, "httpIdleTimeoutSeconds", IDLE_TIMEOUT_SECONDS);
    long bodyMillis = TimeUnit.SECONDS.toMillis(NodeConfig.positiveInt(json, "httpBodyTimeoutSeconds",
        BODY_TIMEOUT_SECONDS));
    HttpServerOptions options = new HttpServerOptions().setHost(node.config().host()).setPort(port)
        .setIdleTimeout(idleSeconds).setIdleTimeoutUnit(TimeUnit.SECONDS)
        .setMaxInitialLineLength(MAX_INITIAL_LINE_BYTES).setMaxHeaderSize(MAX_HEADER_BYTES)
        .setCompressionSupported(true);
    Router router = node.http();
    return node.vertx().createHttpServer(options).requestHandler(request -> {
      closeIfTheBodyIsSlow(node, request, bodyMillis);
      router.handle(request);
    }).listen()
        .recover(error -> Future.failedFuture(new IllegalStateException("cannot serve HTTP on "
            + node.config().host() + ":" + port + ": " + error.getMessage())))
        .onSuccess(server -> log.info("HTTP face on {}:{}", node.config().host(), port));
  }

  /**
   * A request with a body must have all of it within the body timeout, or its connection is closed: the idle
   * timeout alone would let a client trickling a byte every few seconds hold a connection (and a body buffer)
   * for as long as it likes.
   */
  private static void closeIfTheBodyIsSlow(NodeContext node, HttpServerRequest request, long bodyMillis) {
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    if ((length == null || length.equals("0")) && !request.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
      return;
    }
    long timer = node.vertx().setTimer(bodyMillis, t -> request.connection().close());
    request.end().onComplete(done -> node.vertx().cancelTimer(timer));
  }

  /** Records where each neighbour's face is, as the neighbour says on its link, at the address we link it at. */
  private static void listenForNeighbourFaces(NodeContext node, Map<String, String> faces) {
    node.peers().register(WEB, (link, line) -> {
      Endpoint peer = node.config().neighbours().get(link.neighbour());
      String port = line.substring(Math.min(line.length(), WEB.length() + 1)).trim();
      if (peer != null && port.matches("\\d{1,5}")) {
        faces.put(link.neighbour(), "http://" + new Endpoint(peer.host(), Integer.parseInt(port)));
      }
    });
  }

  private static void mount(NodeContext node, Router router, StatusReport status, EventStream events) {
    router.get("/health").handler(new Health(node.name(), node.replica().ready(), node.replica()::failed));
    router.get("/status").handler(ctx -> ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .putHeader("Access-Control-Allow-Origin", "*")
        .end(status.now().encodePrettily()));
    router.get("/metrics").handler(PrometheusScrapingHandler.create(node.meters().registry()));
    router.get("/events").handler(events::open);
    router.get("/world.json").handler(ctx -> WorldOutline.json(node.vertx()).onComplete(outline -> {
      if (outline.succeeded()) {
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
            .putHeader(HttpHeaders.CACHE_CONTROL, "max-age=86400").end(outline.result());
      } else {
        ctx.fail(500, outline.cause());
      }
    }));
    router.get().handler(StaticHandler.create("herd/http/page").setCachingEnabled(false).setIncludeHidden(false));
  }
}
