package herd.metrics;

import herd.protocol.Fields;
import java.util.List;

/**
 * Turns a line of the metrics protocol (Latin-1, one char per byte, without its line ending) into a
 * {@link MetricsCommand}. Commands are lower-case words; fields are runs of non-white-space.
 */
public final class MetricsParser {

  private static final MetricsCommand BLANK = new MetricsCommand.Blank();
  private static final MetricsCommand INVALID = new MetricsCommand.Invalid();

  private MetricsParser() {
  }

  public static MetricsCommand parse(String line) {
    List<String> f = Fields.split(line);
    if (f.isEmpty()) {
      return BLANK;
    }
    return switch (f.get(0)) {
      case "put" -> f.size() == 4 ? put(f.get(1), f.get(2), f.get(3)) : INVALID;
      case "get" -> f.size() == 2 ? new MetricsCommand.Get(f.get(1)) : INVALID;
      default -> INVALID;
    };
  }

  private static MetricsCommand put(String key, String valueText, String timestampText) {
    Double value = value(valueText);
    Long timestamp = timestamp(timestampText);
    return value == null || timestamp == null ? INVALID : new MetricsCommand.Put(key, value, timestamp);
  }

  /** The value's finite number or null: a decimal or exponent number, as Python's float() reads it, nothing else. */
  public static Double value(String text) {
    if (!isDecimal(text)) {
      return null;
    }
    double value = Double.parseDouble(text);
    return Double.isFinite(value) ? value : null;
  }

  /** The timestamp's integer or null: optional sign, ASCII digits, within 64 bits. */
  public static Long timestamp(String text) {
    if (!isInteger(text)) {
      return null;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException tooBig) {
      return null;
    }
  }

  /** {@code [+-]?(digits[.digits?]|.digits)([eE][+-]?digits)?}: what Java's parser takes, less hex, NaN, suffixes. */
  static boolean isDecimal(String text) {
    int i = skipSign(text, 0);
    int intDigits = digitsFrom(text, i);
    i += intDigits;
    int fractionDigits = 0;
    if (i < text.length() && text.charAt(i) == '.') {
      fractionDigits = digitsFrom(text, i + 1);
      i += 1 + fractionDigits;
    }
    if (intDigits + fractionDigits == 0) {
      return false;
    }
    if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      int start = skipSign(text, i + 1);
      int exponentDigits = digitsFrom(text, start);
      if (exponentDigits == 0) {
        return false;
      }
      i = start + exponentDigits;
    }
    return i == text.length();
  }

  static boolean isInteger(String text) {
    int start = skipSign(text, 0);
    int digits = digitsFrom(text, start);
    return digits > 0 && start + digits == text.length();
  }

  private static int skipSign(String text, int i) {
    return i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-') ? i + 1 : i;
  }

  private static int digitsFrom(String text, int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    return i - from;
  }
}
