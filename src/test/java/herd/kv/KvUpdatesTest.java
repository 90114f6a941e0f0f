package herd.kv;

import static org.assertj.core.api.Assertions.assertThat;

import herd.replica.Applied;
import herd.replica.Version;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The key-value kinds' payloads and the store's rule: the newest version of a key wins, a tombstone included. */
class KvUpdatesTest {

  private static final String TOKEN = "0f8fad5b-d9cb-469f-a165-70867728950e";
  private static final KvLimits LIMITS = new KvLimits(10, 1 << 20, 1 << 20, 1 << 20, 10, 100);

  private final KvStore store = new KvStore(LIMITS);
  private final KvUpdates sets = KvUpdates.sets(store);
  private final KvUpdates deletes = KvUpdates.deletes(store);

  private static KvWrite write(String db, String key, String json) {
    return new KvWrite(new KvKey(TOKEN, db, key), json == null ? null : json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anyDatabaseKeyAndValueTravelAsOneLineOfAscii() {
    KvWrite write = write("../../etc\n", "ключ \u0000 ✓ a b", "{\"v\":\"line\\nbreak é\"}");

    String payload = sets.encode(write);

    assertThat(payload).matches("[\\x21-\\x7e ]+").doesNotContain("\n");
    KvWrite back = sets.decode(payload);
    assertThat(back.key()).isEqualTo(write.key());
    assertThat(back.json()).isEqualTo(write.json());
    assertThat(deletes.decode(deletes.encode(write("", "", null)))).isEqualTo(write("", "", null));
  }

  @Test
  void malformedPayloadsDecodeToNull() {
    assertThat(sets.decode("not-a-token YQ YQ YQ")).isNull();
    assertThat(sets.decode(TOKEN + " YQ YQ")).isNull();
    assertThat(sets.decode(TOKEN + " YQ== YQ YQ")).isNull();
    assertThat(sets.decode(TOKEN + " /+ YQ YQ")).isNull();
    assertThat(deletes.decode(TOKEN + " YQ YQ YQ")).isNull();
    assertThat(sets.decode(TOKEN + " _w YQ YQ")).as("not UTF-8").isNull();
  }

  @Test
  void theNewestVersionOfAKeyWinsWhateverTheOrderAndATombstoneIsAWinnerToo() {
    Version v1 = new Version(100, "A.x");
    Version v2 = new Version(200, "B.x");
    Version v3 = new Version(200, "C.x");

    assertThat(sets.apply(write("d", "k", "2"), v2)).isEqualTo(Applied.ADDED);
    assertThat(sets.apply(write("d", "k", "1"), v1)).isEqualTo(Applied.STALE);
    assertThat(deletes.apply(write("d", "k", null), v3)).isEqualTo(Applied.replacing(v2));
    assertThat(sets.apply(write("d", "k", "3"), v2)).isEqualTo(Applied.STALE);
    assertThat(store.get(new KvKey(TOKEN, "d", "k"))).isEqualTo(new KvEntry(null, v3));
  }

  @Test
  void pastTheBoundsANewKeyIsRefusedButAKnownOneStillChanges() {
    KvStore small = new KvStore(new KvLimits(1, 1 << 20, 1 << 20, 1 << 20, 10, 100));
    small.offer(write("d", "a", "1"), new Version(1, "A.x"));

    assertThat(small.offer(write("d", "b", "1"), new Version(2, "A.x"))).isEqualTo(Applied.FULL);
    assertThat(small.offer(write("d", "a", "2"), new Version(3, "A.x")).isNews()).isTrue();

    KvStore tight = new KvStore(new KvLimits(10, 400, 1 << 20, 1 << 20, 10, 100));
    assertThat(tight.offer(write("d", "a", "\"" + "x".repeat(100) + "\""), new Version(1, "A.x")).isNews()).isTrue();
    assertThat(tight.offer(write("d", "a", "\"" + "x".repeat(300) + "\""), new Version(2, "A.x")))
        .isEqualTo(Applied.FULL);
    assertThat(tight.offer(write("d", "a", "1"), new Version(3, "A.x")).isNews()).isTrue();
  }

  @Test
  void aLookupAnswerCarriesValuesTombstonesAndVersionsExactly() {
    Version token = new Version(5, "A.x");
    java.util.Map<String, KvEntry> entries = new java.util.LinkedHashMap<>();
    entries.put("k", new KvEntry("{\"a\":1.0}".getBytes(StandardCharsets.UTF_8), new Version(7, "A.x")));
    entries.put("gone", new KvEntry(null, new Version(8, "B.y")));

    Lookup.Found found = Lookup.parse(Lookup.answer(token, entries, 1 << 20));

    assertThat(found.token()).isEqualTo(token);
    assertThat(found.entries().get("k").json()).isEqualTo("{\"a\":1.0}".getBytes(StandardCharsets.UTF_8));
    assertThat(found.entries().get("k").version()).isEqualTo(new Version(7, "A.x"));
    assertThat(found.entries().get("gone")).isEqualTo(new KvEntry(null, new Version(8, "B.y")));
    assertThat(Lookup.parse(io.vertx.core.buffer.Buffer.buffer("{\"token\": {\"hlc\": 1, \"origin\": \"A.x\"},"
        + " \"entries\": [{\"key\": \"k\", \"hlc\": 2, \"origin\": \"A.x\", \"json\": \"bm90IGpzb24\"}]}")))
        .as("a value that is not JSON makes the whole answer nothing").isEqualTo(Lookup.Found.NOTHING);
  }
}
