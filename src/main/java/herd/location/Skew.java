package herd.location;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * The AT reply's second field: the server's receive time minus the client's time, in exact decimal arithmetic,
 * rounded once (half even) to nine decimals and always signed; a difference that rounds to zero is {@code +}.
 */
public final class Skew {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  /**
   * Times up to this many seconds either way (the year 2096), a client's with at most nine decimals, are exact in
   * nanoseconds, and so is the difference of two of them.
   */
  private static final long MAX_NANOSECOND_SECONDS = 4_000_000_000L;
  private static final int NANO_DIGITS = 9;

  private Skew() {
  }

  public static String format(Instant received, ClientTime client) {
    long clientNanos = nanos(client.text());
    if (clientNanos == Long.MIN_VALUE || Math.abs(received.getEpochSecond()) > MAX_NANOSECOND_SECONDS) {
      return format(received, client.seconds());
    }
    long skew = received.getEpochSecond() * NANOS_PER_SECOND + received.getNano() - clientNanos;
    long magnitude = Math.abs(skew);
    String fraction = Long.toString(magnitude % NANOS_PER_SECOND);
    return (skew < 0 ? "-" : "+") + magnitude / NANOS_PER_SECOND + "."
        + "0".repeat(NANO_DIGITS - fraction.length()) + fraction;
  }

  static String format(Instant received, BigDecimal clientSeconds) {
    BigDecimal serverSeconds = BigDecimal.valueOf(received.getEpochSecond())
        .add(BigDecimal.valueOf(received.getNano(), 9));
    BigDecimal skew = serverSeconds.subtract(clientSeconds).setScale(9, RoundingMode.HALF_EVEN);
    String digits = skew.toPlainString();
    return skew.signum() < 0 ? digits : "+" + digits;
  }

  /**
   * A well-formed client time ({@link ClientTime#parse}) in nanoseconds, or {@link Long#MIN_VALUE} if it has more
   * than nine decimals or is too large for a long: most clients write a time that fits, and a long is exact for it.
   */
  private static long nanos(String text) {
    int i = 0;
    boolean negative = false;
    if (text.charAt(0) == '+' || text.charAt(0) == '-') {
      negative = text.charAt(0) == '-';
      i++;
    }
    long seconds = 0;
    for (; i < text.length() && text.charAt(i) != '.'; i++) {
      seconds = seconds * 10 + (text.charAt(i) - '0');
      if (seconds > MAX_NANOSECOND_SECONDS) {
        return Long.MIN_VALUE;
      }
    }
    long nanos = 0;
    int decimals = 0;
    for (i++; i < text.length(); i++, decimals++) {
      if (decimals == NANO_DIGITS) {
        return Long.MIN_VALUE;
      }
      nanos = nanos * 10 + (text.charAt(i) - '0');
    }
    for (; decimals < NANO_DIGITS; decimals++) {
      nanos *= 10;
    }
    long total = seconds * NANOS_PER_SECOND + nanos;
    return negative ? -total : total;
  }
}
