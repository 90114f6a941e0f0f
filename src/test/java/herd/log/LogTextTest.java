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
  void quotesTextTheSameWay() {
    assertThat(LogText.quote("x\ny\u2028")).isEqualTo("\"x\\ny\\u2028\"");
  }
}
