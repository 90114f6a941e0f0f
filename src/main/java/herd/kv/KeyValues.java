package herd.kv;

import herd.kv.Lookup.Found;
import herd.replica.Replica;
import herd.replica.Replica.Written;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What both HTTP faces ask of the node's key-value store: tokens, reads that ask the other nodes for what this one
 * lacks, and writes, each a replicated update that is durable before it is acknowledged.
 */
final class KeyValues {

  /** What a read found: each key's value (compact JSON), in the order asked, and the keys not found. */
  record Read(Map<String, byte[]> found, List<String> notFound) {
  }

  private final Replica replica;
  private final KvStore store;
  private final TokenUpdates tokens;
  private final KvUpdates sets;
  private final KvUpdates deletes;
  private final ReadThrough readThrough;

  KeyValues(Replica replica, KvStore store, TokenUpdates tokens, KvUpdates sets, KvUpdates deletes,
      ReadThrough readThrough) {
    this.replica = replica;
    this.store = store;
    this.tokens = tokens;
    this.sets = sets;
    this.deletes = deletes;
    this.readThrough = readThrough;
  }

  /** A new token, durable and flooded; 507 once the node holds {@code kvMaxTokens}. */
  Future<String> issueToken() {
    String token = UUID.randomUUID().toString();
    return replica.write(tokens, token).map(written -> {
      check(written, "no more tokens can be issued");
      return token;
    });
  }

  /**
   * The token an {@code Authorization} header carries ({@code <token>} or {@code Bearer <token>}), once this node
   * knows it, asking the other nodes if need be; 401 otherwise.
   */
  Future<String> authorize(String header) {
    String token = header == null ? null : header.startsWith("Bearer ") ? header.substring(7).trim() : header.trim();
    if (!KvText.isToken(token)) {
      return Future.failedFuture(unauthorized());
    }
    replica.applyPending();
    if (store.token(token) != null) {
      return Future.succeededFuture(token);
    }
    return readThrough.lookup(token, "", List.of()).compose(found -> {
      if (found.token() == null) {
        return Future.failedFuture(unauthorized());
      }
      return replica.adopt(tokens, token, found.token()).map(token);
    });
  }

  private static KvProblem unauthorized() {
    return new KvProblem(401, "missing or unknown token: POST /auth for one");
  }

  /** Each key's value; a key this node never heard of is asked of the other nodes, and what they hold kept here. */
  Future<Read> read(String token, String db, List<String> keys) {
    Map<String, byte[]> found = new LinkedHashMap<>();
    List<String> unheardOf = new ArrayList<>();
    replica.applyPending();
    for (String key : new LinkedHashSet<>(keys)) {
      KvEntry entry = store.get(new KvKey(token, db, key));
      if (entry == null) {
        unheardOf.add(key);
      } else if (!entry.deleted()) {
        found.put(key, entry.json());
      }
    }
    if (unheardOf.isEmpty()) {
      return Future.succeededFuture(answer(keys, found));
    }
    return readThrough.lookup(token, db, unheardOf).compose(remote -> adopt(token, db, remote)).map(remote -> {
      for (String key : unheardOf) {
        // What the node holds now, adopted or newer still; what the store had no room for, as found.
        KvEntry entry = store.get(new KvKey(token, db, key));
        KvEntry newest = entry != null ? entry : remote.entries().get(key);
        if (newest != null && !newest.deleted()) {
          found.put(key, newest.json());
        }
      }
      return answer(keys, found);
    });
  }

  private static Read answer(List<String> keys, Map<String, byte[]> found) {
    Map<String, byte[]> ordered = new LinkedHashMap<>();
    List<String> notFound = new ArrayList<>();
    for (String key : new LinkedHashSet<>(keys)) {
      byte[] json = found.get(key);
      if (json != null) {
        ordered.put(key, json);
      } else {
        notFound.add(key);
      }
    }
    return new Read(ordered, notFound);
  }

  /** Keeps what other nodes hold under its own version; done once every piece is stored or refused. */
  private Future<Found> adopt(String token, String db, Found remote) {
    List<Future<Written>> adopted = new ArrayList<>();
    remote.entries().forEach((key, entry) -> {
      KvWrite write = new KvWrite(new KvKey(token, db, key), entry.json());
      adopted.add(replica.adopt(entry.deleted() ? deletes : sets, write, entry.version()));
    });
    return Future.join(adopted).transform(done -> Future.succeededFuture(remote));
  }

  /** Writes each key, in order, as its own replicated update; done once all are durable. */
  Future<Integer> write(String token, String db, List<KvRequests.Item> items) {
    List<Future<Written>> writes = new ArrayList<>(items.size());
    for (KvRequests.Item item : items) {
      writes.add(replica.write(sets, new KvWrite(new KvKey(token, db, item.key()), item.json())));
    }
    return Future.all(writes).map(done -> {
      writes.forEach(w -> check(w.result(), "the store is full"));
      return items.size();
    });
  }

  /** A tombstone for the key, replicated like any write. */
  Future<Void> delete(String token, String db, String key) {
    return replica.write(deletes, new KvWrite(new KvKey(token, db, key), null)).map(written -> {
      check(written, "the store is full");
      return null;
    });
  }

  /** What the node answers a lookup from another node: only what it holds itself, never asking further. */
  Map<String, KvEntry> held(String token, String db, List<String> keys) {
    Map<String, KvEntry> held = new LinkedHashMap<>();
    replica.applyPending();
    for (String key : keys) {
      KvEntry entry = store.get(new KvKey(token, db, key));
      if (entry != null) {
        held.put(key, entry);
      }
    }
    return held;
  }

  KvStore store() {
    return store;
  }

  private static void check(Written written, String whenFull) {
    switch (written) {
      case STORED, STALE -> { }
      case FULL -> throw new KvProblem(507, whenFull);
      case FAILED -> throw new KvProblem(503, "the node cannot make writes durable now");
    }
  }
}
