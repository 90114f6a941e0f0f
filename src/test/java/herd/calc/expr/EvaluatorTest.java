package herd.calc.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Hostile and limit cases that the Python-generated table cannot hold; the table covers the arithmetic. */
class EvaluatorTest {

  private static String evaluate(ExpressionLimits limits, byte[] line) {
    ResultWriter out = new ResultWriter(16);
    new Evaluator(limits).evaluate(line, 0, line.length, out);
    return new String(out.toBytes(), StandardCharsets.ISO_8859_1);
  }

  private static String evaluate(String line) {
    return evaluate(ExpressionLimits.DEFAULT, line);
  }

  private static String evaluate(ExpressionLimits limits, String line) {
    return evaluate(limits, line.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void pythonCodeIsASyntaxErrorNotExecuted() {
    assertThat(evaluate("import sys;sys.exit()")).isEqualTo("error: syntax error at column 1\n");
    assertThat(evaluate("__import__('os').system('true')")).isEqualTo("error: syntax error at column 1\n");
    assertThat(evaluate("2 ** 100")).isEqualTo("error: syntax error at column 4\n");
  }

  @Test
  void aMillionOpenParenthesesAreTooLongUnderTheDefaultLimits() {
    assertThat(evaluate("(".repeat(1_000_000) + "1" + ")".repeat(1_000_000))).isEqualTo("error: too long\n");
  }

  @Test
  void aMillionOpenParenthesesAreTooDeepWhenLengthAllowsThem() {
    ExpressionLimits roomy = new ExpressionLimits(3_000_000, 200, 8192);
    assertThat(evaluate(roomy, "(".repeat(1_000_000) + "1" + ")".repeat(1_000_000))).isEqualTo("error: too deep\n");
  }

  @Test
  void nestingUpToTheDepthLimitIsEvaluated() {
    ExpressionLimits shallow = new ExpressionLimits(10_000, 3, 8192);
    assertThat(evaluate(shallow, "(((1+2)*3))")).isEqualTo("9\n");
    assertThat(evaluate(shallow, "((((1))))")).isEqualTo("error: too deep\n");
  }

  @Test
  void aMillionUnaryMinusesNeedNoStack() {
    ExpressionLimits roomy = new ExpressionLimits(2_000_000, 200, 8192);
    assertThat(evaluate(roomy, "-".repeat(1_000_001) + "7")).isEqualTo("-7\n");
  }

  @Test
  void aTenMegabyteLineIsTooLongWithoutBeingParsed() {
    byte[] line = new byte[10 * 1024 * 1024];
    Arrays.fill(line, (byte) '9');
    assertThat(evaluate(ExpressionLimits.DEFAULT, line)).isEqualTo("error: too long\n");
  }

  @Test
  void theLengthLimitIsInclusive() {
    ExpressionLimits five = new ExpressionLimits(5, 200, 8192);
    assertThat(evaluate(five, "12+34")).isEqualTo("46\n");
    assertThat(evaluate(five, "12+345")).isEqualTo("error: too long\n");
  }

  @Test
  void binaryJunkIsASyntaxErrorAtItsFirstByte() {
    byte[] junk = new byte[256];
    for (int i = 0; i < junk.length; i++) {
      junk[i] = (byte) (255 - i);
    }
    assertThat(evaluate(ExpressionLimits.DEFAULT, junk)).isEqualTo("error: syntax error at column 1\n");
    assertThat(evaluate(ExpressionLimits.DEFAULT, new byte[] {'1', '+', 0, '2'}))
        .isEqualTo("error: syntax error at column 3\n");
  }

  @Test
  void invalidUtf8IsASyntaxErrorAtItsByteColumn() {
    assertThat(evaluate(ExpressionLimits.DEFAULT, new byte[] {'1', '+', (byte) 0xff, (byte) 0xfe}))
        .isEqualTo("error: syntax error at column 3\n");
    assertThat(evaluate(ExpressionLimits.DEFAULT, new byte[] {' ', (byte) 0xc3, (byte) 0x28}))
        .isEqualTo("error: syntax error at column 2\n");
  }

  @Test
  void integersAreBoundedByMagnitudeBitsAsPythonCountsThem() {
    ExpressionLimits bits64 = new ExpressionLimits(10_000, 200, 64);
    assertThat(evaluate(bits64, "18446744073709551615")).isEqualTo("18446744073709551615\n");
    assertThat(evaluate(bits64, "18446744073709551616")).isEqualTo("error: overflow\n");
    assertThat(evaluate(bits64, "-18446744073709551615")).isEqualTo("-18446744073709551615\n");
    assertThat(evaluate(bits64, "-9223372036854775808*2")).isEqualTo("error: overflow\n");
    assertThat(evaluate(bits64, "-9223372036854775808*2/2")).isEqualTo("error: overflow\n");
    assertThat(evaluate(bits64, "9223372036854775807*2+1")).isEqualTo("18446744073709551615\n");
  }

  @Test
  void anOverlongLiteralIsAnOverflowWithoutBeingConverted() {
    assertThat(evaluate("1" + "0".repeat(9_000))).isEqualTo("error: overflow\n");
    assertThat(evaluate("0".repeat(9_000) + "12")).isEqualTo("12\n");
  }

  @Test
  void theSameEvaluatorServesLineAfterLine() {
    Evaluator evaluator = new Evaluator(ExpressionLimits.DEFAULT);
    ResultWriter out = new ResultWriter(4);
    byte[] text = "1/0 x\n99999999999999999999*3\n2.5*2\n\n-9223372036854775808".getBytes(StandardCharsets.US_ASCII);
    int[][] lines = {{0, 5}, {6, 28}, {29, 34}, {35, 35}, {36, text.length}};
    for (int[] line : lines) {
      evaluator.evaluate(text, line[0], line[1], out);
    }
    assertThat(new String(out.toBytes(), StandardCharsets.US_ASCII))
        .isEqualTo("error: syntax error at column 5\n299999999999999999997\n5.0\n\n-9223372036854775808\n");
  }
}
