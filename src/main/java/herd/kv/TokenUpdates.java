package herd.kv;

import herd.replica.Applied;
import herd.replica.UpdateKind;
import herd.replica.Version;

/** Tokens as replicated updates, {@code KVTOKEN <uuid>}: issued on one node, they open every node's store. */
final class TokenUpdates implements UpdateKind<String> {

  static final String NAME = "KVTOKEN";

  private final KvStore store;

  TokenUpdates(KvStore store) {
    this.store = store;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String encode(String token) {
    return token;
  }

  @Override
  public String decode(String payload) {
    return KvText.isToken(payload) ? payload : null;
  }

  @Override
  public Applied apply(String token, Version version) {
    return store.offerToken(token, version);
  }
}
