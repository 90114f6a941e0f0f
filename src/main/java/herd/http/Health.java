package herd.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /health}: {@code 200 {"status":"UP"}} while the node serves; {@code 503 {"status":"DOWN"}} with a
 * {@code reason} while it restores its store, when the store did not open, and once the store failed (the node then
 * refuses writes). A tiny handler rather than vertx-health-check's: that module's HTTP handler lives in
 * vertx-web-healthchecks, which this build does not carry, and one check needs no registry of checks.
 */
final class Health implements Handler<RoutingContext> {

  private final String node;
  private final Future<Void> ready;
  private final BooleanSupplier failed;

  Health(String node, Future<Void> ready, BooleanSupplier failed) {
    this.node = node;
    this.ready = ready;
    this.failed = failed;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String why = !ready.isComplete() ? "restoring its store" : ready.failed() ? "store did not open"
        : failed.getAsBoolean() ? "store failed: writes refused" : null;
    JsonObject body = new JsonObject().put("status", why == null ? "UP" : "DOWN").put("node", node);
    if (why != null) {
      body.put("reason", why);
    }
    ctx.response().setStatusCode(why == null ? 200 : 503)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .putHeader("Access-Control-Allow-Origin", "*")
        .end(body.encode());
  }
}
