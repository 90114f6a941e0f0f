package herd.places;

import herd.testing.FakeGoogle;
import static org.assertj.core.api.Assertions.assertThat;

import herd.testing.FakeGoogle.Answer;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class GoogleLegacyPlacesTest {

  private static final String KEY = "AIzaLegacySecret123";
  private static final PlacesQuery UCLA = new PlacesQuery("34.068930", "-118.445127", new BigDecimal("10000"), 3);

  private FakeGoogle google;
  private LogCapture log;
  private GoogleLegacyPlaces places;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    log = new LogCapture("test.places.legacy." + System.nanoTime());
    FakeGoogle.start(vertx).onComplete(ctx.succeeding(fake -> {
      google = fake;
      places = new GoogleLegacyPlaces(WebClient.create(vertx),
          fake.config("google", "/maps/api/place/nearbysearch/json", KEY), log.logger());
      ctx.completeNow();
    }));
  }

  @AfterEach
  void stop(VertxTestContext ctx) {
    google.close().onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void sendsAGetWithLocationRadiusInMetresAndKey(VertxTestContext ctx) {
    google.answer(Answer.json(200, "{\"html_attributions\":[],\"results\":[],\"status\":\"ZERO_RESULTS\"}"));
    places.nearby(new PlacesQuery("34.068930", "-118.445127", new BigDecimal("1500.500"), 3))
        .onComplete(ctx.succeeding(answer -> ctx.verify(() -> {
          FakeGoogle.Received request = google.received().get(0);
          assertThat(request.method()).isEqualTo("GET");
          assertThat(request.path()).isEqualTo("/maps/api/place/nearbysearch/json");
          assertThat(request.query().get("location")).isEqualTo("34.068930,-118.445127");
          assertThat(request.query().get("radius")).isEqualTo("1500.5");
          assertThat(request.query().get("key")).isEqualTo(KEY);
          assertThat(google.received()).hasSize(1);
          ctx.completeNow();
        })));
  }

  @Test
  void passesGooglesAnswerThroughWithItsNumbersExact(VertxTestContext ctx) {
    String body = "{\"html_attributions\":[],\"results\":[{\"geometry\":{\"location\":{\"lat\":34.0689210,"
        + "\"lng\":-118.445181}},\"name\":\"UCLA\",\"rating\":4.50}],\"status\":\"OK\"}";
    google.answer(Answer.json(200, body));
    places.nearby(UCLA).onComplete(ctx.succeeding(answer -> ctx.verify(() -> {
      assertThat(GoogleJsonLayout.print(answer)).isEqualTo("""
          {
             "html_attributions" : [],
             "results" : [
                {
                   "geometry" : {
                      "location" : {
                         "lat" : 34.0689210,
                         "lng" : -118.445181
                      }
                   },
                   "name" : "UCLA",
                   "rating" : 4.50
                }
             ],
             "status" : "OK"
          }""");
      assertThat(log.lines()).containsExactly(
          "INFO google location=34.068930,-118.445127 radius=10000 -> HTTP 200 status OK in "
              + log.lines().get(0).replaceAll(".* in ", ""));
      ctx.completeNow();
    })));
  }

  @Test
  void passesGooglesErrorsThroughWithoutTheKey(VertxTestContext ctx) {
    google.answer(Answer.json(200, "{\"error_message\":\"The provided API key " + KEY + " is invalid.\","
        + "\"html_attributions\":[],\"results\":[],\"status\":\"REQUEST_DENIED\"}"));
    places.nearby(UCLA).onComplete(ctx.succeeding(answer -> ctx.verify(() -> {
      assertThat(answer.get("status").asText()).isEqualTo("REQUEST_DENIED");
      assertThat(answer.get("error_message").asText()).isEqualTo("The provided API key <key> is invalid.");
      ctx.completeNow();
    })));
  }

  @Test
  void aBodyThatIsNotJsonIsAnUnknownError(VertxTestContext ctx) {
    google.answer(Answer.json(502, "<html>Bad Gateway</html>"));
    places.nearby(UCLA).onComplete(ctx.succeeding(answer -> ctx.verify(() -> {
      assertThat(GoogleJsonLayout.print(answer)).isEqualTo("""
          {
             "error_message" : "The Places service answered HTTP 502 with a body that is not JSON",
             "html_attributions" : [],
             "results" : [],
             "status" : "UNKNOWN_ERROR"
          }""");
      ctx.completeNow();
    })));
  }

  @Test
  void aSlowAnswerTimesOutAsAnUnknownErrorThatHidesTheKey(VertxTestContext ctx) {
    google.answer(new Answer(200, "{\"status\":\"OK\"}", 4_000));
    places.nearby(UCLA).onComplete(ctx.succeeding(answer -> ctx.verify(() -> {
      assertThat(answer.get("status").asText()).isEqualTo("UNKNOWN_ERROR");
      assertThat(answer.get("error_message").asText()).startsWith("The Places request failed: ")
          .contains("timeout").doesNotContain(KEY);
      assertThat(log.lines()).hasSize(1);
      assertThat(log.lines().get(0)).startsWith("WARN google location=34.068930,-118.445127 radius=10000 failed")
          .contains("<key>").doesNotContain(KEY);
      ctx.completeNow();
    })));
  }
}
