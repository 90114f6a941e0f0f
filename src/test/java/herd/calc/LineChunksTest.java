package herd.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineChunksTest {

  private static int[] split(String text, int target) {
    return LineChunks.split(text.getBytes(StandardCharsets.US_ASCII), target);
  }

  @Test
  void emptyTextHasNoChunk() {
    assertThat(split("", 4)).containsExactly(0);
  }

  @Test
  void chunksEndAfterANewline() {
    assertThat(split("1+1\n2+2\n3+3\n", 4)).containsExactly(0, 4, 8, 12);
    assertThat(split("1+1\n2+2\n3+3\n", 6)).containsExactly(0, 8, 12);
  }

  @Test
  void aLineLongerThanTheTargetStaysWhole() {
    assertThat(split("123456789\n1\n", 3)).containsExactly(0, 10, 12);
  }

  @Test
  void theLastChunkMayEndWithoutANewline() {
    assertThat(split("1\n22", 2)).containsExactly(0, 2, 4);
    assertThat(split("1\n22", 100)).containsExactly(0, 4);
  }
}
