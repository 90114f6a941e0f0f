package herd.kv;

import herd.replica.Applied;
import herd.replica.UpdateKind;
import herd.replica.Version;
import org.slf4j.Logger;

/** Tokens as replicated updates, {@code KVTOKEN <uuid>}: issued on one node, they open every node's store. */
final class TokenUpdates implements UpdateKind<String> {

  static final String NAME = "KVTOKEN";

  private final KvStore store;
  private final Logger log;
  private volatile boolean warnedFull;

  TokenUpdates(KvStore store, Logger log) {
    this.store = store;
    this.log = log;
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
    Applied applied = store.offerToken(token, version);
    if (applied.result() == Applied.Result.FULL && !warnedFull) {
      warnedFull = true;
      log.warn("key-value tokens full at {}: no more are issued", store.tokens());
    }
    return applied;
  }
}
