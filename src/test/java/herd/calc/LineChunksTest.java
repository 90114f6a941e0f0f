package herd.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineChunksTest {

  /** The boundaries of all the chunks, cut one after another as the evaluation does. */
  private static int[] split(String text, int target) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    List<Integer> bounds = new ArrayList<>(List.of(0));
    for (int from = 0; from < bytes.length; ) {
      from = LineChunks.end(bytes, from, target);
      bounds.add(from);
    }
    return bounds.stream().mapToInt(Integer::intValue).toArray();
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
  void aChunkNeverEndsInsideALineNorPastTheText() {
    byte[] text = "1\n22\n333".getBytes(StandardCharsets.US_ASCII);
    assertThat(LineChunks.end(text, 0, Integer.MAX_VALUE)).isEqualTo(8);
    assertThat(LineChunks.end(text, 2, 1)).isEqualTo(5);
    assertThat(LineChunks.end(text, 5, 1)).isEqualTo(8);
  }

  @Test
  void theLastChunkMayEndWithoutANewline() {
    assertThat(split("1\n22", 2)).containsExactly(0, 2, 4);
    assertThat(split("1\n22", 100)).containsExactly(0, 4);
  }
}
