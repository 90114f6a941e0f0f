package herd.net;

import io.vertx.core.buffer.Buffer;

/**
 * A reply produced piece by piece as the socket drains, for answers that can be far larger than the line that asked
 * (a metrics {@code get *}): only the piece being written is ever held, however slowly the client reads.
 */
public interface ReplyChunks {

  /** The next piece, about {@code maxBytes} long (it may run over to finish a line), or null when the reply is done. */
  Buffer next(int maxBytes);

  /** The whole reply in one buffer, for callers that do not stream. */
  default Buffer all() {
    Buffer whole = Buffer.buffer();
    for (Buffer piece = next(64 * 1024); piece != null; piece = next(64 * 1024)) {
      whole.appendBuffer(piece);
    }
    return whole;
  }
}
