package herd.metrics;

import herd.protocol.Fields;

/**
 * Turns a line of the metrics protocol (Latin-1, one char per byte, without its line ending) into a
 * {@link MetricsCommand}. Commands are lower-case words; fields are runs of non-white-space. One pass finds the
 * fields' bounds without copying them, since this runs once for every put.
 */
public final class MetricsParser {

  private static final MetricsCommand BLANK = new MetricsCommand.Blank();
  private static final MetricsCommand INVALID = new MetricsCommand.Invalid();
  /** More fields than any command has: finding this many means the line is wrong. */
  private static final int TOO_MANY_FIELDS = 5;

  private MetricsParser() {
  }

  public static MetricsCommand parse(String line) {
    int[] bounds = new int[2 * TOO_MANY_FIELDS];
    int fields = 0;
    int n = line.length();
    int i = 0;
    while (fields < TOO_MANY_FIELDS) {
      while (i < n && Fields.isSpace(line.charAt(i))) {
        i++;
      }
      if (i == n) {
        break;
      }
      bounds[2 * fields] = i;
      while (i < n && !Fields.isSpace(line.charAt(i))) {
        i++;
      }
      bounds[2 * fields + 1] = i;
      fields++;
    }
    if (fields == 0) {
      return BLANK;
    }
    int commandLength = bounds[1] - bounds[0];
    if (commandLength == 3 && line.startsWith("put", bounds[0])) {
      return fields == 4 ? put(line, bounds) : INVALID;
    }
    if (commandLength == 3 && line.startsWith("get", bounds[0])) {
      return fields == 2 ? new MetricsCommand.Get(line.substring(bounds[2], bounds[3])) : INVALID;
    }
    return INVALID;
  }

  private static MetricsCommand put(String line, int[] bounds) {
    Double value = value(line, bounds[4], bounds[5]);
    Long timestamp = timestamp(line, bounds[6], bounds[7]);
    if (value == null || timestamp == null) {
      return INVALID;
    }
    return new MetricsCommand.Put(line.substring(bounds[2], bounds[3]), value, timestamp);
  }

  /** The value's finite number or null: a decimal or exponent number, as Python's float() reads it, nothing else. */
  public static Double value(String text) {
    return value(text, 0, text.length());
  }

  /** The timestamp's integer or null: optional sign, ASCII digits, within 64 bits. */
  public static Long timestamp(String text) {
    return timestamp(text, 0, text.length());
  }

  private static Double value(String text, int from, int to) {
    if (!isDecimal(text, from, to)) {
      return null;
    }
    double value = Double.parseDouble(text.substring(from, to));
    return Double.isFinite(value) ? value : null;
  }

  private static Long timestamp(String text, int from, int to) {
    if (!isInteger(text, from, to)) {
      return null;
    }
    try {
      return Long.parseLong(text, from, to, 10);
    } catch (NumberFormatException tooBig) {
      return null;
    }
  }

  /** {@code [+-]?(digits[.digits?]|.digits)([eE][+-]?digits)?}: what Java's parser takes, less hex, NaN, suffixes. */
  private static boolean isDecimal(String text, int from, int to) {
    int i = skipSign(text, from, to);
    int intDigits = digits(text, i, to);
    i += intDigits;
    int fractionDigits = 0;
    if (i < to && text.charAt(i) == '.') {
      fractionDigits = digits(text, i + 1, to);
      i += 1 + fractionDigits;
    }
    if (intDigits + fractionDigits == 0) {
      return false;
    }
    if (i < to && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      int start = skipSign(text, i + 1, to);
      int exponentDigits = digits(text, start, to);
      if (exponentDigits == 0) {
        return false;
      }
      i = start + exponentDigits;
    }
    return i == to;
  }

  private static boolean isInteger(String text, int from, int to) {
    int start = skipSign(text, from, to);
    int digits = digits(text, start, to);
    return digits > 0 && start + digits == to;
  }

  private static int skipSign(String text, int i, int to) {
    return i < to && (text.charAt(i) == '+' || text.charAt(i) == '-') ? i + 1 : i;
  }

  private static int digits(String text, int from, int to) {
    int i = from;
    while (i < to && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    return i - from;
  }
}
