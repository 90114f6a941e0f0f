package herd.kv;

import herd.replica.Version;

/**
 * What the store holds for a key: a value (its compact JSON in UTF-8) or, when {@code json} is null, a tombstone,
 * each with the version of the write that made it. A tombstone is a winner like any value, so a delete beats every
 * older write wherever it arrives and catch-up carries it.
 */
public record KvEntry(byte[] json, Version version) {

  public boolean deleted() {
    return json == null;
  }

  long cost() {
    return (json == null ? 0 : json.length) + 64;
  }
}
