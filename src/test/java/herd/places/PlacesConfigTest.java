package herd.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herd.node.ConfigException;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlacesConfigTest {

  private static final UnaryOperator<String> NO_KEY = name -> null;
  private static final UnaryOperator<String> KEY = Map.of("GOOGLE_PLACES_API_KEY", " AIzaKey ")::get;

  private static PlacesConfig parse(String places, UnaryOperator<String> environment) {
    return PlacesConfig.from(new JsonObject("{\"places\": " + places + "}"), environment);
  }

  @Test
  void withoutAKeyTheDefaultIsOfflineWithDefaultLimits() {
    PlacesConfig config = PlacesConfig.from(new JsonObject(), NO_KEY);
    assertThat(config.provider()).isEqualTo(ProviderName.OFFLINE);
    assertThat(config.url()).isEmpty();
    assertThat(config.apiKeyEnv()).isEqualTo("GOOGLE_PLACES_API_KEY");
    assertThat(config.apiKey()).isEmpty();
    assertThat(config.timeoutMillis()).isEqualTo(5_000);
    assertThat(config.cache()).isEqualTo(new PlacesConfig.CacheSettings(60_000, 3, 10_000));
    assertThat(config.maxConcurrent()).isEqualTo(4);
  }

  @Test
  void withAKeyTheDefaultIsTheNewApi() {
    PlacesConfig config = parse("{\"apiKeyEnv\": \"GOOGLE_PLACES_API_KEY\"}", KEY);
    assertThat(config.provider()).isEqualTo(ProviderName.GOOGLE_NEW);
    assertThat(config.url()).isEqualTo("https://places.googleapis.com/v1/places:searchNearby");
    assertThat(config.apiKey()).isEqualTo("AIzaKey");
  }

  @Test
  void theLegacyApiHasItsOwnDefaultUrl() {
    PlacesConfig config = parse("{\"provider\": \"google\"}", KEY);
    assertThat(config.provider()).isEqualTo(ProviderName.GOOGLE);
    assertThat(config.url()).isEqualTo("https://maps.googleapis.com/maps/api/place/nearbysearch/json")
        .isEqualTo(PlacesConfig.GOOGLE_LEGACY_URL);
  }

  @Test
  void aNamedProviderWinsOverTheKeyAndAGivenUrlOverTheDefault() {
    PlacesConfig config = parse("{\"provider\": \"offline\"}", KEY);
    assertThat(config.provider()).isEqualTo(ProviderName.OFFLINE);
    config = parse("{\"provider\": \"google-new\", \"url\": \"http://127.0.0.1:9/x\", \"apiKeyEnv\": \"MY_KEY\","
        + "\"timeoutMillis\": 250, \"cacheSeconds\": 5, \"cacheDecimals\": 0, \"cacheEntries\": 7,"
        + "\"maxConcurrent\": 2}", Map.of("MY_KEY", "k")::get);
    assertThat(config).isEqualTo(new PlacesConfig(ProviderName.GOOGLE_NEW, "http://127.0.0.1:9/x", "MY_KEY", 250,
        new PlacesConfig.CacheSettings(5_000, 0, 7), 2, config.key()));
    assertThat(config.apiKey()).isEqualTo("k");
  }

  @Test
  void theKeyNeverPrints() {
    PlacesConfig config = parse("{}", KEY);
    assertThat(config.toString()).doesNotContain("AIzaKey").contains("key=<key>");
    assertThat(config.key().redact("GET /x?key=AIzaKey&y=AIzaKey")).isEqualTo("GET /x?key=<key>&y=<key>");
    assertThat(ApiKey.NONE.redact("nothing to hide")).isEqualTo("nothing to hide");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "'[]'|config key \"places\" must be an object",
      "{\"provider\": \"bing\"}|config key \"places.provider\" must be one of \"offline\", \"google\", "
          + "\"google-new\", not \"bing\"",
      "{\"provider\": 3}|config key \"places.provider\" must be a string, not 3",
      "{\"timeoutMillis\": 0}|config key \"places.timeoutMillis\" must be positive, not 0",
      "{\"cacheSeconds\": -1}|config key \"places.cacheSeconds\" must be positive, not -1",
      "{\"cacheEntries\": \"many\"}|config key \"places.cacheEntries\" must be an integer, not many",
      "{\"cacheDecimals\": 8}|config key \"places.cacheDecimals\" must be from 0 to 7, not 8",
      "{\"maxConcurrent\": 0}|config key \"places.maxConcurrent\" must be positive, not 0",
      "{\"key\": \"AIza\"}|unknown config key \"places.key\"; known: apiKeyEnv, cacheDecimals, cacheEntries, "
          + "cacheSeconds, maxConcurrent, provider, timeoutMillis, url"})
  void badSectionsAreRefusedWithOneClearLine(String places, String message) {
    assertThatThrownBy(() -> parse(places, NO_KEY)).isInstanceOf(ConfigException.class).hasMessage(message);
  }
}
