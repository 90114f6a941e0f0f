package herd.location;

import java.math.BigDecimal;

/** A client's POSIX time as it wrote it, in seconds with any number of decimals, and its exact value. */
public record ClientTime(String text, BigDecimal seconds) implements Comparable<ClientTime> {

  /**
   * The time, or null if the text is not a decimal number of seconds: {@code [+-]?\d+(\.\d*)?} or
   * {@code [+-]?\.\d+} (ASCII digits), checked by hand rather than by a regular expression.
   */
  public static ClientTime parse(String text) {
    int start = !text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-') ? 1 : 0;
    int wholeEnd = Coordinates.endOfDigits(text, start);
    int end = wholeEnd;
    if (end < text.length() && text.charAt(end) == '.') {
      end = Coordinates.endOfDigits(text, end + 1);
    }
    boolean hasDigits = wholeEnd > start || end > wholeEnd + 1;
    if (end != text.length() || !hasDigits) {
      return null;
    }
    return new ClientTime(text, new BigDecimal(text));
  }

  @Override
  public int compareTo(ClientTime other) {
    return seconds.compareTo(other.seconds);
  }
}
