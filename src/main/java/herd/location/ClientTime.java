package herd.location;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** A client's POSIX time as it wrote it, in seconds with any number of decimals, and its exact value. */
public record ClientTime(String text, BigDecimal seconds) implements Comparable<ClientTime> {

  private static final Pattern SECONDS = Pattern.compile("[+-]?\\d+(?:\\.\\d*)?|[+-]?\\.\\d+");

  /** The time, or null if the text is not a decimal number of seconds. */
  public static ClientTime parse(String text) {
    if (!SECONDS.matcher(text).matches()) {
      return null;
    }
    return new ClientTime(text, new BigDecimal(text));
  }

  @Override
  public int compareTo(ClientTime other) {
    return seconds.compareTo(other.seconds);
  }
}
