package herd.places.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herd.places.LogCapture;
import herd.places.PlacesConfig.CacheSettings;
import herd.places.PlacesJson;
import herd.places.PlacesProvider;
import herd.places.PlacesQuery;
import herd.places.ProviderName;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class CachedPlacesTest {

  private static final long SECOND = 1_000_000_000L;

  /** An upstream that records each search and answers it when the test says. */
  private static final class Upstream implements PlacesProvider {
    final List<PlacesQuery> queries = new CopyOnWriteArrayList<>();
    final List<Promise<ObjectNode>> pending = new CopyOnWriteArrayList<>();

    @Override
    public Future<ObjectNode> nearby(PlacesQuery query) {
      queries.add(query);
      Promise<ObjectNode> answer = Promise.promise();
      pending.add(answer);
      return answer.future();
    }

    void answerAll(ObjectNode answer) {
      pending.forEach(p -> p.tryComplete(answer));
    }
  }

  private final AtomicLong clock = new AtomicLong(1_000 * SECOND);
  private Upstream upstream;
  private LogCapture log;

  @BeforeEach
  void setUp() {
    upstream = new Upstream();
    log = new LogCapture("test.places.cache." + System.nanoTime());
  }

  private CachedPlaces cache(Vertx vertx, int maxEntries) {
    return new CachedPlaces(vertx, ProviderName.GOOGLE_NEW, upstream, new CacheSettings(60_000, 3, maxEntries),
        new UpstreamGate(4), clock::get, log.logger());
  }

  private static PlacesQuery query(String latitude, String radiusMetres, int maxItems) {
    return new PlacesQuery(latitude, "-118.445127", new BigDecimal(radiusMetres), maxItems);
  }

  private static ObjectNode ok(int results) {
    ObjectNode answer = PlacesJson.MAPPER.createObjectNode();
    answer.putArray("html_attributions");
    ArrayNode list = answer.putArray("results");
    for (int i = 1; i <= results; i++) {
      list.addObject().put("name", "place " + i);
    }
    answer.put("status", results == 0 ? "ZERO_RESULTS" : "OK");
    return answer;
  }

  private static List<String> names(ObjectNode answer) {
    return answer.get("results").findValuesAsText("name");
  }

  @Test
  void aSecondIdenticalSearchMakesNoUpstreamCall(Vertx vertx, VertxTestContext ctx) {
    CachedPlaces cache = cache(vertx, 100);
    Future<ObjectNode> first = cache.nearby(query("34.068930", "10000", 5));
    upstream.answerAll(ok(3));
    first.compose(a -> cache.nearby(query("34.068930", "10000", 5)))
        .onComplete(ctx.succeeding(second -> ctx.verify(() -> {
          assertThat(upstream.queries).hasSize(1);
          assertThat(names(second)).containsExactly("place 1", "place 2", "place 3");
          assertThat(log.lines()).hasSize(2);
          assertThat(log.lines().get(0)).matches("INFO google-new location=34.068930,-118.445127 radius=10000 "
              + "max=5 cache miss -> OK in \\d+ ms");
          assertThat(log.lines().get(1)).matches("INFO google-new location=34.068930,-118.445127 radius=10000 "
              + "max=5 cache hit -> OK in \\d+ ms");
          ctx.completeNow();
        })));
  }

  @Test
  void concurrentIdenticalSearchesShareOneUpstreamCall(Vertx vertx, VertxTestContext ctx) {
    CachedPlaces cache = cache(vertx, 100);
    List<Future<ObjectNode>> searches = List.of(cache.nearby(query("34.068930", "10000", 5)),
        cache.nearby(query("34.068930", "10000", 5)), cache.nearby(query("34.068930", "10000", 5)));
    assertThat(upstream.queries).hasSize(1);
    upstream.answerAll(ok(2));
    Future.all(searches).onComplete(ctx.succeeding(all -> ctx.verify(() -> {
      assertThat(upstream.queries).hasSize(1);
      for (Future<ObjectNode> search : searches) {
        assertThat(names(search.result())).containsExactly("place 1", "place 2");
      }
      assertThat(log.lines()).filteredOn(line -> line.contains("cache shared")).hasSize(2);
      ctx.completeNow();
    })));
  }

  @Test
  void upstreamIsAskedForTwentyAndEachSearchGetsItsOwnMaxItems(Vertx vertx, VertxTestContext ctx) {
    CachedPlaces cache = cache(vertx, 100);
    Future<ObjectNode> two = cache.nearby(query("34.068930", "10000", 2));
    upstream.answerAll(ok(6));
    two.compose(first -> cache.nearby(query("34.068930", "10000", 5)).map(second -> List.of(first, second)))
        .onComplete(ctx.succeeding(answers -> ctx.verify(() -> {
          assertThat(upstream.queries).hasSize(1);
          assertThat(upstream.queries.get(0).maxItems()).isEqualTo(20);
          assertThat(names(answers.get(0))).containsExactly("place 1", "place 2");
          assertThat(names(answers.get(1))).containsExactly("place 1", "place 2", "place 3", "place 4",
              "place 5");
          ctx.completeNow();
        })));
  }

  @Test
  void centresThatRoundAlikeShareAnAnswerAndOthersDoNot(Vertx vertx) {
    CachedPlaces cache = cache(vertx, 100);
    cache.nearby(query("34.0689301", "10000", 5));
    cache.nearby(query("34.0686", "10000.0", 5));
    assertThat(upstream.queries).hasSize(1);
    assertThat(upstream.queries.get(0).latitude()).isEqualTo("34.0689301");
    cache.nearby(query("34.0696", "10000", 5));
    cache.nearby(query("34.0689301", "9000", 5));
    assertThat(upstream.queries).hasSize(3);
  }

  @Test
  void anAnswerExpiresAfterTheCacheTime(Vertx vertx, VertxTestContext ctx) {
    CachedPlaces cache = cache(vertx, 100);
    Future<ObjectNode> first = cache.nearby(query("34.068930", "10000", 5));
    upstream.answerAll(ok(1));
    first.compose(a -> {
      clock.addAndGet(59 * SECOND);
      return cache.nearby(query("34.068930", "10000", 5));
    }).compose(a -> {
      assertThat(upstream.queries).hasSize(1);
      clock.addAndGet(SECOND);
      return Future.succeededFuture(cache.nearby(query("34.068930", "10000", 5)));
    }).onComplete(ctx.succeeding(third -> ctx.verify(() -> {
      assertThat(upstream.queries).hasSize(2);
      ctx.completeNow();
    })));
  }

  @Test
  void errorsAreNotKept(Vertx vertx, VertxTestContext ctx) {
    CachedPlaces cache = cache(vertx, 100);
    Future<ObjectNode> first = cache.nearby(query("34.068930", "10000", 5));
    upstream.answerAll(PlacesJson.error("OVER_QUERY_LIMIT", "Slow down."));
    first.onComplete(ctx.succeeding(answer -> ctx.verify(() -> {
      assertThat(answer.get("status").asText()).isEqualTo("OVER_QUERY_LIMIT");
      cache.nearby(query("34.068930", "10000", 5));
      assertThat(upstream.queries).hasSize(2);
      ctx.completeNow();
    })));
  }

  @Test
  void anUpstreamFailureReachesEverySharerAndIsNotKept(Vertx vertx, VertxTestContext ctx) {
    CachedPlaces cache = cache(vertx, 100);
    Future<ObjectNode> first = cache.nearby(query("34.068930", "10000", 5));
    Future<ObjectNode> second = cache.nearby(query("34.068930", "10000", 5));
    upstream.pending.get(0).fail("broken");
    Future.join(first, second).onComplete(done -> ctx.verify(() -> {
      assertThat(first.cause()).hasMessage("broken");
      assertThat(second.cause()).hasMessage("broken");
      cache.nearby(query("34.068930", "10000", 5));
      assertThat(upstream.queries).hasSize(2);
      ctx.completeNow();
    }));
  }

  @Test
  void theLeastRecentlyUsedAnswerGoesWhenTheCacheIsFull(Vertx vertx, VertxTestContext ctx) {
    CachedPlaces cache = cache(vertx, 2);
    Future<ObjectNode> a = cache.nearby(query("1.0", "10000", 5));
    Future<ObjectNode> b = cache.nearby(query("2.0", "10000", 5));
    upstream.answerAll(ok(1));
    Future.all(a, b)
        .compose(x -> cache.nearby(query("1.0", "10000", 5)))
        .compose(x -> {
          Future<ObjectNode> c = cache.nearby(query("3.0", "10000", 5));
          upstream.answerAll(ok(1));
          return c;
        })
        .compose(x -> cache.nearby(query("1.0", "10000", 5)))
        .onComplete(ctx.succeeding(x -> ctx.verify(() -> {
          assertThat(upstream.queries).hasSize(3);
          cache.nearby(query("2.0", "10000", 5));
          assertThat(upstream.queries).hasSize(4);
          ctx.completeNow();
        })));
  }

  @Test
  void everySharerContinuesOnItsOwnEventLoop(Vertx vertx, VertxTestContext ctx) {
    CachedPlaces cache = cache(vertx, 100);
    Context first = ((VertxInternal) vertx).createEventLoopContext();
    Context second = ((VertxInternal) vertx).createEventLoopContext();
    Promise<Context> firstRanOn = Promise.promise();
    Promise<Context> secondRanOn = Promise.promise();
    first.runOnContext(v -> cache.nearby(query("34.068930", "10000", 5))
        .onComplete(done -> firstRanOn.complete(Vertx.currentContext())));
    second.runOnContext(v -> cache.nearby(query("34.068930", "10000", 5))
        .onComplete(done -> secondRanOn.complete(Vertx.currentContext())));
    vertx.setTimer(50, id -> first.runOnContext(v -> upstream.answerAll(ok(1))));
    Future.all(firstRanOn.future(), secondRanOn.future()).onComplete(ctx.succeeding(x -> ctx.verify(() -> {
      assertThat(upstream.queries).hasSize(1);
      assertThat(firstRanOn.future().result()).isSameAs(first);
      assertThat(secondRanOn.future().result()).isSameAs(second);
      ctx.completeNow();
    })));
  }
}
