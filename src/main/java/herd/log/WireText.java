package herd.log;

import io.vertx.core.buffer.Buffer;

/**
 * Bytes a client sent or was sent, as the wire log shows them: their first line, at most {@code limit} bytes of it,
 * escaped ({@link LogText}), then {@code +N bytes} for what was left out. The work is done by {@link #toString()},
 * on the log's writer thread, so the event loop that logs a line only queues this and the bytes, never copied
 * (they must not change once logged: lines and replies never do).
 */
public final class WireText {

  private final Buffer bytes;
  private final int limit;

  private WireText(Buffer bytes, int limit) {
    this.bytes = bytes;
    this.limit = limit;
  }

  public static WireText of(Buffer bytes, int limit) {
    return new WireText(bytes, limit);
  }

  @Override
  public String toString() {
    int length = bytes.length();
    int shown = Math.min(length, limit);
    for (int i = 0; i < shown; i++) {
      if (bytes.getByte(i) == '\n') {
        shown = i + 1;
        break;
      }
    }
    String text = LogText.quote(bytes, 0, shown);
    return shown == length ? text : text + " +" + (length - shown) + " bytes";
  }
}
