package herd.places;

import static org.assertj.core.api.Assertions.assertThat;

import herd.node.HerdNode;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetSocket;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** WHATSAT through a real node's herd port, with each provider, comparing the reply bytes. */
@ExtendWith(VertxExtension.class)
class PlacesNodeTest {

  private static final String IAMAT = "IAMAT kiwi.cs.ucla.edu +34.068930-118.445127 1520023934.918963997\n";

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static Future<Integer> startNode(Vertx vertx, JsonObject places) throws IOException {
    int port = freePort();
    JsonObject config = new JsonObject().put("name", "Goloman").put("port", port).put("instances", 2)
        .put("logFile", "target/places-node-test/Goloman-" + port + ".log").put("places", places);
    return vertx.deployVerticle(new HerdNode(), new DeploymentOptions().setConfig(config)).map(id -> port);
  }

  /** Sends the text and collects what comes back until {@code done} holds. */
  private static Future<String> exchange(Vertx vertx, int port, String text, Predicate<String> done) {
    return vertx.createNetClient().connect(port, "127.0.0.1").compose(socket -> {
      Promise<String> reply = Promise.promise();
      Buffer received = Buffer.buffer();
      socket.handler(bytes -> {
        received.appendBuffer(bytes);
        String sofar = received.toString(StandardCharsets.ISO_8859_1);
        if (done.test(sofar)) {
          reply.tryComplete(sofar);
          socket.close();
        }
      });
      socket.write(text);
      return reply.future();
    });
  }

  private static Predicate<String> paragraphs(int count) {
    return text -> text.split("\n\n", -1).length > count;
  }

  private static String firstLine(String text) {
    return text.substring(0, text.indexOf('\n') + 1);
  }

  @Test
  void anOfflineNodeListsTheNearestCities(Vertx vertx, VertxTestContext ctx) throws IOException {
    startNode(vertx, new JsonObject().put("provider", "offline"))
        .compose(port -> exchange(vertx, port, IAMAT + "WHATSAT kiwi.cs.ucla.edu 10 3\n", paragraphs(1)))
        .onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
          String at = firstLine(reply);
          assertThat(at).startsWith("AT Goloman +").endsWith(" kiwi.cs.ucla.edu +34.068930-118.445127 "
              + "1520023934.918963997\n");
          assertThat(reply).isEqualTo(at + at + """
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
          ctx.completeNow();
        })));
  }

  @Test
  void anOfflineNodeFindsNothingInTheOcean(Vertx vertx, VertxTestContext ctx) throws IOException {
    startNode(vertx, new JsonObject())
        .compose(port -> exchange(vertx, port, "IAMAT buoy +0.0-140.0 1520023934.5\nWHATSAT buoy 50 20\n",
            paragraphs(1)))
        .onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
          String at = firstLine(reply);
          assertThat(reply).isEqualTo(at + at + """
              {
                 "html_attributions" : [],
                 "results" : [],
                 "status" : "ZERO_RESULTS"
              }

              """);
          ctx.completeNow();
        })));
  }

  @Test
  void aGoogleNewNodeTranslatesAndCachesTheAnswer(Vertx vertx, VertxTestContext ctx) throws IOException {
    FakeGoogle.start(vertx).compose(google -> {
      google.answer(FakeGoogle.Answer.json(200, "{\"places\":[{\"id\":\"ChIJ1\",\"displayName\":{\"text\":"
          + "\"Royce Hall\"},\"location\":{\"latitude\":34.0728,\"longitude\":-118.4421}},{\"id\":\"ChIJ2\","
          + "\"displayName\":{\"text\":\"Powell Library\"}}]}"));
      JsonObject places = new JsonObject().put("provider", "google-new").put("apiKeyEnv", "HERD_TEST_NO_SUCH_KEY")
          .put("url", google.url("/v1/places:searchNearby"));
      try {
        return startNode(vertx, places)
            .compose(port -> exchange(vertx, port, IAMAT + "WHATSAT kiwi.cs.ucla.edu 10 1\n"
                + "WHATSAT kiwi.cs.ucla.edu 10.0 2\n", paragraphs(2)))
            .map(reply -> {
              String at = firstLine(reply);
              assertThat(reply).isEqualTo(at + at + """
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
                           "place_id" : "ChIJ1"
                        }
                     ],
                     "status" : "OK"
                  }

                  """ + at + """
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
                           "place_id" : "ChIJ1"
                        },
                        {
                           "name" : "Powell Library",
                           "place_id" : "ChIJ2"
                        }
                     ],
                     "status" : "OK"
                  }

                  """);
              assertThat(google.received()).hasSize(1);
              assertThat(google.received().get(0).body()).isEqualTo("{\"maxResultCount\":20,"
                  + "\"locationRestriction\":{\"circle\":{\"center\":{\"latitude\":34.068930,"
                  + "\"longitude\":-118.445127},\"radius\":10000}}}");
              return reply;
            });
      } catch (IOException e) {
        return Future.failedFuture(e);
      }
    }).onComplete(ctx.succeedingThenComplete());
  }

  private static final String ANSWER = """
      {
         "html_attributions" : [],
         "results" : [
            {
               "name" : "UCLA"
            }
         ],
         "status" : "OK"
      }

      """;

  @Test
  void concurrentIdenticalWhatsatsOnSeveralConnectionsMakeOneUpstreamCall(Vertx vertx, VertxTestContext ctx)
      throws IOException {
    FakeGoogle.start(vertx).compose(google -> {
      google.answer(new FakeGoogle.Answer(200, "{\"html_attributions\":[],\"results\":[{\"name\":\"UCLA\"}],"
          + "\"status\":\"OK\"}", 300));
      JsonObject places = new JsonObject().put("provider", "google").put("apiKeyEnv", "HERD_TEST_NO_SUCH_KEY")
          .put("url", google.url("/maps/api/place/nearbysearch/json"));
      try {
        return startNode(vertx, places).compose(port -> exchange(vertx, port, IAMAT, text -> text.endsWith("\n"))
            .compose(at -> Future.all(
                exchange(vertx, port, "WHATSAT kiwi.cs.ucla.edu 10 5\n", paragraphs(1)),
                exchange(vertx, port, "WHATSAT kiwi.cs.ucla.edu 10 5\n", paragraphs(1)),
                exchange(vertx, port, "WHATSAT kiwi.cs.ucla.edu 10 5\n", paragraphs(1)))
                .map(all -> {
                  assertThat(all.<String>list()).containsExactly(at + ANSWER, at + ANSWER, at + ANSWER);
                  assertThat(google.received()).hasSize(1);
                  assertThat(google.received().get(0).query().get("radius")).isEqualTo("10000");
                  return all;
                })));
      } catch (IOException e) {
        return Future.failedFuture(e);
      }
    }).onComplete(ctx.succeedingThenComplete());
  }
}
