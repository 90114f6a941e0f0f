package herd.places;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.slf4j.Logger;

/**
 * A Places web service: one HTTP request a search, its answer turned into the legacy shape, transport failures
 * (timeouts, refused connections) and bodies that are not JSON turned into {@code UNKNOWN_ERROR}. Each call is
 * logged with its latency and outcome; nothing logged or answered contains the API key.
 */
public abstract class RemotePlaces implements PlacesProvider {

  private final ProviderName name;
  private final WebClient client;
  private final PlacesConfig config;
  private final Logger log;

  protected RemotePlaces(ProviderName name, WebClient client, PlacesConfig config, Logger log) {
    this.name = name;
    this.client = client;
    this.config = config;
    this.log = log;
  }

  /** Sends the search, with the config's URL, key and timeout. */
  protected abstract Future<HttpResponse<Buffer>> send(WebClient client, PlacesConfig config, PlacesQuery query);

  /** The legacy answer for an HTTP status and the JSON object that came with it. */
  protected abstract ObjectNode toLegacy(int httpStatus, ObjectNode body);

  @Override
  public final Future<ObjectNode> nearby(PlacesQuery query) {
    long started = System.nanoTime();
    return send(client, config, query)
        .map(response -> answered(query, response, started))
        .recover(error -> Future.succeededFuture(failed(query, error, started)));
  }

  private ObjectNode answered(PlacesQuery query, HttpResponse<Buffer> response, long started) {
    int httpStatus = response.statusCode();
    Buffer body = response.body();
    ObjectNode json = body == null ? null : PlacesJson.parseObject(body.getBytes());
    ObjectNode answer = json == null
        ? PlacesJson.error("UNKNOWN_ERROR", "The Places service answered HTTP " + httpStatus
            + " with a body that is not JSON")
        : toLegacy(httpStatus, json);
    JsonNode message = answer.get("error_message");
    if (message != null && message.isTextual()) {
      answer.put("error_message", config.key().redact(message.textValue()));
    }
    log.info("{} location={},{} radius={} -> HTTP {} status {} in {} ms", name, query.latitude(),
        query.longitude(), query.radiusParameter(), httpStatus, answer.path("status").asText("none"),
        elapsedMillis(started));
    return answer;
  }

  private ObjectNode failed(PlacesQuery query, Throwable error, long started) {
    String reason = config.key().redact(String.valueOf(error.getMessage()));
    log.warn("{} location={},{} radius={} failed after {} ms: {}", name, query.latitude(), query.longitude(),
        query.radiusParameter(), elapsedMillis(started), reason);
    return PlacesJson.error("UNKNOWN_ERROR", "The Places request failed: " + reason);
  }

  private static long elapsedMillis(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }
}
