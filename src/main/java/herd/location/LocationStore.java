package herd.location;

import herd.replica.Applied;
import herd.replica.Version;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Each client's most recent location, in one map all of a node's verticle instances share: the one with the latest
 * client time wins, and of two with the same time the later version, so every node keeps the same one. The store is
 * bounded in clients and in bytes; past either bound a new client is refused, while known clients still move.
 *
 * <p>A location is held as the bytes of its AT line, parsed again when it is asked for: a node that hears of
 * millions of clients keeps five small objects for each rather than fifteen, which is most of what its garbage
 * collector copies while the store grows.
 */
public final class LocationStore {

  /** What a held location costs beyond the bytes of its AT line: the map entry, the client id, headers. */
  private static final long ENTRY_OVERHEAD_BYTES = 150;

  private final ConcurrentHashMap<String, Held> locations = new ConcurrentHashMap<>();
  private final long maxClients;
  private final long maxBytes;
  private final AtomicLong bytes = new AtomicLong();

  /** A location and its version, its clock and origin kept apart: one object fewer for each client. */
  private record Held(byte[] atLine, long hlc, String origin) {

    static Held of(Location location, Version version) {
      return new Held(location.atLine().getBytes(StandardCharsets.ISO_8859_1), version.hlc(), version.origin());
    }

    Version version() {
      return new Version(hlc, origin);
    }

    Location location() {
      return Location.parseAt(new String(atLine, StandardCharsets.ISO_8859_1));
    }

    /** The client's time: the AT line's last field. */
    BigDecimal seconds() {
      int space = atLine.length - 1;
      while (atLine[space] != ' ') {
        space--;
      }
      return new BigDecimal(new String(atLine, space + 1, atLine.length - space - 1, StandardCharsets.ISO_8859_1));
    }

    long size() {
      return ENTRY_OVERHEAD_BYTES + atLine.length;
    }
  }

  public LocationStore(long maxClients, long maxBytes) {
    this.maxClients = maxClients;
    this.maxBytes = maxBytes;
  }

  /** Stores the location if it is newer than the one held for its client and there is room. */
  public Applied offer(Location location, Version version) {
    Applied[] applied = new Applied[1];
    locations.compute(location.clientId(), (client, held) -> {
      if (held == null) {
        Held added = Held.of(location, version);
        if (locations.size() >= maxClients || bytes.get() + added.size() > maxBytes) {
          applied[0] = Applied.FULL;
          return null;
        }
        bytes.addAndGet(added.size());
        applied[0] = Applied.ADDED;
        return added;
      }
      if (!wins(location, version, held)) {
        applied[0] = Applied.STALE;
        return held;
      }
      Held replacing = Held.of(location, version);
      bytes.addAndGet(replacing.size() - held.size());
      applied[0] = Applied.replacing(held.version());
      return replacing;
    });
    return applied[0];
  }

  private static boolean wins(Location location, Version version, Held held) {
    int byTime = location.time().seconds().compareTo(held.seconds());
    return byTime > 0 || byTime == 0 && version.isNewerThan(held.version());
  }

  public Location get(String clientId) {
    Held held = locations.get(clientId);
    return held == null ? null : held.location();
  }

  public int clients() {
    return locations.size();
  }
}
