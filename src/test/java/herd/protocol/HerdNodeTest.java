package herd.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import herd.testing.FakeGoogle;
import herd.testing.FakeGoogle.Answer;
import herd.testing.TcpClient;
import herd.testing.TestNodes;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One node over real sockets, with a local server playing Google Places, checked byte for byte. */
@ExtendWith(VertxExtension.class)
class HerdNodeTest {

  /** The seed's example: received 0.263873386 s after the client's 1520023934.918963997. */
  private static final Clock SEED_CLOCK =
      Clock.fixed(Instant.ofEpochSecond(1520023935L, 182837383L), ZoneOffset.UTC);
  private static final String IAMAT = "IAMAT kiwi.cs.ucla.edu +34.068930-118.445127 1520023934.918963997\n";
  private static final String AT =
      "AT Goloman +0.263873386 kiwi.cs.ucla.edu +34.068930-118.445127 1520023934.918963997\n";

  private static final String GOOGLE_ANSWER = """
      {
         "html_attributions" : [],
         "next_page_token" : "CvQ...L2E",
         "results" : [
            {
               "geometry" : {
                  "location" : {
                     "lat" : 34.068921,
                     "lng" : -118.445181
                  }
               },
               "icon" : "http://maps.gstatic.com/mapfiles/place_api/icons/university-71.png",
               "name" : "University of California, Los Angeles",
               "photos" : [
                  {
                     "height" : 1200,
                     "html_attributions" : [ "\\u003ca href=\\"https://maps.google.com/maps/contrib/1\\"\\u003eA Google User\\u003c/a\\u003e" ],
                     "photo_reference" : "CnR...4dY",
                     "width" : 1600
                  }
               ],
               "rating" : 4.50,
               "types" : [ "university", "establishment" ],
               "vicinity" : "Los Angeles"
            },
            {
               "name" : "Royce Hall",
               "opening_hours" : {
                  "open_now" : false,
                  "weekday_text" : []
               },
               "vicinity" : "340 Royce Dr, Los Angeles"
            },
            {
               "name" : "Ackerman Union",
               "vicinity" : "308 Westwood Plaza, Los Angeles"
            }
         ],
         "status" : "OK"
      }

      """;

  private static final String LEGACY_PATH = "/maps/api/place/nearbysearch/json";

  private FakeGoogle places;
  private int port;

  @BeforeEach
  void startNode(Vertx vertx) {
    places = FakeGoogle.start(vertx).await();
    places.answer(Answer.json(200, GOOGLE_ANSWER));
    JsonObject config = TestNodes.config("Goloman")
        .put("places", new JsonObject().put("provider", "google").put("url", places.url(LEGACY_PATH))
            .put("apiKeyEnv", "HERD_TEST_PLACES_KEY")
            .put("timeoutMillis", 1_000));
    TestNodes.deploy(vertx, config, SEED_CLOCK);
    port = config.getInteger("port");
  }

  @AfterEach
  void stopPlaces() {
    places.close().await();
  }

  @Test
  void iamatIsAnsweredWithTheSeedsAtLine() {
    assertThat(TcpClient.exchange(port, IAMAT)).isEqualTo(AT);
  }

  @Test
  void skewIsNegativeWhenTheClientIsAhead() {
    assertThat(TcpClient.exchange(port, "IAMAT phone +12-118 1520023936\n"))
        .isEqualTo("AT Goloman -0.817162617 phone +12-118 1520023936\n");
  }

  @Test
  void fieldsMayBeSeparatedByAnyRunOfWhiteSpace() {
    assertThat(TcpClient.exchange(port,
        " \t IAMAT\t kiwi.cs.ucla.edu \u000b+34.068930-118.445127\f 1520023934.918963997 \r\n")).isEqualTo(AT);
  }

