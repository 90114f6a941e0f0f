package herd.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import herd.text.PythonFloat;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AsciiWriterTest {

  private static String printed(double value) {
    return new AsciiWriter(4).pythonFloat(value).toBuffer().toString(StandardCharsets.ISO_8859_1);
  }

  @ParameterizedTest
  @ValueSource(doubles = {42.3, 301, 2.0, -0.0, 0, 0.1, 0.0001, 0.00012345, 1e-5, 1e15, 1e16, 999999999999999.0,
      99999999999999.9, 123456.123456, 0.30000000000000004, 1024, -12.5, 5e-324, 1.7976931348623157e308, 1e-7,
      1e20, 0.000123, 123456789012.5, 4.35, 2.675, 1.1, 0.7, 9007199254740993.0})
  void printsValuesAsPythonDoes(double value) {
    assertThat(printed(value)).isEqualTo(PythonFloat.repr(value));
  }

  @Test
  void printsDecimalsOfEveryShapeAsPythonDoes() {
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 100_000; i++) {
      long digits = random.nextLong(1, 1L << random.nextInt(1, 60));
      int scale = random.nextInt(0, 12);
      double value = (random.nextBoolean() ? -1 : 1) * (digits / Math.pow(10, scale));
      assertThat(printed(value)).as("digits %d scale %d", digits, scale).isEqualTo(PythonFloat.repr(value));
    }
  }

  @Test
  void printsArbitraryDoublesAsPythonDoes() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 100_000; i++) {
      double value = Double.longBitsToDouble(random.nextLong());
      if (Double.isFinite(value)) {
        assertThat(printed(value)).isEqualTo(PythonFloat.repr(value));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 7, -7, 1503319740, Long.MAX_VALUE, Long.MIN_VALUE, 1000000000000000000L})
  void printsIntegersPlainly(long value) {
    assertThat(new AsciiWriter(1).integer(value).toBuffer().toString(StandardCharsets.ISO_8859_1))
        .isEqualTo(Long.toString(value));
  }
}
