package herd.calc;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestReaderTest {

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static Buffer length(long n) {
    return Buffer.buffer().appendLong(n);
  }

  @Test
  void readsALengthThenThatManyBytes() {
    RequestReader reader = new RequestReader(100);
    assertThat(reader.feed(length(5).appendString("1+1\n2"))).isEqualTo(RequestReader.State.COMPLETE);
    assertThat(reader.takeBody()).isEqualTo(bytes("1+1\n2"));
  }

  @Test
  void theHeaderAndBodyMayArriveInAnyPieces() {
    RequestReader reader = new RequestReader(100);
    Buffer all = length(4).appendString("7/2\n");
    for (int i = 0; i < all.length() - 1; i++) {
      assertThat(reader.feed(all.getBuffer(i, i + 1))).isNotEqualTo(RequestReader.State.COMPLETE);
    }
    assertThat(reader.feed(all.getBuffer(all.length() - 1, all.length()))).isEqualTo(RequestReader.State.COMPLETE);
    assertThat(reader.takeBody()).isEqualTo(bytes("7/2\n"));
  }

  @Test
  void aZeroLengthIsACompleteEmptyRequest() {
    RequestReader reader = new RequestReader(100);
    assertThat(reader.feed(length(0))).isEqualTo(RequestReader.State.COMPLETE);
    assertThat(reader.takeBody()).isEmpty();
  }

  @Test
  void bytesAfterTheDeclaredLengthAreIgnored() {
    RequestReader reader = new RequestReader(100);
    assertThat(reader.feed(length(2).appendString("12+3"))).isEqualTo(RequestReader.State.COMPLETE);
    assertThat(reader.feed(Buffer.buffer("more"))).isEqualTo(RequestReader.State.COMPLETE);
    assertThat(reader.takeBody()).isEqualTo(bytes("12"));
  }

  @Test
  void aLengthOverTheLimitIsTooLargeBeforeAnyBodyArrives() {
    RequestReader reader = new RequestReader(100);
    assertThat(reader.feed(length(100))).isEqualTo(RequestReader.State.BODY);
    RequestReader over = new RequestReader(100);
    assertThat(over.feed(length(101))).isEqualTo(RequestReader.State.TOO_LARGE);
    assertThat(over.received()).isZero();
  }

  @Test
  void theLengthIsUnsigned() {
    RequestReader reader = new RequestReader(100);
    assertThat(reader.feed(length(-1))).isEqualTo(RequestReader.State.TOO_LARGE);
    assertThat(Long.toUnsignedString(reader.declared())).isEqualTo("18446744073709551615");
  }

  @Test
  void countsTheBodyBytesThatArrived() {
    RequestReader reader = new RequestReader(1_000_000);
    reader.feed(length(6).appendString("1+"));
    assertThat(reader.received()).isEqualTo(2);
    reader.feed(Buffer.buffer("2\n3\n"));
    assertThat(reader.received()).isEqualTo(6);
    assertThat(reader.takeBody()).isEqualTo(bytes("1+2\n3\n"));
  }

  @Test
  void aLargeBodyGrowsAsItArrives() {
    RequestReader reader = new RequestReader(1_000_000);
    reader.feed(length(1_000_000).appendString("1"));
    assertThat(reader.received()).isEqualTo(1);
    reader.feed(Buffer.buffer(new byte[200_000]));
    assertThat(reader.received()).isEqualTo(200_001);
    reader.feed(Buffer.buffer(new byte[799_999]));
    assertThat(reader.state()).isEqualTo(RequestReader.State.COMPLETE);
    assertThat(reader.takeBody()).hasSize(1_000_000);
  }

  @Test
  void knowsWhetherAnythingArrived() {
    RequestReader reader = new RequestReader(100);
    assertThat(reader.started()).isFalse();
    reader.feed(Buffer.buffer(new byte[3]));
    assertThat(reader.started()).isTrue();
    assertThat(reader.state()).isEqualTo(RequestReader.State.HEADER);
  }
}
