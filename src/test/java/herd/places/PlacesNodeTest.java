package herd.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herd.testing.FakeGoogle;
import herd.testing.TcpClient;
import herd.testing.TestNodes;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** WHATSAT through a real node's herd port, with each provider, comparing the reply bytes. */
@ExtendWith(VertxExtension.class)
class PlacesNodeTest {

  private static final Clock SEED_CLOCK =
      Clock.fixed(Instant.ofEpochSecond(1520023935L, 182837383L), ZoneOffset.UTC);
  private static final String IAMAT = "IAMAT kiwi.cs.ucla.edu +34.068930-118.445127 1520023934.918963997\n";
  private static final String AT =
      "AT Goloman +0.263873386 kiwi.cs.ucla.edu +34.068930-118.445127 1520023934.918963997\n";

  private static int startNode(Vertx vertx, JsonObject places) {
    JsonObject config = TestNodes.config("Goloman").put("places", places);
    TestNodes.deploy(vertx, config, SEED_CLOCK);
    return config.getInteger("port");
  }

  private static JsonObject google(String provider, FakeGoogle fake, String path) {
    return new JsonObject().put("provider", provider).put("apiKeyEnv", "HERD_TEST_NO_SUCH_KEY")
        .put("url", fake.url(path));
  }

  @Test
  void anOfflineNodeListsTheNearestCities(Vertx vertx) {
    int port = startNode(vertx, new JsonObject().put("provider", "offline"));
    assertThat(TcpClient.exchange(port, IAMAT + "WHATSAT kiwi.cs.ucla.edu 10 3\n")).isEqualTo(AT + AT + """
        {
           "html_attributions" : [],
           "results" : [
              {
                 "geometry" : {
                    "location" : {
                       "lat" : 34.05612,
                       "lng" : -118.43063
                    }
                 },
                 "name" : "Westwood",
                 "place_id" : "geonames:5408522",
                 "reference" : "geonames:5408522",
                 "types" : [ "locality", "political" ],
                 "vicinity" : "California, United States"
              },
              {
                 "geometry" : {
                    "location" : {
                       "lat" : 34.05557,
                       "lng" : -118.41786
                    }
                 },
                 "name" : "Century City",
                 "place_id" : "geonames:5335662",
                 "reference" : "geonames:5335662",
                 "types" : [ "locality", "political" ],
                 "vicinity" : "California, United States"
              },
              {
                 "geometry" : {
                    "location" : {
                       "lat" : 34.07362,
                       "lng" : -118.40036
                    }
                 },
                 "name" : "Beverly Hills",
                 "place_id" : "geonames:5328041",
                 "reference" : "geonames:5328041",
                 "types" : [ "locality", "political" ],
                 "vicinity" : "California, United States"
              }
           ],
           "status" : "OK"
        }

        """);
  }

  @Test
  void aProviderThatCannotStartStopsTheNodeWithOneClearLine(Vertx vertx) {
    // Its own name: a node that fails to start keeps its log file open (HerdNode.stop is not called).
    JsonObject config = TestNodes.config("Unstartable").put("places", new JsonObject().put("provider", "bing"));
    assertThatThrownBy(() -> TestNodes.deploy(vertx, config)).hasMessage(
        "config key \"places.provider\" must be one of \"offline\", \"google\", \"google-new\", not \"bing\"");
  }

  @Test
  void anOfflineNodeFindsNothingInTheOcean(Vertx vertx) {
    int port = startNode(vertx, new JsonObject());
    assertThat(TcpClient.exchange(port, "IAMAT buoy +0.0-140.0 1520023935\nWHATSAT buoy 50 20\n")).isEqualTo("""
        AT Goloman +0.182837383 buoy +0.0-140.0 1520023935
        AT Goloman +0.182837383 buoy +0.0-140.0 1520023935
        {
           "html_attributions" : [],
           "results" : [],
           "status" : "ZERO_RESULTS"
        }

        """);
  }

  @Test
  void aGoogleNewNodeTranslatesTheAnswerAndServesSmallerMaxItemsFromTheCache(Vertx vertx) {
    FakeGoogle fake = FakeGoogle.start(vertx).await();
    fake.answer(FakeGoogle.Answer.json(200, "{\"places\":[{\"id\":\"ChIJ1\",\"displayName\":{\"text\":"
        + "\"Royce Hall\"}},{\"id\":\"ChIJ2\",\"displayName\":{\"text\":\"Powell Library\"}}]}"));
    int port = startNode(vertx, google("google-new", fake, "/v1/places:searchNearby"));
    String reply = TcpClient.exchange(port, IAMAT + "WHATSAT kiwi.cs.ucla.edu 10 2\n"
        + "WHATSAT kiwi.cs.ucla.edu 10.0 1\n");
    assertThat(reply).isEqualTo(AT + AT + """
        {
           "html_attributions" : [],
           "results" : [
              {
                 "name" : "Royce Hall",
                 "place_id" : "ChIJ1"
              },
              {
                 "name" : "Powell Library",
                 "place_id" : "ChIJ2"
              }
           ],
           "status" : "OK"
        }

        """ + AT + """
        {
           "html_attributions" : [],
           "results" : [
              {
                 "name" : "Royce Hall",
                 "place_id" : "ChIJ1"
              }
           ],
           "status" : "OK"
        }

        """);
    assertThat(fake.received()).singleElement().satisfies(request -> assertThat(request.body()).isEqualTo(
        "{\"maxResultCount\":20,\"locationRestriction\":{\"circle\":{\"center\":{\"latitude\":34.068930,"
            + "\"longitude\":-118.445127},\"radius\":10000}}}"));
    fake.close().await();
  }

  /** Errors are never kept, so only sharing the call in flight can make it one. */
  @Test
  void concurrentIdenticalWhatsatsOnSeveralConnectionsMakeOneUpstreamCall(Vertx vertx) {
    FakeGoogle fake = FakeGoogle.start(vertx).await();
    fake.answer(new FakeGoogle.Answer(200, "{\"error_message\":\"Slow down.\",\"html_attributions\":[],"
        + "\"results\":[],\"status\":\"OVER_QUERY_LIMIT\"}", 1_000));
    int port = startNode(vertx, google("google", fake, "/maps/api/place/nearbysearch/json"));
    TcpClient.exchange(port, IAMAT);
    ExecutorService clients = Executors.newFixedThreadPool(3);
    List<CompletableFuture<String>> replies = Stream.generate(() -> CompletableFuture.supplyAsync(
        () -> TcpClient.exchange(port, "WHATSAT kiwi.cs.ucla.edu 10 5\n"), clients)).limit(3).toList();
    String answer = AT + """
        {
           "error_message" : "Slow down.",
           "html_attributions" : [],
           "results" : [],
           "status" : "OVER_QUERY_LIMIT"
        }

        """;
    assertThat(replies).extracting(CompletableFuture::join).containsExactly(answer, answer, answer);
    assertThat(fake.received()).singleElement()
        .satisfies(request -> assertThat(request.query().get("radius")).isEqualTo("10000"));
    clients.shutdown();
    fake.close().await();
  }
}
