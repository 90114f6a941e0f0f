package herd.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

class LogTextTest {

  @Test
  void escapesEverythingThatCouldForgeOrHideALogLine() {
    Buffer bytes = Buffer.buffer(new byte[] {'a', '\n', '2', '0', '\r', '\t', '"', '\\', 0x1b, (byte) 0xff, 0x7f});
    assertThat(LogText.quote(bytes)).isEqualTo("\"a\\n20\\r\\t\\\"\\\\\\x1b\\xff\\x7f\"");
  }

  @Test
  void printableBytesAreQuotedAsTheyAreAndEachOddOneOutIsCaught() {
    assertThat(LogText.quote(Buffer.buffer("IAMAT kiwi +34.068930-118.445127 1520023934.9"), 6, 10))
        .isEqualTo("\"kiwi\"");
    byte[] odd = {'"', '\\', 0x1f, 0x7f, (byte) 0x80};
    String[] shown = {"\\\"", "\\\\", "\\x1f", "\\x7f", "\\x80"};
    for (int i = 0; i < odd.length; i++) {
      Buffer bytes = Buffer.buffer("plain ").appendByte(odd[i]).appendString(" text");
      assertThat(LogText.quote(bytes)).isEqualTo("\"plain " + shown[i] + " text\"");
    }
  }

  @Test
  void quotesTextTheSameWay() {
    assertThat(LogText.quote("x\ny\u2028")).isEqualTo("\"x\\ny\\u2028\"");
  }
}
