package herd.peer;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/** A neighbour's link that is up and authenticated. */
public interface PeerLink {

  /** The neighbour's configured name. */
  String neighbour();

  /**
   * Queues whole lines, each ending in {@code \n}, to be written in order from the link's own context, in one write
   * with whatever else queued meanwhile. The future completes when the bytes were handed to the kernel and fails if
   * the link is closed. Callable from any thread.
   */
  Future<Void> send(Buffer lines);

  boolean isUp();
}
