package herd.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

class WireTextTest {

  @Test
  void aShortLineIsShownWholeAndEscaped() {
    assertThat(WireText.of(WireText.heading("herd conn=1 <-"), Buffer.buffer("IAMAT a\u001b[2K"), 256))
        .hasToString("herd conn=1 <- \"IAMAT a\\x1b[2K\"");
  }

  @Test
  void aLongLineIsCutAtTheLimitAndSaysHowMuchWasLeftOut() {
    assertThat(WireText.of(WireText.heading("c"), Buffer.buffer("x".repeat(1000)), 8))
        .hasToString("c \"xxxxxxxx\" +992 bytes");
  }

  @Test
  void aReplyIsShownUpToItsFirstNewline() {
    assertThat(WireText.of(WireText.heading("c ->"), Buffer.buffer("AT a\n{\n  \"results\" : []\n}\n\n"), 256))
        .hasToString("c -> \"AT a\\n\" +22 bytes");
  }
}
