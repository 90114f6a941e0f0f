package herd.location;

import herd.replica.Applied;
import herd.replica.Version;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Each client's most recent location, in a shared-data map all of a node's verticles see: the one with the latest
 * client time wins, and of two with the same time the later version, so every node keeps the same one. The store is
 * bounded in clients and in bytes; past either bound a new client is refused, while known clients still move.
 */
public final class LocationStore {

  /** Roughly what a held location costs beyond its strings' characters: objects, headers, the map entry. */
  private static final long ENTRY_OVERHEAD_BYTES = 320;

  private final LocalMap<String, Held> locations;
  private final long maxClients;
  private final long maxBytes;
  private final AtomicLong bytes = new AtomicLong();

  private record Held(Location location, Version version) implements Shareable {
  }

  public LocationStore(Vertx vertx, String nodeName, long maxClients, long maxBytes) {
    this.locations = vertx.sharedData().getLocalMap("herd.locations." + nodeName);
    // A node that starts again in the same process starts from its store, as a new process would.
    locations.clear();
    this.maxClients = maxClients;
    this.maxBytes = maxBytes;
  }

  /** Stores the location if it is newer than the one held for its client and there is room. */
  public Applied offer(Location location, Version version) {
    Applied[] applied = new Applied[1];
    long size = sizeOf(location);
    locations.compute(location.clientId(), (client, held) -> {
      if (held == null) {
        if (locations.size() >= maxClients || bytes.get() + size > maxBytes) {
          applied[0] = Applied.FULL;
          return null;
        }
        bytes.addAndGet(size);
        applied[0] = Applied.ADDED;
        return new Held(location, version);
      }
      if (!wins(location, version, held)) {
        applied[0] = Applied.STALE;
        return held;
      }
      bytes.addAndGet(size - sizeOf(held.location()));
      applied[0] = Applied.replacing(held.version());
      return new Held(location, version);
    });
    return applied[0];
  }

  private static boolean wins(Location location, Version version, Held held) {
    int byTime = location.time().compareTo(held.location().time());
    return byTime > 0 || byTime == 0 && version.isNewerThan(held.version());
  }

  private static long sizeOf(Location location) {
    return ENTRY_OVERHEAD_BYTES + 2L * (location.clientId().length() + location.server().length()
        + location.skew().length() + location.coordinates().text().length() + location.time().text().length());
  }

  public Location get(String clientId) {
    Held held = locations.get(clientId);
    return held == null ? null : held.location();
  }

  public int clients() {
    return locations.size();
  }
}
