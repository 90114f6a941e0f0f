package herd.location;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * The AT reply's second field: the server's receive time minus the client's time, in exact decimal arithmetic,
 * rounded once (half even) to nine decimals and always signed; a difference that rounds to zero is {@code +}.
 */
public final class Skew {

  private Skew() {
  }

  public static String format(Instant received, BigDecimal clientSeconds) {
    BigDecimal serverSeconds = BigDecimal.valueOf(received.getEpochSecond())
        .add(BigDecimal.valueOf(received.getNano(), 9));
    BigDecimal skew = serverSeconds.subtract(clientSeconds).setScale(9, RoundingMode.HALF_EVEN);
    String digits = skew.toPlainString();
    return skew.signum() < 0 ? digits : "+" + digits;
  }
}