  @Test
  void whatsatAnswersTheAtLineThenGooglesJsonCutToMaxItemsThenABlankLine() {
    String reply = TcpClient.exchange(port, IAMAT + "WHATSAT kiwi.cs.ucla.edu 10 2\n");

    assertThat(reply).isEqualTo(AT + AT + """
        {
           "html_attributions" : [],
           "next_page_token" : "CvQ...L2E",
           "results" : [
              {
                 "geometry" : {
                    "location" : {
                       "lat" : 34.068921,
                       "lng" : -118.445181
                    }
                 },
                 "icon" : "http://maps.gstatic.com/mapfiles/place_api/icons/university-71.png",
                 "name" : "University of California, Los Angeles",
                 "photos" : [
                    {
                       "height" : 1200,
                       "html_attributions" : [ "\\u003ca href=\\"https://maps.google.com/maps/contrib/1\\"\\u003eA Google User\\u003c/a\\u003e" ],
                       "photo_reference" : "CnR...4dY",
                       "width" : 1600
                    }
                 ],
                 "rating" : 4.50,
                 "types" : [ "university", "establishment" ],
                 "vicinity" : "Los Angeles"
              },
              {
                 "name" : "Royce Hall",
                 "opening_hours" : {
                    "open_now" : false,
                    "weekday_text" : []
                 },
                 "vicinity" : "340 Royce Dr, Los Angeles"
              }
           ],
           "status" : "OK"
        }

        """);
  }

  @Test
  void whatsatAsksPlacesForTheClientsDigitsAndTheRadiusInMetres() {
    TcpClient.exchange(port, IAMAT + "WHATSAT kiwi.cs.ucla.edu 1.5 20\n");

    assertThat(places.received()).singleElement().satisfies(request -> {
      assertThat(request.method()).isEqualTo("GET");
      assertThat(request.path()).isEqualTo("/maps/api/place/nearbysearch/json");
      assertThat(request.query().get("location")).isEqualTo("34.068930,-118.445127");
      assertThat(request.query().get("radius")).isEqualTo("1500");
      assertThat(request.query().get("key")).isEqualTo("test-key-31337");
      assertThat(request.rawQuery()).isEqualTo("location=34.068930%2C-118.445127&radius=1500&key=test-key-31337");
    });
  }

  @Test
  void whatsatAtTheLargestRadiusAndCountIsAccepted() {
    String reply = TcpClient.exchange(port, IAMAT + "WHATSAT kiwi.cs.ucla.edu 50 20\n");

    assertThat(reply).startsWith(AT + AT + "{\n").endsWith("}\n\n");
    assertThat(places.received()).singleElement().extracting(request -> request.query().get("radius")).isEqualTo("50000");
  }

  @Test
  void aPlacesFailureStillGivesTheAtLineAndGooglesErrorShape() {
    places.answer(Answer.json(502, "<html>Bad gateway</html>"));

    String reply = TcpClient.exchange(port, IAMAT + "WHATSAT kiwi.cs.ucla.edu 10 5\n");

    assertThat(reply).isEqualTo(AT + AT + """
        {
           "error_message" : "The Places service answered HTTP 502 with a body that is not JSON",
           "html_attributions" : [],
           "results" : [],
           "status" : "UNKNOWN_ERROR"
        }

        """);
  }

  @Test
  void aPlacesTimeoutGivesUnknownErrorWithoutTheKey() {
    places.answer(new Answer(200, GOOGLE_ANSWER, 3_000));

    String reply = TcpClient.exchange(port, IAMAT + "WHATSAT kiwi.cs.ucla.edu 10 5\n");

    assertThat(reply).startsWith(AT + AT + "{\n   \"error_message\" : \"The Places request failed: ")
        .endsWith("\",\n   \"html_attributions\" : [],\n   \"results\" : [],\n   \"status\" : \"UNKNOWN_ERROR\"\n}\n\n")
        .doesNotContain("test-key-31337");
  }

