package herd.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The page's live feed ({@code GET /events}, server-sent events): a {@code status} event (the node's
 * {@code /status}, the updates committed since the last one, and the clients' locations when they changed) when a
 * browser connects, every second, and at once whenever a neighbour's link goes up or down. At most
 * {@value #MAX_STREAMS} browsers at a time; more get 503. A stream that cannot keep up is closed.
 */
final class EventStream {

  static final int MAX_STREAMS = 32;
  /** A browser this far behind in reading is dropped rather than buffered for. */
  private static final int MAX_QUEUED_BYTES = 1 << 20;

  private final Supplier<JsonObject> status;
  private final RecentUpdates recent;
  private final Map<HttpServerResponse, Cursor> streams = new ConcurrentHashMap<>();

  /** Where one browser is: the last update and the version of the clients it was sent. */
  private static final class Cursor {
    long seq;
    long clientsVersion = -1;
  }

  EventStream(Supplier<JsonObject> status, RecentUpdates recent) {
    this.status = status;
    this.recent = recent;
  }

  void open(RoutingContext ctx) {
    HttpServerResponse response = ctx.response();
    if (streams.size() >= MAX_STREAMS) {
      response.setStatusCode(503).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain").end("too many event streams\n");
      return;
    }
    response.setChunked(true)
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
        .setWriteQueueMaxSize(MAX_QUEUED_BYTES);
    Cursor cursor = new Cursor();
    cursor.seq = Math.max(0, recent.lastSeq() - RecentUpdates.CAPACITY);
    streams.put(response, cursor);
    response.closeHandler(v -> streams.remove(response));
    response.exceptionHandler(e -> streams.remove(response));
    send(response, cursor, status.get());
  }

  /** Sends every browser the status now; called every second and on each link change. */
  void publish() {
    if (streams.isEmpty()) {
      return;
    }
    JsonObject now = status.get();
    streams.forEach((response, cursor) -> send(response, cursor, now));
  }

  private void send(HttpServerResponse response, Cursor cursor, JsonObject status) {
    if (response.writeQueueFull()) {
      streams.remove(response);
      response.reset();
      return;
    }
    JsonObject event = new JsonObject().put("status", status);
    synchronized (cursor) {
      JsonArray updates = recent.since(cursor.seq);
      if (!updates.isEmpty()) {
        cursor.seq = updates.getJsonObject(updates.size() - 1).getLong("seq");
      }
      event.put("updates", updates);
      long clientsVersion = recent.clientsVersion();
      if (clientsVersion != cursor.clientsVersion) {
        cursor.clientsVersion = clientsVersion;
        event.put("clients", recent.clients());
      }
    }
    response.write("event: status\ndata: " + event.encode() + "\n\n");
  }

  int open() {
    return streams.size();
  }
}
