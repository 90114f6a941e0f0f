package herd.location;

import herd.replica.Applied;
import herd.replica.UpdateKind;
import herd.replica.Version;
import org.slf4j.Logger;

/** Client locations as replicated updates: the fields of the AT line that the accepting server answered. */
public final class LocationUpdates implements UpdateKind<Location> {

  private static final String AT = "AT";

  private final LocationStore store;
  private final Logger log;
  private volatile boolean warnedFull;

  public LocationUpdates(LocationStore store, Logger log) {
    this.store = store;
    this.log = log;
  }

  @Override
  public String name() {
    return AT;
  }

  @Override
  public String encode(Location location) {
    return location.atLine().substring(AT.length() + 1);
  }

  @Override
  public Location decode(String payload) {
    return Location.parseAt(AT + " " + payload);
  }

  @Override
  public Applied apply(Location location, Version version) {
    Applied applied = store.offer(location, version);
    if (applied.result() == Applied.Result.FULL && !warnedFull) {
      warnedFull = true;
      log.warn("location store full at {} clients: new clients are refused", store.clients());
    }
    return applied;
  }
}
