package herd.metrics;

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
    List<Series.Points> points = selected.stream().map(Series::points).toList();
    int estimate = 8;
    for (int s = 0; s < selected.size(); s++) {
      estimate += points.get(s).timestamps().length * (selected.get(s).keyBytes().length + 24);
    }
    AsciiWriter out = new AsciiWriter(estimate).bytes(OK_LINE);
    for (int s = 0; s < selected.size(); s++) {
      byte[] key = selected.get(s).keyBytes();
      long[] timestamps = points.get(s).timestamps();
      double[] values = points.get(s).values();
      for (int i = 0; i < timestamps.length; i++) {
        out.bytes(key).letter(' ').pythonFloat(values[i]).letter(' ').integer(timestamps[i]).letter('\n');
      }
    }
    return out.letter('\n').toBuffer();
  }

  private static Buffer latin1(String text) {
    return Buffer.buffer(text.getBytes(StandardCharsets.ISO_8859_1));
  }
}
