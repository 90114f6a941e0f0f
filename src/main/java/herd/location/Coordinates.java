package herd.location;

/**
 * An ISO 6709 position as a client wrote it, {@code ±lat±lon} in decimal degrees ({@code +34.068930-118.445127},
 * {@code +12-118}); both signs are required, |lat| ≤ 90 and |lon| ≤ 180.
 */
public record Coordinates(String text, String latitude, String longitude) {

  /**
   * The coordinates, or null if the text is not a valid position: two of {@code [+-]\d+(\.\d+)?} (ASCII digits),
   * read by hand rather than by a regular expression, for every IAMAT has one.
   */
  public static Coordinates parse(String text) {
    int split = endOfDegrees(text, 0);
    if (split < 0 || endOfDegrees(text, split) != text.length()) {
      return null;
    }
    if (!isAtMost(text, 0, split, 90) || !isAtMost(text, split, text.length(), 180)) {
      return null;
    }
    return new Coordinates(text, unsigned(text.substring(0, split)), unsigned(text.substring(split)));
  }

  /** Where the signed decimal {@code [+-]\d+(\.\d+)?} that starts at {@code from} ends, or -1 if none does. */
  private static int endOfDegrees(String text, int from) {
    if (from >= text.length() || text.charAt(from) != '+' && text.charAt(from) != '-') {
      return -1;
    }
    int end = endOfDigits(text, from + 1);
    if (end == from + 1) {
      return -1;
    }
    if (end < text.length() && text.charAt(end) == '.') {
      int fractionEnd = endOfDigits(text, end + 1);
      return fractionEnd == end + 1 ? -1 : fractionEnd;
    }
    return end;
  }

  static int endOfDigits(String text, int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    return i;
  }

  /** Whether the signed decimal {@code text[from, to)} (well formed) is at most {@code max} degrees either way. */
  private static boolean isAtMost(String text, int from, int to, int max) {
    int digits = from + 1;
    while (digits < to - 1 && text.charAt(digits) == '0' && text.charAt(digits + 1) != '.') {
      digits++;
    }
    int point = text.indexOf('.', digits);
    int wholeEnd = point < 0 || point >= to ? to : point;
    if (wholeEnd - digits > 3) {
      return false;
    }
    int whole = Integer.parseInt(text, digits, wholeEnd, 10);
    if (whole != max) {
      return whole < max;
    }
    for (int i = wholeEnd + 1; i < to; i++) {
      if (text.charAt(i) != '0') {
        return false;
      }
    }
    return true;
  }

  /** Google wants the digits without a {@code +}: {@code +34.068930} becomes {@code 34.068930}. */
  private static String unsigned(String signed) {
    return signed.charAt(0) == '+' ? signed.substring(1) : signed;
  }
}
