package herd.testing;

import herd.places.PlacesConfig;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A local HTTP server playing a Google Places endpoint: it records each request and answers as told. */
public final class FakeGoogle {

  /** One request as the server received it. */
  public record Received(
      String method, String path, String rawQuery, MultiMap query, MultiMap headers, String body) {
  }

  /** What the server answers: status, body, and how long it waits first. */
  public record Answer(int status, String body, long delayMillis) {
    public static Answer json(int status, String body) {
      return new Answer(status, body, 0);
    }
  }

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Vertx vertx;
  private final HttpServer server;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private volatile Answer answer = Answer.json(200, "{}");

  private FakeGoogle(Vertx vertx, HttpServer server) {
    this.vertx = vertx;
    this.server = server;
  }

  public static Future<FakeGoogle> start(Vertx vertx) {
    HttpServer server = vertx.createHttpServer();
    FakeGoogle fake = new FakeGoogle(vertx, server);
    server.requestHandler(fake::handle);
    return server.listen(0, "127.0.0.1").map(fake);
  }

  private void handle(HttpServerRequest request) {
    request.body().onSuccess(body -> {
      received.add(new Received(request.method().name(), request.path(), request.query(),
          MultiMap.caseInsensitiveMultiMap().addAll(request.params()),
          MultiMap.caseInsensitiveMultiMap().addAll(request.headers()), body.toString()));
      Answer now = answer;
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      Runnable respond = () -> {
        inFlight.decrementAndGet();
        request.response().setStatusCode(now.status())
            .putHeader("Content-Type", "application/json; charset=UTF-8").end(now.body());
      };
      if (now.delayMillis() > 0) {
        vertx.setTimer(now.delayMillis(), id -> respond.run());
      } else {
        respond.run();
      }
    });
  }

  public void answer(Answer next) {
    answer = next;
  }

  /** A config for the provider at this server's path, the key in its environment and a one-second timeout. */
  public PlacesConfig config(String provider, String path, String key) {
    return PlacesConfig.from(new JsonObject().put("places", new JsonObject().put("provider", provider)
        .put("url", url(path)).put("timeoutMillis", 1_000)), Map.of("GOOGLE_PLACES_API_KEY", key)::get);
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.actualPort() + path;
  }

  /** The most requests the server was answering at once. */
  public int maxInFlight() {
    return maxInFlight.get();
  }

  public List<Received> received() {
    return received;
  }

  public Future<Void> close() {
    return server.close();
  }
}
