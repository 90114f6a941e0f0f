package herd.places;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.ext.web.client.WebClient;
import org.slf4j.Logger;

/**
 * Google's legacy Nearby Search: {@code GET <url>?location=<lat>,<lng>&radius=<metres>&key=<key>}. Its answer is
 * already in the shape the herd prints, so it passes through.
 */
public final class GoogleLegacyPlaces implements PlacesProvider {

  private final WebClient client;
  private final PlacesConfig config;
  private final UpstreamLog upstream;

  public GoogleLegacyPlaces(WebClient client, PlacesConfig config, Logger log) {
    this.client = client;
    this.config = config;
    this.upstream = new UpstreamLog(ProviderName.GOOGLE, config.key(), log);
  }

  @Override
  public Future<ObjectNode> nearby(PlacesQuery query) {
    long started = System.nanoTime();
    return client.getAbs(config.url())
        .addQueryParam("location", query.latitude() + "," + query.longitude())
        .addQueryParam("radius", query.radiusParameter())
        .addQueryParam("key", config.apiKey())
        .timeout(config.timeoutMillis())
        .send()
        .map(response -> upstream.answered(query, response, (status, json) -> json, started))
        .recover(error -> Future.succeededFuture(upstream.failed(query, error, started)));
  }
}
