package herd.location;

import herd.replica.Applied;
import herd.replica.UpdateKind;
import herd.replica.Version;

/** Client locations as replicated updates: the fields of the AT line that the accepting server answered. */
public final class LocationUpdates implements UpdateKind<Location> {

  private static final String AT = "AT";

  private final LocationStore store;

  public LocationUpdates(LocationStore store) {
    this.store = store;
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
    return store.offer(location, version);
  }
}
