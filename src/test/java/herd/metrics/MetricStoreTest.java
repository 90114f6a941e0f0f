package herd.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import herd.replica.Applied;
import herd.replica.Version;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetricStoreTest {

  private final Vertx vertx = Vertx.vertx();
  private final MetricStore store = new MetricStore(vertx, "Test", 1_000);

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private String get(String key) {
    return MetricsReply.points(store.select(key)).toString(StandardCharsets.ISO_8859_1);
  }

  private static Version at(long clock, String node) {
    return new Version(clock, node);
  }

  @Test
  void holdsTheSeedsTableAndAnswersItsExamples() {
    store.offer("serv.cpu", 1619445320, 42.3, at(1, "A"));
    store.offer("serv.cpu", 1619445380, 2.0, at(2, "A"));
    store.offer("vers.memory", 1619445400, 1024, at(3, "A"));
    assertThat(store.offer("serv.cpu", 1619445380, 4.0, at(4, "A"))).isEqualTo(Applied.replacing(at(2, "A")));
    assertThat(get("*")).isEqualTo(
        "ok\nserv.cpu 42.3 1619445320\nserv.cpu 4.0 1619445380\nvers.memory 1024.0 1619445400\n\n");
    assertThat(get("vers.memory")).isEqualTo("ok\nvers.memory 1024.0 1619445400\n\n");
    assertThat(get("serv.memory")).isEqualTo("ok\n\n");
  }

  @Test
  void listsKeysInTheOrderFirstStoredAndPointsByTimestamp() {
    store.offer("b", 30, 1, at(1, "A"));
    store.offer("a", 20, 2, at(2, "A"));
    store.offer("b", 10, 3, at(3, "A"));
    store.offer("b", 20, 4, at(4, "A"));
    store.offer("a", -5, 5, at(5, "A"));
    store.offer("b", 30, 6, at(6, "A"));
    assertThat(get("*")).isEqualTo("ok\nb 3.0 10\nb 4.0 20\nb 6.0 30\na 5.0 -5\na 2.0 20\n\n");
    assertThat(store.points()).isEqualTo(5);
  }

  @Test
  void keepsTheHigherVersionWhateverTheOrderOfArrival() {
    assertThat(store.offer("k", 1, 10, at(5, "Hands"))).isEqualTo(Applied.ADDED);
    assertThat(store.offer("k", 1, 20, at(4, "Welsh"))).isEqualTo(Applied.STALE);
    assertThat(store.offer("k", 1, 30, at(5, "Hands"))).isEqualTo(Applied.STALE);
    assertThat(store.offer("k", 1, 40, at(5, "Welsh"))).isEqualTo(Applied.replacing(at(5, "Hands")));
    assertThat(store.offer("k", 1, 50, at(5, "Goloman"))).isEqualTo(Applied.STALE);
    assertThat(get("k")).isEqualTo("ok\nk 40.0 1\n\n");
  }

  @Test
  void comparesEqualClocksByNodeNameNotByArrival() {
    MetricStore other = new MetricStore(vertx, "Other", 1_000);
    other.offer("k", 1, 1, at(7, "Welsh"));
    other.offer("k", 1, 2, at(7, "Hands"));
    store.offer("k", 1, 2, at(7, "Hands"));
    store.offer("k", 1, 1, at(7, "Welsh"));
    assertThat(get("k")).isEqualTo("ok\nk 1.0 1\n\n");
    assertThat(MetricsReply.points(other.select("k")).toString(StandardCharsets.ISO_8859_1))
        .isEqualTo("ok\nk 1.0 1\n\n");
  }

  @Test
  void refusesNewPointsWhenFullButStillOverwrites() {
    MetricStore small = new MetricStore(vertx, "Small", 2);
    assertThat(small.offer("a", 1, 1, at(1, "A"))).isEqualTo(Applied.ADDED);
    assertThat(small.offer("a", 2, 1, at(2, "A"))).isEqualTo(Applied.ADDED);
    assertThat(small.offer("a", 3, 1, at(3, "A"))).isEqualTo(Applied.FULL);
    assertThat(small.offer("b", 1, 1, at(4, "A"))).isEqualTo(Applied.FULL);
    assertThat(small.offer("a", 2, 9, at(5, "A"))).isEqualTo(Applied.replacing(at(2, "A")));
    assertThat(MetricsReply.points(small.select("*")).toString(StandardCharsets.ISO_8859_1))
        .isEqualTo("ok\na 1.0 1\na 9.0 2\n\n");
  }

  @Test
  void takesVersionsOfAnyNumberOfWritersAndAnyClock() {
    for (int i = 0; i < 1_000; i++) {
      assertThat(store.offer("k", 1, i, at(10 + i, "node" + i)).isNews()).isTrue();
    }
    assertThat(store.offer("k", 1, 1, at(Long.MAX_VALUE, "A")).isNews()).isTrue();
    assertThat(get("k")).isEqualTo("ok\nk 1.0 1\n\n");
  }

  @Test
  void printsValuesAsPythonDoesAndKeysByteForByte() {
    store.offer("caf\u00e9", 1, 1e-7, at(1, "A"));
    store.offer("caf\u00e9", 2, 1e20, at(2, "A"));
    store.offer("caf\u00e9", 3, -0.0, at(3, "A"));
    store.offer("caf\u00e9", 4, 301, at(4, "A"));
    assertThat(get("*")).isEqualTo("ok\ncaf\u00e9 1e-07 1\ncaf\u00e9 1e+20 2\ncaf\u00e9 -0.0 3\ncaf\u00e9 301.0 4\n\n");
  }

  @Test
  void growsASeriesInsertingOutOfOrderTimestamps() {
    for (int t = 1000; t > 0; t -= 2) {
      store.offer("k", t, t, at(t, "A"));
    }
    for (int t = 1; t < 1000; t += 2) {
      store.offer("k", t, t, at(t, "A"));
    }
    StringBuilder expected = new StringBuilder("ok\n");
    for (int t = 1; t <= 1000; t++) {
      expected.append("k ").append(t).append(".0 ").append(t).append('\n');
    }
    assertThat(get("k")).isEqualTo(expected.append('\n').toString());
  }
}
