package herd.log;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * Renders untrusted bytes for a log line: printable ASCII as is, everything else escaped, so that client data can
 * never start a new log line or hide in one.
 */
public final class LogText {

  private static final char[] HEX = "0123456789abcdef".toCharArray();
  /** How each byte is shown: null for one that shows as itself. */
  private static final byte[][] ESCAPES = new byte[256][];

  static {
    for (int b = 0; b < 256; b++) {
      String escape = switch (b) {
        case '\n' -> "\\n";
        case '\r' -> "\\r";
        case '\t' -> "\\t";
        case '"' -> "\\\"";
        case '\\' -> "\\\\";
        default -> b >= 0x20 && b < 0x7f ? null : "\\x" + HEX[b >> 4] + HEX[b & 0xf];
      };
      ESCAPES[b] = escape == null ? null : escape.getBytes(StandardCharsets.US_ASCII);
    }
  }

  private LogText() {
  }

  public static String quote(Buffer bytes) {
    return quote(bytes, 0, bytes.length());
  }

  public static String quote(Buffer bytes, int from, int to) {
    byte[] raw = bytes.getBytes(from, to);
    byte[] out = new byte[quotedLength(raw, raw.length)];
    quoteInto(raw, raw.length, out, 0);
    return new String(out, StandardCharsets.ISO_8859_1);
  }

  /** How many bytes {@link #quoteInto} writes for the first {@code length} bytes of {@code raw}. */
  static int quotedLength(byte[] raw, int length) {
    int quoted = 2;
    for (int i = 0; i < length; i++) {
      byte[] escape = ESCAPES[raw[i] & 0xff];
      quoted += escape == null ? 1 : escape.length;
    }
    return quoted;
  }

  /** Writes the first {@code length} bytes of {@code raw}, quoted, into {@code out} from {@code at}. */
  static void quoteInto(byte[] raw, int length, byte[] out, int at) {
    out[at++] = '"';
    for (int i = 0; i < length; i++) {
      byte b = raw[i];
      byte[] escape = ESCAPES[b & 0xff];
      if (escape == null) {
        out[at++] = b;
      } else {
        System.arraycopy(escape, 0, out, at, escape.length);
        at += escape.length;
      }
    }
    out[at] = '"';
  }

  public static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c > 0xff) {
        out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf])
            .append(HEX[c & 0xf]);
      } else if (ESCAPES[c] == null) {
        out.append(c);
      } else {
        out.append(new String(ESCAPES[c], StandardCharsets.US_ASCII));
      }
    }
    return out.append('"').toString();
  }
}
