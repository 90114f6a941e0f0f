package herd.places;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;

/**
 * Answers Nearby Searches in the shape of Google's legacy Nearby Search response ({@code html_attributions},
 * {@code results}, {@code status}, and {@code error_message} on errors). Implementations are shared by all of a
 * node's verticle instances, so they must be safe to call from any event loop. A provider reports its own
 * upstream errors in that shape; a failed future means something unexpected, which the caller turns into
 * {@code UNKNOWN_ERROR}.
 */
public interface PlacesProvider {

  Future<ObjectNode> nearby(PlacesQuery query);

  /**
   * Called once the node's port is open: work that makes the first answers faster but need not hold up the port
   * (and on a machine starting several nodes, would take their CPU while they start) begins here.
   */
  default void prepare() {
  }

  default Future<Void> close() {
    return Future.succeededFuture();
  }
}
