package herd.metrics;

import herd.text.PythonFloat;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The metrics protocol's replies, byte for byte. */
public final class MetricsReply {

  public static final Buffer OK = latin1("ok\n\n");
  public static final Buffer ERROR = latin1("error\nwrong command\n\n");

  private static final byte[] OK_LINE = "ok\n".getBytes(StandardCharsets.ISO_8859_1);

  private MetricsReply() {
  }

  /** {@code ok\n}, one {@code <key> <value> <timestamp>\n} line per point, then {@code \n}. */
  static Buffer points(List<Series> selected) {
    Buffer out = Buffer.buffer(64);
    out.appendBytes(OK_LINE);
    for (Series series : selected) {
      Series.Points points = series.points();
      byte[] key = series.keyBytes();
      for (int i = 0; i < points.timestamps().length; i++) {
        out.appendBytes(key)
            .appendByte((byte) ' ')
            .appendString(PythonFloat.repr(points.values()[i]))
            .appendByte((byte) ' ')
            .appendString(Long.toString(points.timestamps()[i]))
            .appendByte((byte) '\n');
      }
    }
    return out.appendByte((byte) '\n');
  }

  private static Buffer latin1(String text) {
    return Buffer.buffer(text.getBytes(StandardCharsets.ISO_8859_1));
  }
}
