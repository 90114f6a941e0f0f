package herd.net;

import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;

/**
 * Splits a byte stream into lines ending with {@code \n}, dropping a {@code \r} before it. A pure state machine:
 * feed it buffers, it reports whole lines, and lines longer than the limit as their first {@code maxLineBytes}
 * bytes (the rest of such a line is skipped up to its end).
 */
public final class LineFramer {

  /** Receives what the framer finds, in stream order. */
  public interface Sink {
    void line(Buffer line);

    void overlong(Buffer head);
  }

  private static final byte NEWLINE = '\n';

  private final int maxLineBytes;
  private final Sink sink;
  private Buffer partial = Buffer.buffer();
  private boolean skipping;

  public LineFramer(int maxLineBytes, Sink sink) {
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("maxLineBytes must be positive");
    }
    this.maxLineBytes = maxLineBytes;
    this.sink = sink;
  }

  public void feed(Buffer chunk) {
    ByteBuf bytes = ((BufferInternal) chunk).getByteBuf();
    int length = chunk.length();
    int start = 0;
    for (int i = bytes.indexOf(0, length, NEWLINE); i >= 0; i = bytes.indexOf(start, length, NEWLINE)) {
      if (!skipping) {
        if (partial.length() == 0) {
          emit(chunk, start, i);
        } else {
          append(chunk, start, i);
          if (!skipping) {
            emit(partial, 0, partial.length());
            partial = Buffer.buffer();
          }
        }
      }
      skipping = false;
      start = i + 1;
    }
    if (!skipping) {
      append(chunk, start, length);
    }
  }

  /** The stream ended: a last line without {@code \n} still counts. */
  public void finish() {
    if (!skipping && partial.length() > 0) {
      emit(partial, 0, partial.length());
      partial = Buffer.buffer();
    }
    skipping = false;
  }

  /** Keeps at most one byte more than the limit, room for a {@code \r} that will be dropped. */
  private void append(Buffer chunk, int from, int to) {
    int take = Math.min(to - from, maxLineBytes + 2 - partial.length());
    if (take > 0) {
      partial.appendBuffer(chunk, from, take);
    }
    if (partial.length() > maxLineBytes + 1) {
      sink.overlong(partial.getBuffer(0, maxLineBytes));
      partial = Buffer.buffer();
      skipping = true;
    }
  }

  /** Reports the line held in {@code bytes} from {@code from} to {@code to}, less a final {@code \r}. */
  private void emit(Buffer bytes, int from, int to) {
    int end = to > from && bytes.getByte(to - 1) == '\r' ? to - 1 : to;
    if (end - from > maxLineBytes) {
      sink.overlong(bytes.getBuffer(from, from + maxLineBytes));
    } else {
      sink.line(bytes.getBuffer(from, end));
    }
  }
}
