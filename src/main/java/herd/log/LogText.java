package herd.log;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * Renders untrusted bytes for a log line: printable ASCII as is, everything else escaped, so that client data can
 * never start a new log line or hide in one.
 */
public final class LogText {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private LogText() {
  }

  public static String quote(Buffer bytes) {
    return quote(bytes, 0, bytes.length());
  }

  public static String quote(Buffer bytes, int from, int to) {
    byte[] raw = bytes.getBytes(from, to);
    if (isPlain(raw)) {
      byte[] quoted = new byte[raw.length + 2];
      quoted[0] = '"';
      System.arraycopy(raw, 0, quoted, 1, raw.length);
      quoted[quoted.length - 1] = '"';
      return new String(quoted, StandardCharsets.ISO_8859_1);
    }
    StringBuilder out = new StringBuilder(raw.length + 2).append('"');
    for (byte b : raw) {
      appendEscaped(out, b & 0xff);
    }
    return out.append('"').toString();
  }

  /** Whether every byte shows as itself: printable ASCII, neither a quote nor a backslash (most lines are). */
  private static boolean isPlain(byte[] raw) {
    for (byte b : raw) {
      if (b < 0x20 || b >= 0x7f || b == '"' || b == '\\') {
        return false;
      }
    }
    return true;
  }

  public static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c > 0xff) {
        out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf])
            .append(HEX[c & 0xf]);
      } else {
        appendEscaped(out, c);
      }
    }
    return out.append('"').toString();
  }

  private static void appendEscaped(StringBuilder out, int b) {
    switch (b) {
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      case '"' -> out.append("\\\"");
      case '\\' -> out.append("\\\\");
      default -> {
        if (b >= 0x20 && b < 0x7f) {
          out.append((char) b);
        } else {
          out.append("\\x").append(HEX[b >> 4]).append(HEX[b & 0xf]);
        }
      }
    }
  }
}
