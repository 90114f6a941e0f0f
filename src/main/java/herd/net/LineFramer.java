package herd.net;

import io.vertx.core.buffer.Buffer;

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
    int start = 0;
    int length = chunk.length();
    for (int i = 0; i < length; i++) {
      if (chunk.getByte(i) == '\n') {
        if (!skipping) {
          append(chunk, start, i);
          if (!skipping) {
            emit();
          }
        }
        skipping = false;
        start = i + 1;
      }
    }
    if (!skipping) {
      append(chunk, start, length);
    }
  }

  /** The stream ended: a last line without {@code \n} still counts. */
  public void finish() {
    if (!skipping && partial.length() > 0) {
      emit();
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

  private void emit() {
    Buffer line = partial;
    partial = Buffer.buffer();
    int end = line.length();
    if (end > 0 && line.getByte(end - 1) == '\r') {
      line = line.getBuffer(0, end - 1);
    }
    if (line.length() > maxLineBytes) {
      sink.overlong(line.getBuffer(0, maxLineBytes));
    } else {
      sink.line(line);
    }
  }
}
