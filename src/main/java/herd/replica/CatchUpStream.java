package herd.replica;

import herd.peer.PeerLink;
import io.vertx.core.AsyncResult;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * One catch-up being sent to a neighbour: pieces read off the event loop from a {@link LogScan}, each ended by
 * {@code PIECE <n>}, which the neighbour answers {@code ACK <n>} once it has applied the piece; the last ends with
 * {@code CAUGHT …} instead. At most {@value #WINDOW} pieces are ahead of what the neighbour applied, so the link
 * never holds more than that of catch-up before a live flood, and a neighbour that applies slowly slows only its
 * own catch-up.
 */
final class CatchUpStream {

  static final String PIECE = "PIECE";
  static final String ACK = "ACK";
  static final int PIECE_BYTES = 64 * 1024;
  static final int WINDOW = 4;

  private final Vertx vertx;
  private final PeerLink link;
  private final LogScan scan;
  private final BiConsumer<CatchUpStream, Throwable> onEnd;
  private final long startedNanos = System.nanoTime();
  private long sent;
  private long acked;
  private boolean busy;
  private boolean ended;

  CatchUpStream(Vertx vertx, PeerLink link, LogScan scan, BiConsumer<CatchUpStream, Throwable> onEnd) {
    this.vertx = vertx;
    this.link = link;
    this.scan = scan;
    this.onEnd = onEnd;
  }

  PeerLink link() {
    return link;
  }

  LogScan scan() {
    return scan;
  }

  long millis() {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }

  void start() {
    sendNext();
  }

  /** The neighbour has applied piece {@code piece}. */
  void acked(long piece) {
    synchronized (this) {
      acked = Math.max(acked, piece);
    }
    sendNext();
  }

  /** The link dropped: end now unless a piece is on its way, whose failed write ends the stream. */
  void abort() {
    synchronized (this) {
      if (ended || busy) {
        return;
      }
      ended = true;
    }
    onEnd.accept(this, new IllegalStateException("the link to " + link.neighbour() + " dropped"));
  }

  private void sendNext() {
    long number;
    synchronized (this) {
      if (ended || busy || sent - acked >= WINDOW) {
        return;
      }
      busy = true;
      number = sent + 1;
    }
    vertx.executeBlocking(() -> {
      Buffer piece = Buffer.buffer(PIECE_BYTES + 4096);
      boolean more = scan.next(piece, PIECE_BYTES);
      String end = more ? PIECE + " " + number + "\n" : Vectors.line(Vectors.DONE, scan.watermarks());
      return piece.appendBytes(end.getBytes(StandardCharsets.ISO_8859_1));
    }, false).compose(link::send).onComplete(result -> written(number, result));
  }

  private void written(long number, AsyncResult<Void> result) {
    boolean last;
    synchronized (this) {
      busy = false;
      last = result.failed() || scan.isDone();
      ended = last;
      sent = number;
    }
    if (last) {
      onEnd.accept(this, result.failed() ? result.cause() : null);
    } else {
      sendNext();
    }
  }
}
