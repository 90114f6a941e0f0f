package herd.calc;

import io.vertx.core.buffer.Buffer;
import java.util.Arrays;

/**
 * Reads one request as bluserver's clients frame it: an 8-byte big-endian unsigned length N, then N bytes. Bytes
 * after those N are ignored. A pure state machine fed whatever the socket delivers; the body grows as it arrives, by
 * half again at a time and never beyond N, so that a client declaring much and sending little holds little: at
 * most half as much again as it sent, plus 64 KiB.
 */
final class RequestReader {

  enum State { HEADER, BODY, COMPLETE, TOO_LARGE }

  private static final int HEADER_BYTES = 8;
  private static final int INITIAL_CAPACITY = 64 * 1024;
  private static final byte[] NOTHING = new byte[0];

  private final long maxBytes;
  private final Buffer header = Buffer.buffer(HEADER_BYTES);
  private byte[] body = NOTHING;
  private int held;
  private long declared;
  private boolean started;
  private State state = State.HEADER;

  RequestReader(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  State feed(Buffer data) {
    started |= data.length() > 0;
    int at = 0;
    if (state == State.HEADER) {
      at = Math.min(HEADER_BYTES - header.length(), data.length());
      header.appendBuffer(data, 0, at);
      if (header.length() == HEADER_BYTES) {
        declared = header.getLong(0);
        if (Long.compareUnsigned(declared, maxBytes) > 0) {
          state = State.TOO_LARGE;
        } else {
          state = declared == 0 ? State.COMPLETE : State.BODY;
        }
      }
    }
    if (state == State.BODY && at < data.length()) {
      int take = (int) Math.min(declared - held, data.length() - at);
      ensureRoom(take);
      data.getBytes(at, at + take, body, held);
      held += take;
      if (held == declared) {
        state = State.COMPLETE;
      }
    }
    return state;
  }

  private void ensureRoom(int more) {
    if (held + more > body.length) {
      long wanted = Math.max(Math.max(INITIAL_CAPACITY, body.length + body.length / 2L), (long) held + more);
      body = Arrays.copyOf(body, (int) Math.min(wanted, declared));
    }
  }

  State state() {
    return state;
  }

  /** Whether any byte has arrived: a connection that ends without one sent no request at all. */
  boolean started() {
    return started;
  }

  /** The length the client declared (unsigned); meaningful once the header is read. */
  long declared() {
    return declared;
  }

  /** How many bytes of the body have arrived. */
  int received() {
    return held;
  }

  /** The complete body, exactly N bytes long; the reader lets go of it. */
  byte[] takeBody() {
    byte[] complete = body;
    body = NOTHING;
    return complete;
  }
}
