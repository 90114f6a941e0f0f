package herd.places.google;

import static org.assertj.core.api.Assertions.assertThat;

import herd.testing.FakeGoogle;
import herd.testing.FakeGoogle.Answer;
import herd.places.GoogleJsonLayout;
import herd.places.LogCapture;
import herd.places.PlacesQuery;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(VertxExtension.class)
class GoogleNewPlacesTest {

  private static final String KEY = "AIzaNewSecret456";
  private static final PlacesQuery UCLA = new PlacesQuery("34.068930", "-118.445127", new BigDecimal("10000"), 7);

  private FakeGoogle google;
  private LogCapture log;
  private GoogleNewPlaces places;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    log = new LogCapture("test.places.new." + System.nanoTime());
    FakeGoogle.start(vertx).onComplete(ctx.succeeding(fake -> {
      google = fake;
      places = new GoogleNewPlaces(WebClient.create(vertx), fake.config("google-new", "/v1/places:searchNearby", KEY),
          log.logger());
      ctx.completeNow();
    }));
  }

  @AfterEach
  void stop(VertxTestContext ctx) {
    google.close().onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void postsACircleInMetresWithTheKeyAndFieldMaskInHeaders(VertxTestContext ctx) {
    places.nearby(new PlacesQuery("34.068930", "-118.445127", new BigDecimal("1500.500"), 7))
        .onComplete(ctx.succeeding(answer -> ctx.verify(() -> {
          assertThat(google.received()).hasSize(1);
          FakeGoogle.Received request = google.received().get(0);
          assertThat(request.method()).isEqualTo("POST");
          assertThat(request.path()).isEqualTo("/v1/places:searchNearby");
          assertThat(request.query().isEmpty()).isTrue();
          assertThat(request.headers().get("X-Goog-Api-Key")).isEqualTo(KEY);
          assertThat(request.headers().get("X-Goog-FieldMask")).isEqualTo("places.id,places.displayName,"
              + "places.location,places.viewport,places.shortFormattedAddress,places.types,places.rating,"
              + "places.userRatingCount,places.businessStatus,places.priceLevel,places.iconMaskBaseUri,"
              + "places.iconBackgroundColor,places.plusCode");
          assertThat(request.headers().get("Content-Type")).isEqualTo("application/json");
          assertThat(request.body()).isEqualTo("{\"maxResultCount\":7,\"locationRestriction\":{\"circle\":"
              + "{\"center\":{\"latitude\":34.068930,\"longitude\":-118.445127},\"radius\":1500.5}}}");
          ctx.completeNow();
        })));
  }

  @Test
  void translatesTheAnswerToTheLegacyShape(VertxTestContext ctx) {
    google.answer(Answer.json(200, "{\"places\":[{\"id\":\"ChIJ1\",\"displayName\":{\"text\":\"Royce Hall\"},"
        + "\"location\":{\"latitude\":34.0728,\"longitude\":-118.4421},\"types\":[\"tourist_attraction\"],"
        + "\"shortFormattedAddress\":\"340 Royce Dr, Los Angeles\"}]}"));
    places.nearby(UCLA).onComplete(ctx.succeeding(answer -> ctx.verify(() -> {
      assertThat(GoogleJsonLayout.print(answer)).isEqualTo("""
          {
             "html_attributions" : [],
             "results" : [
                {
                   "geometry" : {
                      "location" : {
                         "lat" : 34.0728,
                         "lng" : -118.4421
                      }
                   },
                   "name" : "Royce Hall",
                   "place_id" : "ChIJ1",
                   "types" : [ "tourist_attraction" ],
                   "vicinity" : "340 Royce Dr, Los Angeles"
                }
             ],
             "status" : "OK"
          }""");
      assertThat(log.lines()).hasSize(1);
      assertThat(log.lines().get(0)).matches(
          "INFO google-new location=34.068930,-118.445127 radius=10000 -> HTTP 200 status OK in \\d+ ms");
      ctx.completeNow();
    })));
  }

  @Test
  void aDeniedKeyIsRequestDeniedWithoutTheKey(VertxTestContext ctx) {
    google.answer(Answer.json(403, "{\"error\":{\"code\":403,\"message\":\"API key " + KEY + " not valid.\","
        + "\"status\":\"PERMISSION_DENIED\"}}"));
    places.nearby(UCLA).onComplete(ctx.succeeding(answer -> ctx.verify(() -> {
      assertThat(GoogleJsonLayout.print(answer)).isEqualTo("""
          {
             "error_message" : "API key \\u003ckey\\u003e not valid.",
             "html_attributions" : [],
             "results" : [],
             "status" : "REQUEST_DENIED"
          }""");
      assertThat(log.lines().get(0)).contains("HTTP 403 status REQUEST_DENIED");
      ctx.completeNow();
    })));
  }

  @ParameterizedTest(name = "HTTP {0} {1} -> {2}")
  @CsvSource({"429, RESOURCE_EXHAUSTED, OVER_QUERY_LIMIT", "400, INVALID_ARGUMENT, INVALID_REQUEST",
      "500, INTERNAL, UNKNOWN_ERROR"})
  void errorAnswersBecomeLegacyErrors(int http, String status, String legacy, VertxTestContext ctx) {
    google.answer(Answer.json(http, "{\"error\":{\"code\":" + http + ",\"message\":\"No.\",\"status\":\""
        + status + "\"}}"));
    places.nearby(UCLA).onComplete(ctx.succeeding(answer -> ctx.verify(() -> {
      assertThat(answer.get("status").asText()).isEqualTo(legacy);
      assertThat(answer.get("error_message").asText()).isEqualTo("No.");
      assertThat(log.lines().get(0)).contains("HTTP " + http + " status " + legacy);
      ctx.completeNow();
    })));
  }

  @Test
  void aBodyThatIsNotJsonIsAnUnknownError(VertxTestContext ctx) {
    google.answer(Answer.json(200, "OK but not JSON"));
    places.nearby(UCLA).onComplete(ctx.succeeding(answer -> ctx.verify(() -> {
      assertThat(answer.get("status").asText()).isEqualTo("UNKNOWN_ERROR");
      assertThat(answer.get("error_message").asText())
          .isEqualTo("The Places service answered HTTP 200 with a body that is not JSON");
      ctx.completeNow();
    })));
  }

  @Test
  void aSlowAnswerTimesOutAsAnUnknownError(VertxTestContext ctx) {
    google.answer(new Answer(200, "{}", 4_000));
    places.nearby(UCLA).onComplete(ctx.succeeding(answer -> ctx.verify(() -> {
      assertThat(answer.get("status").asText()).isEqualTo("UNKNOWN_ERROR");
      assertThat(answer.get("error_message").asText()).startsWith("The Places request failed: ")
          .contains("timeout");
      assertThat(log.lines()).hasSize(1);
      assertThat(log.lines().get(0)).startsWith("WARN google-new location=34.068930,-118.445127 radius=10000 "
          + "failed after ");
      assertThat(String.join("\n", log.lines())).doesNotContain(KEY);
      ctx.completeNow();
    })));
  }
}
