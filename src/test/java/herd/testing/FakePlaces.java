package herd.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A local HTTP server playing Google's legacy Nearby Search: records each request and answers as told. */
public final class FakePlaces implements AutoCloseable {

  /** What the fake received: method, path, query string parameters and headers. */
  public record Request(String method, String path, String location, String radius, String key, String query) {
  }

  private final Vertx vertx;
  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile int status = 200;
  private volatile String body = "{}";
  private volatile long delayMillis;

  private FakePlaces(Vertx vertx) {
    this.vertx = vertx;
    this.server = vertx.createHttpServer().requestHandler(this::handle);
  }

  public static FakePlaces start(Vertx vertx) {
    FakePlaces fake = new FakePlaces(vertx);
    fake.server.listen(0, "127.0.0.1").await();
    return fake;
  }

  public String url() {
    return "http://127.0.0.1:" + server.actualPort() + "/maps/api/place/nearbysearch/json";
  }

  public FakePlaces answer(int status, String body) {
    this.status = status;
    this.body = body;
    return this;
  }

  public FakePlaces delay(long millis) {
    this.delayMillis = millis;
    return this;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpServerRequest request) {
    requests.add(new Request(request.method().name(), request.path(), request.getParam("location"),
        request.getParam("radius"), request.getParam("key"), request.query()));
    HttpServerResponse response = request.response().setStatusCode(status)
        .putHeader("content-type", "application/json; charset=UTF-8");
    if (delayMillis > 0) {
      vertx.setTimer(delayMillis, t -> response.end(body));
    } else {
      response.end(body);
    }
  }

  @Override
  public void close() {
    server.close().await();
  }
}
