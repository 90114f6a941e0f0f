package herd.places;

import herd.places.cache.CachedPlaces;
import herd.places.cache.UpstreamGate;
import herd.places.google.GoogleNewPlaces;
import herd.places.offline.OfflinePlaces;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.slf4j.Logger;

/** Creates the node's one provider, as its config names it; remote ones behind the node's cache and gate. */
public final class PlacesProviders {

  private PlacesProviders() {
  }

  /** The provider, ready to take searches; throws {@link herd.node.ConfigException} if it cannot start. */
  public static PlacesProvider start(Vertx vertx, PlacesConfig config, Logger log) {
    if (config.provider() == ProviderName.OFFLINE) {
      log.info("provider offline (GeoNames gazetteer)");
      if (!config.url().isEmpty()) {
        log.warn("places.url {} is not used by the offline provider", config.url());
      }
      return OfflinePlaces.start(vertx, OfflinePlaces.RESOURCE, log);
    }
    if (config.key().isEmpty()) {
      log.warn("provider {} has no API key: ${} is not set", config.provider(), config.apiKeyEnv());
    }
    log.info("provider {} at {}", config.provider(), config.url());
    WebClient client = WebClient.create(vertx, new WebClientOptions().setUserAgent("herd"));
    PlacesProvider remote = config.provider() == ProviderName.GOOGLE
        ? new GoogleLegacyPlaces(client, config, log)
        : new GoogleNewPlaces(client, config, log);
    return new CachedPlaces(vertx, config.provider(), remote, config.cache(), new UpstreamGate(config.maxConcurrent()),
        System::nanoTime, log);
  }
}
