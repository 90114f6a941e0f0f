package herd.kv;

import static org.assertj.core.api.Assertions.assertThat;

import herd.kv.Http.Reply;
import herd.testing.FreePorts;
import herd.testing.Herd;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Key-value writes across nodes: flooded over the herd's links, caught up after a restart, read through. */
@ExtendWith(VertxExtension.class)
class KvHerdTest {

  private static Reply eventually(Supplier<Reply> request, int status) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    Reply reply = request.get();
    while (reply.status() != status && System.nanoTime() < deadline) {
      Thread.sleep(50);
      reply = request.get();
    }
    return reply;
  }

  @Test
  void aKeySetOnANodeIsReadThroughByAnotherThatIsNotItsNeighbourAndKeptThere(Vertx vertx) {
    JsonObject a = KvTestNodes.config("KvA");
    JsonObject b = KvTestNodes.config("KvB");
    KvTestNodes.knowEachOther(List.of(a, b));
    String aId = KvTestNodes.deploy(vertx, a);
    String bId = KvTestNodes.deploy(vertx, b);
    Http onA = new Http(a.getInteger("httpPort"));
    Http onB = new Http(b.getInteger("httpPort"));
    String token = onA.auth();
    onA.post("/set", token, "{\"db_name\": \"d\", \"keys\": [{\"key\": \"k\", \"value\": {\"from\": \"A\"}}]}");
    String get = "{\"db_name\": \"d\", \"keys\": [\"k\", \"nowhere\"]}";
    String found = "{\"entries\":{\"k\":{\"key\":\"k\",\"value\":{\"from\":\"A\"}}},\"not_found_keys\":[\"nowhere\"]}";

    assertThat(onB.post("/get", token, get)).isEqualTo(new Reply(404, found));

    KvTestNodes.undeploy(vertx, aId);
    KvTestNodes.undeploy(vertx, bId);
    KvTestNodes.deploy(vertx, b);
    assertThat(onB.post("/get", token, get)).as("the token and the entry were stored on B").isEqualTo(new Reply(404, found));
  }

  @Test
  void aDeleteIsReadThroughAsATombstoneAndALaterSetOnTheReaderWins(Vertx vertx) {
    JsonObject a = KvTestNodes.config("KvA");
    JsonObject b = KvTestNodes.config("KvB");
    KvTestNodes.knowEachOther(List.of(a, b));
    KvTestNodes.deploy(vertx, a);
    KvTestNodes.deploy(vertx, b);
    Http onA = new Http(a.getInteger("httpPort"));
    Http onB = new Http(b.getInteger("httpPort"));
    String bearer = "Bearer " + onA.auth();
    onA.send("PUT", "/v1/kv/d/k", bearer, "1");
    onA.send("DELETE", "/v1/kv/d/k", bearer, null);

    assertThat(onB.send("GET", "/v1/kv/d/k", bearer, null)).isEqualTo(new Reply(404, "{\"message\":\"no key \\\"k\\\"\"}"));
    onB.send("PUT", "/v1/kv/d/k", bearer, "2");
    assertThat(onB.send("GET", "/v1/kv/d/k", bearer, null)).isEqualTo(new Reply(200, "{\"key\":\"k\",\"value\":2}"));
  }

  /**
   * A, on its own, holds {@code d/k} = "from A", written with a token of its own; B reads through from A and is
   * linked to C, which reads through from nobody. C is deployed only if asked.
   */
  private record Chain(Http onA, Http onB, Http onC, JsonObject c, String bearer) {

    static Chain of(Vertx vertx, boolean startC) {
      JsonObject a = KvTestNodes.config("KvA");
      JsonObject b = KvTestNodes.config("KvB").put("httpNodes",
          new JsonObject().put("KvA", "127.0.0.1:" + a.getInteger("httpPort")));
      JsonObject c = KvTestNodes.config("KvC");
      KvTestNodes.link(b, c);
      KvTestNodes.deploy(vertx, a);
      KvTestNodes.deploy(vertx, b);
      if (startC) {
        KvTestNodes.deploy(vertx, c);
      }
      Http onA = new Http(a.getInteger("httpPort"));
      String bearer = "Bearer " + onA.auth();
      onA.send("PUT", "/v1/kv/d/k", bearer, "\"from A\"");
      return new Chain(onA, new Http(b.getInteger("httpPort")), new Http(c.getInteger("httpPort")), c, bearer);
    }
  }

  @Test
  void whatANodeReadsThroughIsFloodedToItsNeighbours(Vertx vertx) throws Exception {
    Chain chain = Chain.of(vertx, true);

    assertThat(chain.onB().send("GET", "/v1/kv/d/k", chain.bearer(), null).status()).isEqualTo(200);

    assertThat(eventually(() -> chain.onC().send("GET", "/v1/kv/d/k", chain.bearer(), null), 200))
        .isEqualTo(new Reply(200, "{\"key\":\"k\",\"value\":\"from A\"}"));
  }

  @Test
  void whatANodeReadThroughReachesANeighbourThatWasDownByCatchUp(Vertx vertx) throws Exception {
    Chain chain = Chain.of(vertx, false);

    assertThat(chain.onB().send("GET", "/v1/kv/d/k", chain.bearer(), null).status()).isEqualTo(200);
    KvTestNodes.deploy(vertx, chain.c());

    assertThat(eventually(() -> chain.onC().send("GET", "/v1/kv/d/k", chain.bearer(), null), 200))
        .isEqualTo(new Reply(200, "{\"key\":\"k\",\"value\":\"from A\"}"));
    chain.onA().send("PUT", "/v1/kv/d/k", chain.bearer(), "\"newer\"");
    assertThat(chain.onB().send("GET", "/v1/kv/d/k", chain.bearer(), null))
        .as("B holds what it adopted and asks no more")
        .isEqualTo(new Reply(200, "{\"key\":\"k\",\"value\":\"from A\"}"));
  }

  @Test
  void anAskedNodeThatIsDownCountsAsKnowingNothing(Vertx vertx) {
    JsonObject b = KvTestNodes.config("KvB").put("kvReadThroughMillis", 300)
        .put("httpNodes", new JsonObject().put("Gone", "127.0.0.1:" + FreePorts.next()));
    KvTestNodes.deploy(vertx, b);
    Http onB = new Http(b.getInteger("httpPort"));
    String token = onB.auth();

    assertThat(onB.post("/get", token, "{\"db_name\": \"d\", \"keys\": [\"k\"]}"))
        .isEqualTo(new Reply(404, "{\"entries\":{},\"not_found_keys\":[\"k\"]}"));
  }

  /** The seed's five linked nodes, each with an HTTP face and no read-through: what they show came by the links. */
  private static Map<String, Http> herd(Herd herd, Vertx vertx, Map<String, String> deployments) {
    Map<String, Http> nodes = new LinkedHashMap<>();
    for (String name : Herd.NAMES) {
      JsonObject config = herd.config(name).put("httpPort", FreePorts.next());
      deployments.put(name, KvTestNodes.deploy(vertx, config));
      nodes.put(name, new Http(config.getInteger("httpPort")));
    }
    return nodes;
  }

  @Test
  void aKeySetOnWelshIsReadOnHandsWithWelshsToken(Vertx vertx) throws InterruptedException {
    Map<String, String> deployments = new LinkedHashMap<>();
    Map<String, Http> nodes = herd(new Herd(), vertx, deployments);
    String token = nodes.get("Welsh").auth();

    assertThat(nodes.get("Welsh").send("PUT", "/v1/kv/d/k", "Bearer " + token, "\"from Welsh\"").status())
        .isEqualTo(200);
    assertThat(eventually(() -> nodes.get("Hands").send("GET", "/v1/kv/d/k", "Bearer " + token, null), 200))
        .isEqualTo(new Reply(200, "{\"key\":\"k\",\"value\":\"from Welsh\"}"));
  }

  @Test
  void aDeleteReachesANodeThatWasDownWhenItWasMade(Vertx vertx) throws InterruptedException {
    Herd herd = new Herd();
    Map<String, String> deployments = new LinkedHashMap<>();
    Map<String, Http> nodes = herd(herd, vertx, deployments);
    Http welsh = nodes.get("Welsh");
    Http hands = nodes.get("Hands");
    String bearer = "Bearer " + welsh.auth();
    welsh.send("PUT", "/v1/kv/d/k", bearer, "1");
    assertThat(eventually(() -> hands.send("GET", "/v1/kv/d/k", bearer, null), 200).status()).isEqualTo(200);

    KvTestNodes.undeploy(vertx, deployments.get("Hands"));
    assertThat(welsh.send("DELETE", "/v1/kv/d/k", bearer, null).status()).isEqualTo(200);
    KvTestNodes.deploy(vertx, herd.config("Hands"));

    assertThat(eventually(() -> hands.send("GET", "/v1/kv/d/k", bearer, null), 404))
        .isEqualTo(new Reply(404, "{\"message\":\"no key \\\"k\\\"\"}"));
  }
}
