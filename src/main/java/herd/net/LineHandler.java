package herd.net;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/**
 * The protocol side of a line connection: one instance per connection, called on its event loop, one line at a
 * time.
 */
public interface LineHandler {

  /** The reply to a line, written in one piece; an empty buffer means no reply. The future must not fail. */
  Future<Buffer> line(Buffer line);

  /** The reply to a line longer than the limit, given its first bytes. */
  Buffer overlong(Buffer head);

  /**
   * Asked first for every line: a reply to produce as the socket drains, for lines whose answer can be much larger
   * than themselves; null (the default) means the line is answered by {@link #line}.
   */
  default ReplyChunks chunked(Buffer line) {
    return null;
  }

  /** Whether the connection is closed when it makes no progress for the idle timeout (yes, by default). */
  default boolean closesWhenIdle() {
    return true;
  }
}
