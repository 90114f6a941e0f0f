package herd.location;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SkewTest {

  @ParameterizedTest(name = "received {0}.{1}, sent {2} -> {3}")
  @CsvSource({
      "1520023935, 182837383, 1520023934.918963997, +0.263873386",
      "1520023934, 918963997, 1520023934.918963997, +0.000000000",
      "1520023934, 0, 1520023935, -1.000000000",
      "1520023934, 500000000, 1520023934.9, -0.400000000",
      "1520023934, 500000000, +1520023934., +0.500000000",
      "1520023934, 500000000, .5, +1520023934.000000000",
      "100, 0, 99, +1.000000000",
      "100, 0, 99.9999999995, +0.000000000",
      "100, 0, 99.9999999985, +0.000000002",
      "100, 0, 100.0000000005, +0.000000000",
      "100, 0, 100.0000000015, -0.000000002",
      "100, 1, 100.00000000049999, +0.000000001",
      "0, 0, 1700000000.123, -1700000000.123000000",
      "1700000000, 0, 0, +1700000000.000000000",
      "1700000000, 0, -5.5, +1700000005.500000000",
      "1700000000, 0, 9000000000.000000001, -7300000000.000000001",
      "1700000000, 0, 9000000001, -7300000001.000000000",
      "1700000000, 0, -9000000001.5, +10700000001.500000000",
      "1700000000, 0, 00000000000000000000001700000000, +0.000000000"})
  void isExactSignedAndHasNineDecimals(long seconds, int nanos, String client, String expected) {
    assertThat(Skew.format(Instant.ofEpochSecond(seconds, nanos), ClientTime.parse(client))).isEqualTo(expected);
  }

  @Test
  void isTheExactDecimalDifferenceForAnyClientTime() {
    Random random = new Random(20261124);
    for (int i = 0; i < 100_000; i++) {
      Instant received = Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000_000));
      String whole = Long.toString(random.nextLong(random.nextBoolean() ? 10_000_000_000L : 100_000_000_000L));
      String decimals = Long.toString(Math.abs(random.nextLong())).substring(0, random.nextInt(13));
      String sign = new String[] {"", "+", "-"}[random.nextInt(3)];
      String text = sign + whole + (decimals.isEmpty() && random.nextBoolean() ? "" : "." + decimals);
      ClientTime client = ClientTime.parse(text);

      assertThat(Skew.format(received, client)).as(text).isEqualTo(Skew.format(received, new BigDecimal(text)));
    }
  }
}
