package herd.log;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * What the wire log says of bytes a client sent or was sent: who and which way ({@code herd conn=7 127.0.0.1:5190 <-}),
 * then the bytes' first line, at most {@code limit} bytes of it, escaped ({@link LogText}), then {@code +N bytes} for
 * what was left out. The work is done on the log's writer thread ({@link WireEvent}), so the event loop that logs a
 * line only queues this and the bytes, never copied (they must not change once logged: lines and replies never do).
 */
public final class WireText {

  private final byte[] heading;
  private final Buffer bytes;
  private final int limit;

  private WireText(byte[] heading, Buffer bytes, int limit) {
    this.heading = heading;
    this.bytes = bytes;
    this.limit = limit;
  }

  /** The bytes, after {@code heading} (Latin-1 text, see {@link #heading}) and a space. */
  public static WireText of(byte[] heading, Buffer bytes, int limit) {
    return new WireText(heading, bytes, limit);
  }

  /** A heading, made once for the many lines of a connection. */
  public static byte[] heading(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** The message, printable ASCII. */
  byte[] message() {
    int length = bytes.length();
    byte[] raw = bytes.getBytes(0, Math.min(length, limit));
    int shown = raw.length;
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] == '\n') {
        shown = i + 1;
        break;
      }
    }
    byte[] leftOut = shown == length ? new byte[0] : heading(" +" + (length - shown) + " bytes");
    int quotedAt = heading.length + 1;
    int leftOutAt = quotedAt + LogText.quotedLength(raw, shown);
    byte[] text = new byte[leftOutAt + leftOut.length];
    System.arraycopy(heading, 0, text, 0, heading.length);
    text[heading.length] = ' ';
    LogText.quoteInto(raw, shown, text, quotedAt);
    System.arraycopy(leftOut, 0, text, leftOutAt, leftOut.length);
    return text;
  }

  @Override
  public String toString() {
    return new String(message(), StandardCharsets.ISO_8859_1);
  }
}
