package herd.places.google;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herd.places.PlacesConfig;
import herd.places.PlacesJson;
import herd.places.PlacesQuery;
import herd.places.ProviderName;
import herd.places.RemotePlaces;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.math.BigDecimal;
import org.slf4j.Logger;

/**
 * Places API (New) Nearby Search: {@code POST <url>} with the key in {@code X-Goog-Api-Key}, the wanted fields in
 * {@code X-Goog-FieldMask}, and a circle in metres as the location restriction; the answer is translated to the
 * legacy shape.
 */
public final class GoogleNewPlaces extends RemotePlaces {

  public GoogleNewPlaces(WebClient client, PlacesConfig config, Logger log) {
    super(ProviderName.GOOGLE_NEW, client, config, log);
  }

  @Override
  protected Future<HttpResponse<Buffer>> send(WebClient client, PlacesConfig config, PlacesQuery query) {
    return client.postAbs(config.url())
        .putHeader("Content-Type", "application/json")
        .putHeader("X-Goog-Api-Key", config.apiKey())
        .putHeader("X-Goog-FieldMask", NewPlacesTranslation.FIELD_MASK)
        .timeout(config.timeoutMillis())
        .sendBuffer(requestBody(query));
  }

  @Override
  protected ObjectNode toLegacy(int httpStatus, ObjectNode body) {
    return NewPlacesTranslation.toLegacy(httpStatus, body);
  }

  /** The JSON body, with the centre's digits and the radius exactly as the client gave them. */
  private static Buffer requestBody(PlacesQuery query) {
    ObjectNode body = PlacesJson.MAPPER.createObjectNode();
    body.put("maxResultCount", query.maxItems());
    ObjectNode circle = body.putObject("locationRestriction").putObject("circle");
    ObjectNode center = circle.putObject("center");
    center.put("latitude", new BigDecimal(query.latitude()));
    center.put("longitude", new BigDecimal(query.longitude()));
    circle.put("radius", new BigDecimal(query.radiusParameter()));
    try {
      return Buffer.buffer(PlacesJson.MAPPER.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values always serialises", e);
    }
  }
}
