package herd.replica;

import java.nio.charset.StandardCharsets;

/**
 * How every replicated update travels between nodes and lies on disk, whatever its kind:
 * {@code U <origin> <hlc> <prev> <kind> <payload>}. {@code prev} is the clock of the origin's previous update, so a
 * receiver can tell whether it has every update of that origin so far (see {@link Watermarks}).
 */
public record Envelope(String origin, long hlc, long prev, String kind, String payload) {

  public static final String WORD = "U";

  public Version version() {
    return new Version(hlc, origin);
  }

  public String line() {
    return WORD + " " + origin + " " + hlc + " " + prev + " " + kind + " " + payload;
  }

  public byte[] bytes() {
    return line().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** The envelope a line holds (Latin-1, without its {@code \n}), or null if it is not one. */
  public static Envelope parse(String line) {
    String[] f = line.split(" ", 6);
    if (f.length != 6 || !f[0].equals(WORD) || !Origins.isValidId(f[1]) || f[4].isEmpty()) {
      return null;
    }
    long hlc = parseClock(f[2]);
    long prev = parseClock(f[3]);
    if (hlc <= 0 || prev < 0 || prev >= hlc) {
      return null;
    }
    return new Envelope(f[1], hlc, prev, f[4], f[5]);
  }

  /** A non-negative decimal clock, or -1. */
  static long parseClock(String text) {
    if (text.isEmpty() || text.length() > 18) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
