package herd.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClientRecordsTest {

  private record Held(String origin, long clock, byte[] value) {
  }

  private final ClientRecords records = new ClientRecords(new SipHash(42, 7));

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] value(Random random, int maxLength) {
    byte[] value = new byte[random.nextInt(maxLength + 1)];
    random.nextBytes(value);
    return value;
  }

  private void assertHolds(Map<String, Held> model) {
    assertThat(records.size()).isEqualTo(model.size());
    model.forEach((id, held) -> {
      int slot = records.find(bytes(id));
      assertThat(slot).as(id).isNotNegative();
      assertThat(records.origin(slot)).isEqualTo(held.origin());
      assertThat(records.clock(slot)).isEqualTo(held.clock());
      assertThat(records.value(slot)).isEqualTo(held.value());
    });
  }

  @Test
  void holdsWhatWasWrittenLastThroughGrowthMovesAndEmptiedPages() {
    Random random = new Random(1);
    Map<String, Held> model = new HashMap<>();
    for (int op = 1; op <= 300_000; op++) {
      String id = "c" + random.nextInt(20_000) + "x".repeat(random.nextInt(40));
      Held held = new Held("Node" + random.nextInt(5) + ".k", op, value(random, op % 3 == 0 ? 600 : 120));
      int slot = records.find(bytes(id));
      if (slot < 0) {
        records.add(bytes(id), held.origin(), held.clock(), held.value());
      } else {
        records.replace(slot, held.origin(), held.clock(), held.value());
      }
      model.put(id, held);
      if (op % 50_000 == 0) {
        assertHolds(model);
      }
    }
    assertThat(records.find(bytes("c20001"))).isEqualTo(-1);
    long live = model.entrySet().stream().mapToLong(e -> ClientRecords.recordSize(e.getKey().length(),
        e.getValue().origin().length(), e.getValue().value().length)).sum();
    // pages more than half dead are emptied: what is held takes at most twice the live records, and two pages
    assertThat(records.bytes()).isLessThan(2 * live + 2L * ClientRecords.PAGE_BYTES + 24L * 2 * model.size());
  }

  @Test
  void aValueLargerThanAPageGetsAPageOfItsOwn() {
    byte[] large = new byte[ClientRecords.PAGE_BYTES + 5];
    Arrays.fill(large, (byte) 'x');
    records.add(bytes("big"), "G.a", 1, large);
    records.add(bytes("small"), "G.a", 2, bytes("at"));
    assertThat(records.value(records.find(bytes("big")))).isEqualTo(large);
    records.replace(records.find(bytes("big")), "G.a", 3, bytes("now small"));
    records.replace(records.find(bytes("small")), "G.a", 4, large);
    assertThat(records.value(records.find(bytes("big")))).isEqualTo(bytes("now small"));
    assertThat(records.value(records.find(bytes("small")))).isEqualTo(large);
    assertThat(records.clock(records.find(bytes("small")))).isEqualTo(4);
  }

  @Test
  void aValueThatFitsIsWrittenInPlaceAndCostsNothingMore() {
    records.add(bytes("kiwi"), "Goloman.a", 1, bytes("AT Goloman +0.5 kiwi +1+2 10.5"));
    long before = records.bytes();
    records.replace(records.find(bytes("kiwi")), "Hands.b", 2, bytes("AT Hands +0.25 kiwi +1+2 11.75"));
    assertThat(records.bytes()).isEqualTo(before);
    assertThat(records.origin(records.find(bytes("kiwi")))).isEqualTo("Hands.b");
  }

  @Test
  void anIdIsAddedOnce() {
    records.add(bytes("kiwi"), "G.a", 1, bytes("v"));
    assertThatThrownBy(() -> records.add(bytes("kiwi"), "G.a", 2, bytes("w")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
