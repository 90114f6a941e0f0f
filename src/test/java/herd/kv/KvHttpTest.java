package herd.kv;

import static org.assertj.core.api.Assertions.assertThat;

import herd.kv.Http.Reply;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One node's key-value routes over real HTTP: the seed's shapes, the REST routes, and every refusal. */
@ExtendWith(VertxExtension.class)
class KvHttpTest {

  private static final String UNAUTHORIZED = "{\"message\":\"missing or unknown token: POST /auth for one\"}";

  private static Http start(Vertx vertx, JsonObject config) {
    KvTestNodes.deploy(vertx, config);
    return new Http(config.getInteger("httpPort"));
  }

  private static Http start(Vertx vertx) {
    return start(vertx, KvTestNodes.config("Kv"));
  }

  @Test
  void authGivesANewUuidTokenEachTime(Vertx vertx) {
    Http http = start(vertx);

    Reply reply = http.post("/auth", null, null);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).matches("\\{\"api-key\":\"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\"}");
    assertThat(http.auth()).isNotEqualTo(http.auth());
  }

  @Test
  void setThenGetGivesBackEveryValueExactly(Vertx vertx) {
    Http http = start(vertx);
    String token = http.auth();

    Reply set = http.post("/set", token, "{\"db_name\": \"db\", \"keys\": [{\"key\": \"a\", \"value\": {\"x\": [1, 2.50,"
        + " \"é\", 123456789012345678901234567890]}}, {\"key\": \"b\", \"value\": null}]}");
    Reply get = http.post("/get", token, "{\"db_name\": \"db\", \"keys\": [\"a\", \"b\"]}");

    assertThat(set).isEqualTo(new Reply(200, "{\"set\":2}"));
    assertThat(get).isEqualTo(new Reply(200, "{\"entries\":{\"a\":{\"key\":\"a\",\"value\":{\"x\":[1,2.50,\"é\","
        + "123456789012345678901234567890]}},\"b\":{\"key\":\"b\",\"value\":null}},\"not_found_keys\":[]}"));
  }

  @Test
  void aGetWithMissingKeysIs404AndStillListsTheFoundOnes(Vertx vertx) {
    Http http = start(vertx);
    String token = http.auth();
    http.post("/set", token, "{\"db_name\": \"db\", \"keys\": [{\"key\": \"a\", \"value\": 1}]}");

    assertThat(http.post("/get", token, "{\"db_name\": \"db\", \"keys\": [\"a\", \"nope\", \"a\"]}")).isEqualTo(
        new Reply(404, "{\"entries\":{\"a\":{\"key\":\"a\",\"value\":1}},\"not_found_keys\":[\"nope\"]}"));
    assertThat(http.post("/get", token, "{\"db_name\": \"other\", \"keys\": [\"a\"]}")).isEqualTo(
        new Reply(404, "{\"entries\":{},\"not_found_keys\":[\"a\"]}"));
  }

  @Test
  void aLaterSetOverwrites(Vertx vertx) {
    Http http = start(vertx);
    String token = http.auth();
    http.post("/set", token, "{\"db_name\": \"db\", \"keys\": [{\"key\": \"a\", \"value\": 1}, {\"key\": \"a\", \"value\": 2}]}");
    http.post("/set", token, "{\"db_name\": \"db\", \"keys\": [{\"key\": \"a\", \"value\": [3]}]}");

    assertThat(http.post("/get", token, "{\"db_name\": \"db\", \"keys\": [\"a\"]}").body())
        .isEqualTo("{\"entries\":{\"a\":{\"key\":\"a\",\"value\":[3]}},\"not_found_keys\":[]}");
  }

  @ParameterizedTest
  @CsvSource(value = {
      "''",
      "not-a-token",
      "Bearer 123",
      "00000000-0000-4000-8000-000000000000",
      "Bearer 00000000-0000-4000-8000-00000000000G"})
  void aMissingMalformedOrUnknownTokenIs401(String token, Vertx vertx) {
    Http http = start(vertx);

    assertThat(http.post("/set", token, "{\"db_name\": \"db\", \"keys\": []}")).isEqualTo(new Reply(401, UNAUTHORIZED));
    assertThat(http.post("/get", token, "{\"db_name\": \"db\", \"keys\": []}")).isEqualTo(new Reply(401, UNAUTHORIZED));
    assertThat(http.send("GET", "/v1/kv/db/k", token, null)).isEqualTo(new Reply(401, UNAUTHORIZED));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "/set|``|the body is empty: it must be JSON",
      "/set|{\"db_name\": |the body is not valid JSON",
      "/set|{} {}|the body is not valid JSON",
      "/set|[1]|the body must be a JSON object",
      "/set|{\"keys\": []}|\\\"db_name\\\" must be a string",
      "/set|{\"db_name\": 5, \"keys\": []}|\\\"db_name\\\" must be a string",
      "/set|{\"db_name\": \"d\"}|\\\"keys\\\" must be an array of {\\\"key\\\": string, \\\"value\\\": any JSON}",
      "/set|{\"db_name\": \"d\", \"keys\": {}}|\\\"keys\\\" must be an array of {\\\"key\\\": string, \\\"value\\\": any JSON}",
      "/set|{\"db_name\": \"d\", \"keys\": [{\"key\": 1, \"value\": 1}]}|\\\"keys\\\" must be an array of {\\\"key\\\": string, \\\"value\\\": any JSON}",
      "/set|{\"db_name\": \"d\", \"keys\": [{\"key\": \"k\"}]}|\\\"keys\\\" must be an array of {\\\"key\\\": string, \\\"value\\\": any JSON}",
      "/set|{\"db_name\": \"d\", \"keys\": [\"k\"]}|\\\"keys\\\" must be an array of {\\\"key\\\": string, \\\"value\\\": any JSON}",
      "/get|{\"db_name\": \"d\", \"keys\": [\"a\", 1]}|\\\"keys\\\" must be an array of strings",
      "/get|{\"db_name\": \"d\", \"keys\": \"a\"}|\\\"keys\\\" must be an array of strings",
      "/get|\"just a string\"|the body must be a JSON object"})
  void aMalformedBodyIs400WithWhatIsWrong(String path, String body, String message, Vertx vertx) {
    Http http = start(vertx);
    String token = http.auth();

    assertThat(http.post(path, token, body)).isEqualTo(new Reply(400, "{\"message\":\"" + message + "\"}"));
  }

  @Test
  void aBodyOverTheLimitIs413AndAValueOverItsLimitToo(Vertx vertx) {
    Http http = start(vertx, KvTestNodes.config("Kv").put("kvMaxRequestBytes", 4096).put("kvMaxValueBytes", 100));
    String token = http.auth();
    String huge = "{\"db_name\": \"d\", \"keys\": [{\"key\": \"k\", \"value\": \"" + "x".repeat(5000) + "\"}]}";
    String big = "{\"db_name\": \"d\", \"keys\": [{\"key\": \"ok\", \"value\": 1}, {\"key\": \"k\", \"value\": \""
        + "x".repeat(99) + "\"}]}";

    assertThat(http.post("/set", token, huge)).isEqualTo(new Reply(413, "{\"message\":\"the body is over 4096 bytes\"}"));
    assertThat(http.post("/set", token, big))
        .isEqualTo(new Reply(413, "{\"message\":\"the value of key \\\"k\\\" is over 100 bytes\"}"));
    assertThat(http.post("/get", token, "{\"db_name\": \"d\", \"keys\": [\"ok\"]}").status())
        .as("nothing of a refused set is written").isEqualTo(404);
    assertThat(http.send("PUT", "/v1/kv/d/k", token, "\"" + "x".repeat(99) + "\""))
        .isEqualTo(new Reply(413, "{\"message\":\"the value of key \\\"k\\\" is over 100 bytes\"}"));
  }

  @Test
  void pastKvMaxEntriesANewKeyIs507WhileKnownKeysStillChange(Vertx vertx) {
    Http http = start(vertx, KvTestNodes.config("Kv").put("kvMaxEntries", 2));
    String token = http.auth();
    http.post("/set", token, "{\"db_name\": \"d\", \"keys\": [{\"key\": \"a\", \"value\": 1}, {\"key\": \"b\", \"value\": 1}]}");

    assertThat(http.post("/set", token, "{\"db_name\": \"d\", \"keys\": [{\"key\": \"c\", \"value\": 1}]}"))
        .isEqualTo(new Reply(507, "{\"message\":\"the store is full\"}"));
    assertThat(http.send("PUT", "/v1/kv/d/a", token, "2")).isEqualTo(new Reply(200, "{\"key\":\"a\",\"value\":2}"));
  }

  @Test
  void pastKvMaxTokensAuthIs507(Vertx vertx) {
    Http http = start(vertx, KvTestNodes.config("Kv").put("kvMaxTokens", 1));
    http.auth();

    assertThat(http.post("/auth", null, null)).isEqualTo(new Reply(507, "{\"message\":\"no more tokens can be issued\"}"));
  }

  @Test
  void databaseNamesAndKeysAreDataWhateverTheirCharacters(Vertx vertx) {
    Http http = start(vertx);
    String token = http.auth();
    String set = "{\"db_name\": \"../../etc\", \"keys\": [{\"key\": \"../passwd\", \"value\": 1},"
        + " {\"key\": \"ключ \\n\\u0000 ✓\", \"value\": \"значение\"}, {\"key\": \"\", \"value\": 3}]}";

    assertThat(http.post("/set", token, set).status()).isEqualTo(200);
    assertThat(http.post("/get", token, "{\"db_name\": \"../../etc\", \"keys\": [\"../passwd\", \"ключ \\n\\u0000 ✓\", \"\"]}"))
        .isEqualTo(new Reply(200, "{\"entries\":{\"../passwd\":{\"key\":\"../passwd\",\"value\":1},"
            + "\"ключ \\n\\u0000 ✓\":{\"key\":\"ключ \\n\\u0000 ✓\",\"value\":\"значение\"},"
            + "\"\":{\"key\":\"\",\"value\":3}},\"not_found_keys\":[]}"));
    assertThat(http.send("GET", "/v1/kv/..%2F..%2Fetc/..%2Fpasswd", "Bearer " + token, null))
        .isEqualTo(new Reply(200, "{\"key\":\"../passwd\",\"value\":1}"));
  }

  @Test
  void oneTokenNeverReadsNorOverwritesAnothersData(Vertx vertx) {
    Http http = start(vertx);
    String alice = http.auth();
    String bob = http.auth();
    http.post("/set", alice, "{\"db_name\": \"d\", \"keys\": [{\"key\": \"k\", \"value\": \"alice\"}]}");

    assertThat(http.post("/get", bob, "{\"db_name\": \"d\", \"keys\": [\"k\"]}"))
        .isEqualTo(new Reply(404, "{\"entries\":{},\"not_found_keys\":[\"k\"]}"));
    http.post("/set", bob, "{\"db_name\": \"d\", \"keys\": [{\"key\": \"k\", \"value\": \"bob\"}]}");
    http.send("DELETE", "/v1/kv/d/k", "Bearer " + bob, null);
    assertThat(http.post("/get", alice, "{\"db_name\": \"d\", \"keys\": [\"k\"]}"))
        .isEqualTo(new Reply(200, "{\"entries\":{\"k\":{\"key\":\"k\",\"value\":\"alice\"}},\"not_found_keys\":[]}"));
  }

  @Test
  void theRestRoutesPutGetAndDeleteWithATombstone(Vertx vertx) {
    Http http = start(vertx);
    String bearer = "Bearer " + http.auth();

    assertThat(http.send("PUT", "/v1/kv/db/%D0%BA%20%2B%3F", bearer, "{\"a\": [true, 1.0]}"))
        .isEqualTo(new Reply(200, "{\"key\":\"к +?\",\"value\":{\"a\":[true,1.0]}}"));
    assertThat(http.send("PUT", "/v1/kv/db/b", bearer, "\"two\"").status()).isEqualTo(200);
    assertThat(http.send("GET", "/v1/kv/db/%D0%BA%20%2B%3F", bearer, null))
        .isEqualTo(new Reply(200, "{\"key\":\"к +?\",\"value\":{\"a\":[true,1.0]}}"));
    assertThat(http.send("GET", "/v1/kv/db?key=b&key=%D0%BA%20%2B%3F&key=c", bearer, null))
        .isEqualTo(new Reply(404, "{\"entries\":{\"b\":{\"key\":\"b\",\"value\":\"two\"},"
            + "\"к +?\":{\"key\":\"к +?\",\"value\":{\"a\":[true,1.0]}}},\"not_found_keys\":[\"c\"]}"));
    assertThat(http.send("DELETE", "/v1/kv/db/b", bearer, null))
        .isEqualTo(new Reply(200, "{\"key\":\"b\",\"deleted\":true}"));
    assertThat(http.send("GET", "/v1/kv/db/b", bearer, null)).isEqualTo(new Reply(404, "{\"message\":\"no key \\\"b\\\"\"}"));
    assertThat(http.send("GET", "/v1/kv/db?key=b", bearer, null))
        .isEqualTo(new Reply(404, "{\"entries\":{},\"not_found_keys\":[\"b\"]}"));
    assertThat(http.send("PUT", "/v1/kv/db/b", bearer, "3").status()).isEqualTo(200);
    assertThat(http.send("GET", "/v1/kv/db/b", bearer, null)).isEqualTo(new Reply(200, "{\"key\":\"b\",\"value\":3}"));
  }

  @Test
  void aPutOfSomethingThatIsNotJsonIs400(Vertx vertx) {
    Http http = start(vertx);
    String bearer = "Bearer " + http.auth();

    assertThat(http.send("PUT", "/v1/kv/db/k", bearer, "two words"))
        .isEqualTo(new Reply(400, "{\"message\":\"the body is not valid JSON\"}"));
    assertThat(http.send("PUT", "/v1/kv/db/k", bearer, null))
        .isEqualTo(new Reply(400, "{\"message\":\"the body is empty: it must be JSON\"}"));
  }

  @Test
  void entriesTombstonesAndTokensSurviveARestart(Vertx vertx) {
    JsonObject config = KvTestNodes.config("KvRestarted");
    String id = KvTestNodes.deploy(vertx, config);
    Http http = new Http(config.getInteger("httpPort"));
    String bearer = "Bearer " + http.auth();
    http.send("PUT", "/v1/kv/db/kept", bearer, "{\"v\":1}");
    http.send("PUT", "/v1/kv/db/gone", bearer, "2");
    http.send("DELETE", "/v1/kv/db/gone", bearer, null);

    KvTestNodes.undeploy(vertx, id);
    KvTestNodes.deploy(vertx, config);

    assertThat(http.send("GET", "/v1/kv/db?key=kept&key=gone", bearer, null))
        .isEqualTo(new Reply(404, "{\"entries\":{\"kept\":{\"key\":\"kept\",\"value\":{\"v\":1}}},"
            + "\"not_found_keys\":[\"gone\"]}"));
  }

  @Test
  void clusterinfoListsThisNodeAndTheOthersHttpFaces(Vertx vertx) {
    JsonObject config = KvTestNodes.config("Kv").put("httpNodes",
        new JsonObject().put("Hands", "127.0.0.1:12202").put("Welsh", "10.0.0.4:80"));
    Http http = start(vertx, config);

    assertThat(http.send("GET", "/clusterinfo", null, null)).isEqualTo(new Reply(200,
        "{\"addresses\":[\"http://127.0.0.1:" + config.getInteger("httpPort")
            + "\",\"http://127.0.0.1:12202\",\"http://10.0.0.4:80\"]}"));
  }

  @Test
  void theLookupOfOtherNodesWantsAKnownToken(Vertx vertx) {
    Http http = start(vertx);

    assertThat(http.post("/v1/internal/lookup", "00000000-0000-4000-8000-000000000000",
        "{\"db_name\": \"d\", \"keys\": []}")).isEqualTo(new Reply(401, "{\"message\":\"unknown token\"}"));
  }
}