  @Test
  void invalidLinesAreEchoedAfterAQuestionMarkAndTheConnectionStaysUsable() {
    String sent = String.join("\n",
        "hello there",
        "IAMAT kiwi.cs.ucla.edu +34.068930-118.445127",
        "IAMAT kiwi.cs.ucla.edu +34.068930-118.445127 1520023934.918963997 extra",
        "IAMAT kiwi.cs.ucla.edu 34.068930-118.445127 1520023934.918963997",
        "IAMAT kiwi.cs.ucla.edu +91.0-118.0 1520023934.918963997",
        "IAMAT kiwi.cs.ucla.edu +34.0-180.5 1520023934.918963997",
        "IAMAT kiwi.cs.ucla.edu +34.068930-118.445127 yesterday",
        "iamat kiwi.cs.ucla.edu +34.068930-118.445127 1520023934.918963997",
        "WHATSAT stranger 10 5",
        "WHATSAT kiwi.cs.ucla.edu 0 5",
        "WHATSAT kiwi.cs.ucla.edu 50.001 5",
        "WHATSAT kiwi.cs.ucla.edu 10 0",
        "WHATSAT kiwi.cs.ucla.edu 10 21",
        "WHATSAT kiwi.cs.ucla.edu 10 2.5",
        "WHATSAT kiwi.cs.ucla.edu -10 5",
        "WHATSAT kiwi.cs.ucla.edu 10",
        "AT Hands +0.1 kiwi.cs.ucla.edu +34.068930-118.445127 1520023934.918963997",
        "PEER Stranger",
        "  padded  \t line ",
        "") + IAMAT;

    String reply = TcpClient.exchange(port, sent);

    assertThat(reply).isEqualTo(String.join("\n",
        "? hello there",
        "? IAMAT kiwi.cs.ucla.edu +34.068930-118.445127",
        "? IAMAT kiwi.cs.ucla.edu +34.068930-118.445127 1520023934.918963997 extra",
        "? IAMAT kiwi.cs.ucla.edu 34.068930-118.445127 1520023934.918963997",
        "? IAMAT kiwi.cs.ucla.edu +91.0-118.0 1520023934.918963997",
        "? IAMAT kiwi.cs.ucla.edu +34.0-180.5 1520023934.918963997",
        "? IAMAT kiwi.cs.ucla.edu +34.068930-118.445127 yesterday",
        "? iamat kiwi.cs.ucla.edu +34.068930-118.445127 1520023934.918963997",
        "? WHATSAT stranger 10 5",
        "? WHATSAT kiwi.cs.ucla.edu 0 5",
        "? WHATSAT kiwi.cs.ucla.edu 50.001 5",
        "? WHATSAT kiwi.cs.ucla.edu 10 0",
        "? WHATSAT kiwi.cs.ucla.edu 10 21",
        "? WHATSAT kiwi.cs.ucla.edu 10 2.5",
        "? WHATSAT kiwi.cs.ucla.edu -10 5",
        "? WHATSAT kiwi.cs.ucla.edu 10",
        "? AT Hands +0.1 kiwi.cs.ucla.edu +34.068930-118.445127 1520023934.918963997",
        "? PEER Stranger",
        "?   padded  \t line ",
        "") + AT);
    assertThat(places.received()).isEmpty();
  }

  @Test
  void theEchoKeepsTheBytesAsReceived() {
    byte[] junk = {'?', (byte) 0xff, (byte) 0xc3, 0x28, 0x01, '\r', '\n'};
    try (TcpClient client = new TcpClient(port)) {
      client.send(junk).shutdownOutput();
      assertThat(client.readAllBytes()).containsExactly('?', ' ', '?', 0xff, 0xc3, 0x28, 0x01, '\n');
    }
  }

