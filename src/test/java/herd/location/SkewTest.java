package herd.location;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SkewTest {

  @ParameterizedTest(name = "received {0}.{1}, sent {2} -> {3}")
  @CsvSource({
      "1520023935, 182837383, 1520023934.918963997, +0.263873386",
      "1520023934, 918963997, 1520023934.918963997, +0.000000000",
      "1520023934, 0, 1520023935, -1.000000000",
      "1520023934, 500000000, 1520023934.9, -0.400000000",
      "100, 0, 99, +1.000000000",
      "100, 0, 99.9999999995, +0.000000000",
      "100, 0, 99.9999999985, +0.000000002",
      "100, 0, 100.0000000005, +0.000000000",
      "100, 0, 100.0000000015, -0.000000002",
      "100, 1, 100.00000000049999, +0.000000001",
      "0, 0, 1700000000.123, -1700000000.123000000",
      "1700000000, 0, 0, +1700000000.000000000",
      "1700000000, 0, -5.5, +1700000005.500000000"})
  void isExactSignedAndHasNineDecimals(long seconds, int nanos, String client, String expected) {
    assertThat(Skew.format(Instant.ofEpochSecond(seconds, nanos), new BigDecimal(client))).isEqualTo(expected);
  }
}
