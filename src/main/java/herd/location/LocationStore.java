package herd.location;

import herd.replica.Applied;
import herd.replica.Version;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * Each client's most recent location, in one store all of a node's verticle instances share: the one with the latest
 * client time wins, and of two with the same time the later version, so every node keeps the same one. The store is
 * bounded in clients and in bytes; past either bound a new client is refused, while known clients still move.
 *
 * <p>A location is held as the bytes of its AT line in {@link ClientRecords}, no object per client, and parsed again
 * when it is asked for.
 */
public final class LocationStore {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final ClientRecords records = new ClientRecords(new SipHash(RANDOM.nextLong(), RANDOM.nextLong()));
  private final long maxClients;
  private final long maxBytes;

  public LocationStore(long maxClients, long maxBytes) {
    this.maxClients = maxClients;
    this.maxBytes = maxBytes;
  }

  /** Stores the location if it is newer than the one held for its client and there is room. */
  public synchronized Applied offer(Location location, Version version) {
    byte[] client = latin1(location.clientId());
    byte[] atLine = latin1(location.atLine());
    int slot = records.find(client);
    if (slot < 0) {
      int size = ClientRecords.recordSize(client.length, version.origin().length(), atLine.length);
      if (records.size() >= maxClients || records.bytes() + size > maxBytes) {
        return Applied.FULL;
      }
      records.add(client, version.origin(), version.hlc(), atLine);
      return Applied.ADDED;
    }
    Version held = new Version(records.clock(slot), records.origin(slot));
    int byTime = location.time().seconds().compareTo(seconds(records.value(slot)));
    if (byTime < 0 || byTime == 0 && !version.isNewerThan(held)) {
      return Applied.STALE;
    }
    records.replace(slot, version.origin(), version.hlc(), atLine);
    return Applied.replacing(held);
  }

  public Location get(String clientId) {
    byte[] atLine;
    synchronized (this) {
      int slot = records.find(latin1(clientId));
      if (slot < 0) {
        return null;
      }
      atLine = records.value(slot);
    }
    return Location.parseAt(new String(atLine, StandardCharsets.ISO_8859_1));
  }

  public synchronized int clients() {
    return records.size();
  }

  /** The client's time: the AT line's last field. */
  private static BigDecimal seconds(byte[] atLine) {
    int space = atLine.length - 1;
    while (atLine[space] != ' ') {
      space--;
    }
    return new BigDecimal(new String(atLine, space + 1, atLine.length - space - 1, StandardCharsets.ISO_8859_1));
  }

  private static byte[] latin1(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }
}
