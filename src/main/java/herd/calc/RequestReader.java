package herd.calc;

import io.vertx.core.buffer.Buffer;

/**
 * Reads one request as bluserver's clients frame it: an 8-byte big-endian unsigned length N, then N bytes. Bytes
 * after those N are ignored. A pure state machine fed whatever the socket delivers.
 */
final class RequestReader {

  enum State { HEADER, BODY, COMPLETE, TOO_LARGE }

  private static final int HEADER_BYTES = 8;
  private static final int INITIAL_CAPACITY = 64 * 1024;

  private final long maxBytes;
  private final Buffer header = Buffer.buffer(HEADER_BYTES);
  private Buffer body;
  private long declared;
  private long received;
  private State state = State.HEADER;

  RequestReader(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  State feed(Buffer data) {
    received += data.length();
    int at = 0;
    if (state == State.HEADER) {
      at = Math.min(HEADER_BYTES - header.length(), data.length());
      header.appendBuffer(data, 0, at);
      if (header.length() == HEADER_BYTES) {
        declared = header.getLong(0);
        if (Long.compareUnsigned(declared, maxBytes) > 0) {
          state = State.TOO_LARGE;
        } else {
          body = Buffer.buffer((int) Math.min(declared, INITIAL_CAPACITY));
          state = declared == 0 ? State.COMPLETE : State.BODY;
        }
      }
    }
    if (state == State.BODY && at < data.length()) {
      int take = (int) Math.min(declared - body.length(), data.length() - at);
      body.appendBuffer(data, at, take);
      if (body.length() == declared) {
        state = State.COMPLETE;
      }
    }
    return state;
  }

  State state() {
    return state;
  }

  /** Whether any byte has arrived: a connection that ends without one sent no request at all. */
  boolean started() {
    return received > 0;
  }

  /** The length the client declared (unsigned); meaningful once the header is read. */
  long declared() {
    return declared;
  }

  Buffer body() {
    return body;
  }

  /** The complete body as an array, which the reader then lets go of so that it is not held twice. */
  byte[] takeBody() {
    byte[] bytes = body.getBytes();
    body = Buffer.buffer(0);
    return bytes;
  }

  /** How many body bytes are held so far. */
  int held() {
    return body == null ? 0 : body.length();
  }
}
