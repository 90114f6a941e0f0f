package herd.places;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.slf4j.Logger;

/**
 * Google's legacy Nearby Search: {@code GET <url>?location=<lat>,<lng>&radius=<metres>&key=<key>}. Its answer is
 * already in the shape the herd prints, so it passes through.
 */
public final class GoogleLegacyPlaces extends RemotePlaces {

  public GoogleLegacyPlaces(WebClient client, PlacesConfig config, Logger log) {
    super(ProviderName.GOOGLE, client, config, log);
  }

  @Override
  protected Future<HttpResponse<Buffer>> send(WebClient client, PlacesConfig config, PlacesQuery query) {
    return client.getAbs(config.url())
        .addQueryParam("location", query.latitude() + "," + query.longitude())
        .addQueryParam("radius", query.radiusParameter())
        .addQueryParam("key", config.apiKey())
        .timeout(config.timeoutMillis())
        .send();
  }

  @Override
  protected ObjectNode toLegacy(int httpStatus, ObjectNode body) {
    return body;
  }
}
