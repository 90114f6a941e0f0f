package herd.location;

import static org.assertj.core.api.Assertions.assertThat;

import herd.replica.Applied;
import herd.replica.Version;
import org.junit.jupiter.api.Test;

class LocationStoreTest {

  private static Location at(String client, String time) {
    return Location.parseAt("AT Goloman +0.263873386 " + client + " +34.068930-118.445127 " + time);
  }

  private LocationStore store(long maxClients, long maxBytes) {
    return new LocationStore(maxClients, maxBytes);
  }

  @Test
  void givesBackTheLocationExactlyAsItWasWritten() {
    LocationStore store = store(10, 1 << 20);
    Location kiwi = at("kiwi.cs.ucla.edu", "1520023934.918963997");
    assertThat(store.offer(kiwi, new Version(1, "Goloman.a"))).isEqualTo(Applied.ADDED);
    assertThat(store.get("kiwi.cs.ucla.edu")).isEqualTo(kiwi);
    assertThat(store.get("kiwi.cs.ucla.edu").atLine()).isEqualTo(kiwi.atLine());
    assertThat(store.get("lemon")).isNull();
  }

  @Test
  void theLatestClientTimeWinsWhateverTheVersion() {
    LocationStore store = store(10, 1 << 20);
    store.offer(at("kiwi", "1520023934.5"), new Version(5, "Goloman.a"));
    assertThat(store.offer(at("kiwi", "1520023934.49"), new Version(9, "Hands.a"))).isEqualTo(Applied.STALE);
    Applied newer = store.offer(at("kiwi", "1520023934.50001"), new Version(1, "Hands.a"));
    assertThat(newer).isEqualTo(Applied.replacing(new Version(5, "Goloman.a")));
    assertThat(store.get("kiwi").time().text()).isEqualTo("1520023934.50001");
  }

  @Test
  void ofTwoWithTheSameTimeTheLaterVersionWinsInEitherOrder() {
    Location first = at("kiwi", "1520023934.5");
    Location second = Location.parseAt("AT Hands +1.5 kiwi +12-118 1520023934.50");
    LocationStore one = store(10, 1 << 20);
    one.offer(first, new Version(7, "Goloman.a"));
    one.offer(second, new Version(7, "Hands.a"));
    LocationStore other = new LocationStore(10, 1 << 20);
    other.offer(second, new Version(7, "Hands.a"));
    assertThat(other.offer(first, new Version(7, "Goloman.a"))).isEqualTo(Applied.STALE);
    assertThat(one.get("kiwi")).isEqualTo(second).isEqualTo(other.get("kiwi"));
  }

  @Test
  void aFullStoreRefusesNewClientsButKnownClientsStillMove() {
    LocationStore store = store(2, 1 << 20);
    store.offer(at("a", "1.0"), new Version(1, "G.a"));
    store.offer(at("b", "1.0"), new Version(2, "G.a"));
    assertThat(store.offer(at("c", "1.0"), new Version(3, "G.a"))).isEqualTo(Applied.FULL);
    assertThat(store.offer(at("a", "2.0"), new Version(4, "G.a")).isNews()).isTrue();
    assertThat(store.clients()).isEqualTo(2);
    assertThat(store.get("c")).isNull();
  }

  @Test
  void theByteBoundCountsWhatIsHeld() {
    LocationStore store = store(1_000, 1_000);
    int added = 0;
    while (store.offer(at("client" + added, "1.0"), new Version(added, "G.a")) != Applied.FULL) {
      added++;
    }
    assertThat(added).isBetween(5, 8);
    assertThat(store.clients()).isEqualTo(added);
  }
}
