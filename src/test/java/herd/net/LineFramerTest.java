package herd.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineFramerTest {

  private final List<String> events = new ArrayList<>();
  private final LineFramer framer = new LineFramer(8, new LineFramer.Sink() {
    @Override
    public void line(Buffer line) {
      events.add("line:" + line);
    }

    @Override
    public void overlong(Buffer head) {
      events.add("overlong:" + head);
    }
  });

  @Test
  void splitsSeveralLinesInOneChunk() {
    framer.feed(Buffer.buffer("a b\ncd\n\nef\n"));
    assertThat(events).containsExactly("line:a b", "line:cd", "line:", "line:ef");
  }

  @Test
  void reportsAnOverlongLineWhollyInsideOneChunk() {
    framer.feed(Buffer.buffer("ok\n123456789abc\r\nok2\n"));
    assertThat(events).containsExactly("line:ok", "overlong:12345678", "line:ok2");
  }

  @Test
  void readsAChunkThatIsASliceOfALargerBuffer() {
    framer.feed(Buffer.buffer("xx\nab\ncd\nyy").slice(3, 9));
    framer.finish();
    assertThat(events).containsExactly("line:ab", "line:cd");
  }

  @Test
  void joinsALineSplitOverChunks() {
    framer.feed(Buffer.buffer("ab"));
    framer.feed(Buffer.buffer("c"));
    assertThat(events).isEmpty();
    framer.feed(Buffer.buffer("d\ne"));
    assertThat(events).containsExactly("line:abcd");
  }

  @Test
  void dropsOneCarriageReturnBeforeTheNewline() {
    framer.feed(Buffer.buffer("ab\r\ncd\r\r\n\r"));
    framer.feed(Buffer.buffer("\n"));
    assertThat(events).containsExactly("line:ab", "line:cd\r", "line:");
  }

  @Test
  void aLastLineWithoutNewlineCountsWhenTheStreamEnds() {
    framer.feed(Buffer.buffer("ab\ncd"));
    framer.finish();
    assertThat(events).containsExactly("line:ab", "line:cd");
  }

  @Test
  void nothingPendingMeansNothingAtTheEnd() {
    framer.feed(Buffer.buffer("ab\n"));
    framer.finish();
    assertThat(events).containsExactly("line:ab");
  }

  @Test
  void aLineAtTheLimitIsALineEvenWithACarriageReturn() {
    framer.feed(Buffer.buffer("12345678\n12345678\r\n"));
    assertThat(events).containsExactly("line:12345678", "line:12345678");
  }

  @Test
  void anOverlongLineIsReportedByItsHeadAndTheRestSkipped() {
    framer.feed(Buffer.buffer("123456789"));
    framer.feed(Buffer.buffer("abcdef"));
    framer.feed(Buffer.buffer("gh\nok\n"));
    assertThat(events).containsExactly("overlong:12345678", "line:ok");
  }

  @Test
  void anOverlongLineEndingExactlyOneByteOverIsReported() {
    framer.feed(Buffer.buffer("123456789\nok\n"));
    assertThat(events).containsExactly("overlong:12345678", "line:ok");
  }

  @Test
  void anOverlongLastLineIsNotReportedTwiceAtTheEnd() {
    framer.feed(Buffer.buffer("123456789abc"));
    framer.finish();
    assertThat(events).containsExactly("overlong:12345678");
  }
}
