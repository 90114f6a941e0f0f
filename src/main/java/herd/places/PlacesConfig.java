package herd.places;

import herd.node.ConfigException;
import herd.node.NodeConfig;
import io.vertx.core.json.JsonObject;

/**
 * The {@code places} section of a node config.
 *
 * @param url           the Nearby Search endpoint
 * @param apiKeyEnv     the environment variable that holds the API key (the key itself is never in a file)
 * @param timeoutMillis how long one upstream request may take
 */
public record PlacesConfig(String url, String apiKeyEnv, int timeoutMillis) {

  public static final String GOOGLE_LEGACY_URL = "https://maps.googleapis.com/maps/api/place/nearbysearch/json";

  public static PlacesConfig from(JsonObject nodeConfig) {
    Object section = nodeConfig.getValue("places");
    JsonObject places;
    if (section == null) {
      places = new JsonObject();
    } else if (section instanceof JsonObject object) {
      places = object;
    } else {
      throw new ConfigException("config key \"places\" must be an object");
    }
    return new PlacesConfig(
        NodeConfig.optionalString(places, "url", GOOGLE_LEGACY_URL),
        NodeConfig.optionalString(places, "apiKeyEnv", "GOOGLE_PLACES_API_KEY"),
        NodeConfig.positiveInt(places, "timeoutMillis", 5_000));
  }

  /** The API key from the environment, or an empty string when it is not set. */
  public String apiKey() {
    String key = System.getenv(apiKeyEnv);
    return key == null ? "" : key.trim();
  }
}
