package herd.places;

import herd.node.ConfigException;
import herd.node.NodeConfig;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The {@code places} section of a node config.
 *
 * @param provider      who answers Nearby Searches; with none named, {@code google-new} when the key is set,
 *                      otherwise {@code offline}
 * @param url           the provider's endpoint (its default unless {@code url} is given; empty for offline)
 * @param apiKeyEnv     the environment variable that holds the API key (the key itself is never in a file)
 * @param timeoutMillis how long one upstream request may take
 * @param cache         how long and how finely upstream answers are kept
 * @param maxConcurrent the most upstream requests in flight at once; the rest wait their turn
 * @param key           the API key read from {@code apiKeyEnv} when the config was parsed
 */
public record PlacesConfig(ProviderName provider, String url, String apiKeyEnv, int timeoutMillis,
    CacheSettings cache, int maxConcurrent, ApiKey key) {

  public static final String GOOGLE_LEGACY_URL = ProviderName.GOOGLE.defaultUrl();

  private static final Set<String> KEYS = Set.of("provider", "url", "apiKeyEnv", "timeoutMillis", "cacheSeconds",
      "cacheDecimals", "cacheEntries", "maxConcurrent");

  /**
   * How upstream answers are cached.
   *
   * @param ttlMillis  how long an answer is served from the cache
   * @param decimals   the decimal places the centre is rounded to for the cache key (3 is about 100 m)
   * @param maxEntries the most answers kept; the least recently used go first
   */
  public record CacheSettings(long ttlMillis, int decimals, int maxEntries) {
  }

  public static PlacesConfig from(JsonObject nodeConfig) {
    return from(nodeConfig, System::getenv);
  }

  /** The section read with {@code environment} giving the value of an environment variable (null if unset). */
  public static PlacesConfig from(JsonObject nodeConfig, UnaryOperator<String> environment) {
    Object section = nodeConfig.getValue("places");
    JsonObject places;
    if (section == null) {
      places = new JsonObject();
    } else if (section instanceof JsonObject object) {
      places = object;
    } else {
      throw new ConfigException("config key \"places\" must be an object");
    }
    for (String key : places.fieldNames()) {
      if (!KEYS.contains(key)) {
        throw new ConfigException("unknown config key \"places." + key + "\"; known: " + String.join(", ",
            KEYS.stream().sorted().toList()));
      }
    }
    try {
      String apiKeyEnv = NodeConfig.optionalString(places, "apiKeyEnv", "GOOGLE_PLACES_API_KEY");
      ApiKey key = ApiKey.of(environment.apply(apiKeyEnv));
      ProviderName provider = provider(places, key);
      int decimals = NodeConfig.optionalInt(places, "cacheDecimals", 3);
      if (decimals < 0 || decimals > 7) {
        throw new ConfigException("config key \"cacheDecimals\" must be from 0 to 7, not " + decimals);
      }
      return new PlacesConfig(
          provider,
          NodeConfig.optionalString(places, "url", provider.defaultUrl()),
          apiKeyEnv,
          NodeConfig.positiveInt(places, "timeoutMillis", 5_000),
          new CacheSettings(1000L * NodeConfig.positiveInt(places, "cacheSeconds", 60), decimals,
              NodeConfig.positiveInt(places, "cacheEntries", 10_000)),
          NodeConfig.positiveInt(places, "maxConcurrent", 4),
          key);
    } catch (ConfigException e) {
      throw new ConfigException(e.getMessage().replace("config key \"", "config key \"places."));
    }
  }

  private static ProviderName provider(JsonObject places, ApiKey key) {
    String fallback = key.isEmpty() ? ProviderName.OFFLINE.toString() : ProviderName.GOOGLE_NEW.toString();
    String name = NodeConfig.optionalString(places, "provider", fallback);
    ProviderName provider = ProviderName.named(name);
    if (provider == null) {
      throw new ConfigException("config key \"provider\" must be one of " + ProviderName.allNames() + ", not \""
          + name + "\"");
    }
    return provider;
  }

  /** The API key, or an empty string when it is not set. */
  public String apiKey() {
    return key.value();
  }
}
