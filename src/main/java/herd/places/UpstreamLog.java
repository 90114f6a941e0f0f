package herd.places;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.util.function.BiFunction;
import org.slf4j.Logger;

/**
 * Logs each call to a remote Places service with its latency and outcome, and turns transport failures into
 * Google's error shape. Nothing it logs or answers contains the API key.
 */
public final class UpstreamLog {

  private final ProviderName provider;
  private final ApiKey key;
  private final Logger log;

  public UpstreamLog(ProviderName provider, ApiKey key, Logger log) {
    this.provider = provider;
    this.key = key;
    this.log = log;
  }

  /** Logs an answer that arrived, with the key taken out of any {@code error_message}, and returns it. */
  private ObjectNode answered(PlacesQuery query, int httpStatus, ObjectNode answer, long startedNanos) {
    JsonNode message = answer.get("error_message");
    if (message != null && message.isTextual()) {
      answer.put("error_message", key.redact(message.textValue()));
    }
    log.info("{} location={},{} radius={} -> HTTP {} status {} in {} ms", provider, query.latitude(),
        query.longitude(), query.radiusParameter(), httpStatus, answer.path("status").asText("none"),
        elapsedMillis(startedNanos));
    return answer;
  }

  /**
   * The legacy answer for an HTTP response: its JSON object body in the legacy shape ({@code toLegacy} is given
   * the HTTP status and the body), or {@code UNKNOWN_ERROR} when the body is not a JSON object.
   */
  public ObjectNode answered(PlacesQuery query, HttpResponse<Buffer> response,
      BiFunction<Integer, ObjectNode, ObjectNode> toLegacy, long startedNanos) {
    int httpStatus = response.statusCode();
    Buffer body = response.body();
    ObjectNode json = body == null ? null : PlacesJson.parseObject(body.getBytes());
    ObjectNode answer = json == null
        ? PlacesJson.error("UNKNOWN_ERROR", "The Places service answered HTTP " + httpStatus
            + " with a body that is not JSON")
        : toLegacy.apply(httpStatus, json);
    return answered(query, httpStatus, answer, startedNanos);
  }

  /** Logs a request that got no answer (timeout, refused connection...) and returns {@code UNKNOWN_ERROR}. */
  public ObjectNode failed(PlacesQuery query, Throwable error, long startedNanos) {
    String reason = key.redact(String.valueOf(error.getMessage()));
    log.warn("{} location={},{} radius={} failed after {} ms: {}", provider, query.latitude(), query.longitude(),
        query.radiusParameter(), elapsedMillis(startedNanos), reason);
    return PlacesJson.error("UNKNOWN_ERROR", "The Places request failed: " + reason);
  }

  public static long elapsedMillis(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }
}
