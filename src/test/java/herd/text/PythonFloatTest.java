package herd.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonFloatTest {

  /** Expected strings are what CPython 3 prints for {@code repr(float(text))}. */
  @Test
  void everyPrintedValueReadsBackToTheSameDouble() {
    SplittableRandom random = new SplittableRandom(6709);
    for (int i = 0; i < 200_000; i++) {
      double value = Double.longBitsToDouble(random.nextLong());
      if (Double.isFinite(value)) {
        assertThat(Double.parseDouble(PythonFloat.repr(value))).isEqualTo(value);
      }
    }
  }

  @ParameterizedTest(name = "repr({0}) = {1}")
  @CsvSource(delimiter = '|', value = {
      "42.3|42.3", "301|301.0", "2.0|2.0", "1024|1024.0", "-0.0|-0.0", "0|0.0",
      "0.1|0.1", "0.30000000000000004|0.30000000000000004", "0.3333333333333333|0.3333333333333333",
      "1e-05|1e-05", "0.0001|0.0001", "0.00012345|0.00012345", "1.5e-7|1.5e-07", "-1e-7|-1e-07",
      "1e16|1e+16", "1e15|1000000000000000.0", "9999999999999998|9999999999999998.0", "1.2345e16|1.2345e+16",
      "1e+20|1e+20", "1e100|1e+100", "1e-100|1e-100", "123456789012.5|123456789012.5",
      "5e-324|5e-324", "1.7976931348623157e308|1.7976931348623157e+308", "2e-3|0.002", "1e7|10000000.0",
      "1e22|1e+22", "1e-323|1e-323", "1.5e-323|1.5e-323", "2.5e-323|2.5e-323", "9e-324|1e-323", "4e-323|4e-323", "1e23|1e+23", "2e23|2e+23", "-12.5|-12.5", "nan|nan", "inf|inf", "-inf|-inf"})
  void printsLikePythonRepr(String text, String expected) {
    assertThat(PythonFloat.repr(Double.parseDouble(text.replace("inf", "Infinity").replace("nan", "NaN"))))
        .isEqualTo(expected);
  }
}