  @Test
  void everyLineInAndOutIsLoggedWithControlCharactersEscaped() throws Exception {
    String forged = "nonsense\r2026-01-01T00:00:00Z INFO forged\u001b[2K";

    TcpClient.exchange(port, forged + "\r\n");

    String in = "<- \"nonsense\\r2026-01-01T00:00:00Z INFO forged\\x1b[2K\"";
    String out = "-> \"? nonsense\\r2026-01-01T00:00:00Z INFO forged\\x1b[2K\\n\"";
    String log = TestNodes.logOnceItContains("Goloman", Pattern.quote(out));
    assertThat(log).containsPattern("INFO  wire   herd conn=\\d+ 127\\.0\\.0\\.1:\\d+ " + Pattern.quote(in))
        .containsPattern("INFO  wire   herd conn=\\d+ 127\\.0\\.0\\.1:\\d+ " + Pattern.quote(out))
        .doesNotContain("\r").doesNotContain("\u001b");
  }

  @Test
  void blankLinesGetNoReply() {
    try (TcpClient client = new TcpClient(port)) {
      client.send("\n \t \r\n\n");
      assertThat(client.readAvailable(Duration.ofMillis(300))).isEmpty();
      client.send(IAMAT);
      assertThat(client.read(AT.length())).isEqualTo(AT);
    }
  }

  @Test
  void aCommandSplitOverManyPacketsIsAnsweredOnce() throws InterruptedException {
    try (TcpClient client = new TcpClient(port)) {
      for (char c : IAMAT.toCharArray()) {
        client.send(String.valueOf(c));
        Thread.sleep(2);
      }
      assertThat(client.read(AT.length())).isEqualTo(AT);
      assertThat(client.readAvailable(Duration.ofMillis(200))).isEmpty();
    }
  }

  @Test
  void aLastLineWithoutNewlineIsAnsweredWhenTheClientHalfCloses() {
    assertThat(TcpClient.exchange(port, IAMAT.strip() + "\nWHATSAT nobody 10 5"))
        .isEqualTo(AT + "? WHATSAT nobody 10 5\n");
  }

  @Test
  void manyCommandsInOnePacketAreAnsweredInOrderEvenWhenPlacesIsSlow() {
    places.answer(new Answer(200, GOOGLE_ANSWER, 200));

    String reply = TcpClient.exchange(port,
        IAMAT + "WHATSAT kiwi.cs.ucla.edu 10 1\nbogus\n" + IAMAT + "WHATSAT kiwi.cs.ucla.edu 10 1\n");

    String[] parts = reply.split("\n\n", -1);
    assertThat(parts).hasSize(3);
    assertThat(parts[0]).startsWith(AT + AT + "{\n").endsWith("}");
    assertThat(parts[1]).startsWith("? bogus\n" + AT + AT + "{\n").endsWith("}");
    assertThat(parts[2]).isEmpty();
  }

  @Test
  void anOlderLocationIsAnsweredButDoesNotReplaceTheNewerOne() {
    String older = "IAMAT kiwi.cs.ucla.edu +10.5-20.5 1520023000.5\n";

    String reply = TcpClient.exchange(port, IAMAT + older + "WHATSAT kiwi.cs.ucla.edu 10 1\n");

    assertThat(reply).startsWith(AT
        + "AT Goloman +934.682837383 kiwi.cs.ucla.edu +10.5-20.5 1520023000.5\n"
        + AT + "{\n");
    assertThat(places.received()).singleElement().extracting(request -> request.query().get("location"))
        .isEqualTo("34.068930,-118.445127");
  }

  @Test
  void anOverlongLineIsRefusedWithItsHeadAndTheNextLineIsServed() {
    String huge = "X".repeat(200_000);

    String reply = TcpClient.exchange(port, huge + "\n" + IAMAT);

    assertThat(reply).isEqualTo("? " + "X".repeat(64 * 1024) + "\n" + AT);
  }

  @Test
  void aClientThatNeverReadsDoesNotStopOthers() {
    byte[] flood = (IAMAT.repeat(20_000)).getBytes(StandardCharsets.UTF_8);
    try (TcpClient greedy = new TcpClient(port)) {
      greedy.send(flood);
      assertThat(TcpClient.exchange(port, IAMAT)).isEqualTo(AT);
    }
  }
}
