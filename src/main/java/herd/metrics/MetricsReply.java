package herd.metrics;

import herd.net.ReplyChunks;
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
    return chunks(selected).all();
  }

  /**
   * The same reply produced a piece at a time, as the socket drains: the list of series is the one given, each
   * series is read a slice of points at a time as the pieces are produced, so a {@code get *} of millions of points
   * holds one piece and one slice, not the whole reply.
   */
  static ReplyChunks chunks(List<Series> selected) {
    return new PointChunks(selected);
  }

  private static Buffer latin1(String text) {
    return Buffer.buffer(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static final class PointChunks implements ReplyChunks {

    private static final int SLICE_POINTS = 4096;

    private final List<Series> series;
    private int nextSeries;
    private Series current;
    private byte[] key;
    /** Whether the current series may hold points from {@link #from} on that are not yet written. */
    private boolean more;
    private long from;
    private Series.Points slice;
    private int at;
    private boolean started;
    private boolean done;

    PointChunks(List<Series> series) {
      this.series = series;
    }

    @Override
    public Buffer next(int maxBytes) {
      if (done) {
        return null;
      }
      AsciiWriter out = new AsciiWriter(maxBytes + 1024);
      if (!started) {
        out.bytes(OK_LINE);
        started = true;
      }
      while (out.length() < maxBytes) {
        if (slice == null || at == slice.timestamps().length) {
          if (!nextSlice()) {
            out.letter('\n');
            done = true;
            break;
          }
        }
        out.bytes(key).letter(' ').pythonFloat(slice.values()[at]).letter(' ').integer(slice.timestamps()[at])
            .letter('\n');
        at++;
      }
      return out.toBuffer();
    }

    /** Reads the next slice of the current series, or of the next series with points; false when none is left. */
    private boolean nextSlice() {
      while (true) {
        if (current != null && more) {
          slice = current.points(from, SLICE_POINTS);
          at = 0;
          long[] timestamps = slice.timestamps();
          more = timestamps.length == SLICE_POINTS && timestamps[timestamps.length - 1] != Long.MAX_VALUE;
          if (more) {
            from = timestamps[timestamps.length - 1] + 1;
          }
          if (timestamps.length > 0) {
            return true;
          }
        }
        if (nextSeries == series.size()) {
          return false;
        }
        current = series.get(nextSeries++);
        key = current.keyBytes();
        from = Long.MIN_VALUE;
        more = true;
      }
    }
  }
}
