package herd.kv;

/**
 * Where a value lives: a token's database and a key in it. Every part is data, compared as it is: one token never
 * reaches another's databases, and a key such as {@code ../../etc} is only a key.
 */
public record KvKey(String token, String db, String key) {

  /** Bytes this key costs the store, roughly: its text (UTF-16) and the map's share. */
  long cost() {
    return 2L * (token.length() + db.length() + key.length()) + 96;
  }
}
