package herd.kv;

import herd.replica.Applied;
import herd.replica.Version;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The node's key-value entries and tokens, in memory, each key holding the newest version written to it (a value or
 * a tombstone). Offers come from the replica, one at a time under its lock; reads come from any event loop at once.
 * Bounded: past {@code maxEntries} keys, or {@code maxBytes} of them, a write that would grow the store is refused.
 */
public final class KvStore {

  private final KvLimits limits;
  private final Map<KvKey, KvEntry> entries = new ConcurrentHashMap<>();
  private final Map<String, Version> tokens = new ConcurrentHashMap<>();
  private final AtomicLong bytes = new AtomicLong();

  public KvStore(KvLimits limits) {
    this.limits = limits;
  }

  /** Offers a write made at {@code version}: kept if newer than what the key holds and if it fits. */
  Applied offer(KvWrite write, Version version) {
    KvEntry held = entries.get(write.key());
    if (held != null && !version.isNewerThan(held.version())) {
      return Applied.STALE;
    }
    KvEntry entry = new KvEntry(write.json(), version);
    long growth = held == null ? write.key().cost() + entry.cost() : entry.cost() - held.cost();
    if (held == null && entries.size() >= limits.maxEntries()
        || growth > 0 && bytes.get() + growth > limits.maxBytes()) {
      return Applied.FULL;
    }
    entries.put(write.key(), entry);
    bytes.addAndGet(growth);
    return held == null ? Applied.ADDED : Applied.replacing(held.version());
  }

  /** What a key holds, tombstone included; null if nothing was ever written to it here. */
  public KvEntry get(KvKey key) {
    return entries.get(key);
  }

  /** Offers a token issued at {@code version}: a token is issued once and never changes. */
  Applied offerToken(String token, Version version) {
    if (tokens.containsKey(token)) {
      return Applied.STALE;
    }
    if (tokens.size() >= limits.maxTokens()) {
      return Applied.FULL;
    }
    tokens.put(token, version);
    return Applied.ADDED;
  }

  /** The version a token was issued at, or null if this node does not know it. */
  public Version token(String token) {
    return tokens.get(token);
  }

  public int size() {
    return entries.size();
  }

  public long bytes() {
    return bytes.get();
  }

  public int tokens() {
    return tokens.size();
  }
}
