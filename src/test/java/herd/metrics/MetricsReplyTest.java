package herd.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import herd.net.ReplyChunks;
import herd.replica.Version;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetricsReplyTest {

  private final Vertx vertx = Vertx.vertx();
  private final MetricStore store = new MetricStore(vertx, "Reply", 1_000_000);
  private long clock;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private void put(String key, long timestamp, double value) {
    store.offer(key, timestamp, value, new Version(++clock, "Reply"));
  }

  @Test
  void aGetProducedInSmallPiecesIsTheWholeReplyAndEachPieceEndsALine() {
    StringBuilder expected = new StringBuilder("ok\n");
    put("a", Long.MIN_VALUE, 1);
    expected.append("a 1.0 ").append(Long.MIN_VALUE).append('\n');
    for (int i = 0; i < 10_000; i++) {
      put("a", i, i / 4.0);
      expected.append("a ").append(i / 4.0).append(' ').append(i).append('\n');
    }
    put("a", Long.MAX_VALUE, -0.5);
    expected.append("a -0.5 ").append(Long.MAX_VALUE).append('\n');
    put("b", 7, 1e-5);
    expected.append("b 1e-05 7\n\n");

    ReplyChunks chunks = MetricsReply.chunks(store.select("*"));
    StringBuilder whole = new StringBuilder();
    for (Buffer piece = chunks.next(1000); piece != null; piece = chunks.next(1000)) {
      String text = piece.toString(StandardCharsets.ISO_8859_1);
      assertThat(text).endsWith("\n");
      assertThat(text.length()).isLessThan(1000 + 40);
      whole.append(text);
    }
    assertThat(whole.toString()).isEqualTo(expected.toString());
  }

  @Test
  void aGetOfNothingIsOkAndAnEmptyLine() {
    assertThat(MetricsReply.chunks(store.select("missing")).all().toString(StandardCharsets.ISO_8859_1))
        .isEqualTo("ok\n\n");
  }
}
