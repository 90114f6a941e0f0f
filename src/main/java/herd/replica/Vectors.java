package herd.replica;

import java.util.HashMap;
import java.util.Map;

/**
 * The catch-up lines: {@code VV <origin>=<watermark> ...} asks a neighbour for every update above these watermarks;
 * {@code CAUGHT <origin>=<watermark> ...} ends the stream that answers it and vouches for the sender's watermarks.
 */
final class Vectors {

  static final String REQUEST = "VV";
  static final String DONE = "CAUGHT";

  private Vectors() {
  }

  static String line(String word, Map<String, Long> watermarks) {
    StringBuilder line = new StringBuilder(word);
    watermarks.forEach((origin, w) -> line.append(' ').append(origin).append('=').append(w));
    return line.append('\n').toString();
  }

  /** The watermarks a line names, or null if it is malformed. */
  static Map<String, Long> parse(String line) {
    String[] fields = line.split(" ");
    Map<String, Long> watermarks = new HashMap<>();
    for (int i = 1; i < fields.length; i++) {
      int equals = fields[i].lastIndexOf('=');
      if (equals <= 0) {
        return null;
      }
      String origin = fields[i].substring(0, equals);
      long w = Envelope.parseClock(fields[i].substring(equals + 1));
      if (!Origins.isValidId(origin) || w < 0) {
        return null;
      }
      watermarks.put(origin, w);
    }
    return watermarks;
  }
}
