package herd.calc;

import static org.assertj.core.api.Assertions.assertThat;

import herd.calc.expr.ExpressionLimits;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChunkResultTest {

  private static ChunkResult evaluate(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    return ChunkResult.evaluate(bytes, 0, bytes.length, ExpressionLimits.DEFAULT);
  }

  private static String text(ChunkResult result) {
    return new String(result.bytes(), StandardCharsets.US_ASCII);
  }

  @Test
  void oneResultLinePerInputLineInOrder() {
    ChunkResult result = evaluate("1+1\n7/2\n\n1/0\nx\n2*3\n");
    assertThat(text(result)).isEqualTo("2\n3.5\n\nerror: division by zero\nerror: syntax error at column 1\n6\n");
    assertThat(result.lines()).isEqualTo(6);
    assertThat(result.errors()).isEqualTo(2);
  }

  @Test
  void aCarriageReturnBeforeTheNewlineIsDropped() {
    assertThat(text(evaluate("1+1\r\n2\r\n\r\n"))).isEqualTo("2\n2\n\n");
  }

  @Test
  void aCarriageReturnElsewhereIsASyntaxError() {
    assertThat(text(evaluate("1\r+1\n"))).isEqualTo("error: syntax error at column 2\n");
  }

  @Test
  void aLastLineWithoutNewlineIsStillALine() {
    ChunkResult result = evaluate("1\n2+3");
    assertThat(text(result)).isEqualTo("1\n5\n");
    assertThat(result.lines()).isEqualTo(2);
  }

  @Test
  void aLoneNewlineIsOneEmptyLine() {
    assertThat(text(evaluate("\n"))).isEqualTo("\n");
  }
}
