package herd.location;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;

/** Each client's most recent location (latest client time wins), in a shared-data map all of a node's verticles see. */
public final class LocationStore {

  private final LocalMap<String, Location> locations;

  public LocationStore(Vertx vertx, String nodeName) {
    this.locations = vertx.sharedData().getLocalMap("herd.locations." + nodeName);
  }

  /** Stores the location if it is newer than the one held for its client; tells whether it was. */
  public boolean offer(Location location) {
    boolean[] stored = new boolean[1];
    locations.compute(location.clientId(), (client, held) -> {
      stored[0] = location.isNewerThan(held);
      return stored[0] ? location : held;
    });
    return stored[0];
  }

  public Location get(String clientId) {
    return locations.get(clientId);
  }
}
