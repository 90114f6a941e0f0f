package herd.peer;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/** A neighbour's link that is up and authenticated. */
public interface PeerLink {

  /** The neighbour's configured name. */
  String neighbour();

  /**
   * Queues whole lines for the neighbour, in order; completes once they are handed to the kernel, fails if the link
   * is closed. Safe from any thread.
   */
  Future<Void> send(Buffer lines);

  boolean isUp();
}
