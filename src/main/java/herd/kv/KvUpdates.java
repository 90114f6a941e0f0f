package herd.kv;

import herd.replica.Applied;
import herd.replica.UpdateKind;
import herd.replica.Version;

/**
 * Key-value writes as replicated updates, two kinds sharing one store: {@code KVSET <token> <db> <key> <value>} and
 * the tombstone {@code KVDEL <token> <db> <key>}, database, key and value in base64url ({@link KvText}). Whichever
 * of a key's writes has the highest version wins on every node, a delete included.
 */
final class KvUpdates implements UpdateKind<KvWrite> {

  static final String SET = "KVSET";
  static final String DELETE = "KVDEL";

  private final String name;
  private final KvStore store;

  private KvUpdates(String name, KvStore store) {
    this.name = name;
    this.store = store;
  }

  static KvUpdates sets(KvStore store) {
    return new KvUpdates(SET, store);
  }

  static KvUpdates deletes(KvStore store) {
    return new KvUpdates(DELETE, store);
  }

  @Override
  public String name() {
    return name;
  }

  private boolean isDelete() {
    return name.equals(DELETE);
  }

  @Override
  public String encode(KvWrite write) {
    KvKey key = write.key();
    String fields = key.token() + " " + KvText.encode(key.db()) + " " + KvText.encode(key.key());
    return isDelete() ? fields : fields + " " + KvText.encode(write.json());
  }

  @Override
  public KvWrite decode(String payload) {
    String[] f = payload.split(" ", -1);
    if (f.length != (isDelete() ? 3 : 4) || !KvText.isToken(f[0])) {
      return null;
    }
    String db = KvText.decodeText(f[1]);
    String key = KvText.decodeText(f[2]);
    byte[] json = isDelete() ? null : KvText.decodeBytes(f[3]);
    if (db == null || key == null || !isDelete() && json == null) {
      return null;
    }
    return new KvWrite(new KvKey(f[0], db, key), json);
  }

  @Override
  public Applied apply(KvWrite write, Version version) {
    if (isDelete() != (write.json() == null)) {
      throw new IllegalArgumentException(name + " cannot carry " + (write.json() == null ? "a delete" : "a value"));
    }
    return store.offer(write, version);
  }
}
