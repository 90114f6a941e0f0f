package herd.places;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.slf4j.Logger;

/** Google's legacy Nearby Search: {@code GET <url>?location=<lat>,<lng>&radius=<metres>&key=<key>}. */
public final class GoogleLegacyPlaces implements PlacesProvider {

  private final WebClient client;
  private final PlacesConfig config;
  private final String apiKey;
  private final Logger log;

  public GoogleLegacyPlaces(WebClient client, PlacesConfig config, Logger log) {
    this.client = client;
    this.config = config;
    this.apiKey = config.apiKey();
    this.log = log;
  }

  @Override
  public Future<ObjectNode> nearby(PlacesQuery query) {
    String location = query.latitude() + "," + query.longitude();
    long started = System.nanoTime();
    return client.getAbs(config.url())
        .addQueryParam("location", location)
        .addQueryParam("radius", query.radiusParameter())
        .addQueryParam("key", apiKey)
        .timeout(config.timeoutMillis())
        .send()
        .map(response -> answer(response, query, started))
        .recover(error -> {
          String reason = withoutKey(String.valueOf(error.getMessage()));
          log.warn("google location={} radius={} failed after {} ms: {}", location, query.radiusParameter(),
              elapsedMillis(started), reason);
          return Future.succeededFuture(PlacesJson.error("UNKNOWN_ERROR", "The Places request failed: " + reason));
        });
  }

  private ObjectNode answer(HttpResponse<Buffer> response, PlacesQuery query, long started) {
    Buffer body = response.body();
    ObjectNode json = body == null ? null : PlacesJson.parseObject(body.getBytes());
    String status = json != null && json.hasNonNull("status") ? json.get("status").asText() : "not JSON";
    log.info("google location={},{} radius={} -> HTTP {} status {} in {} ms", query.latitude(), query.longitude(),
        query.radiusParameter(), response.statusCode(), status, elapsedMillis(started));
    if (json == null) {
      return PlacesJson.error("UNKNOWN_ERROR",
          "The Places service answered HTTP " + response.statusCode() + " with a body that is not JSON");
    }
    return json;
  }

  /** Error messages may quote the request URI, which carries the key. */
  private String withoutKey(String message) {
    return apiKey.isEmpty() ? message : message.replace(apiKey, "<key>");
  }

  private static long elapsedMillis(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }
}
