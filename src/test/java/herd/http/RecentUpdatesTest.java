package herd.http;

import static org.assertj.core.api.Assertions.assertThat;

import herd.replica.Envelope;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class RecentUpdatesTest {

  private static Envelope at(String client, long hlc) {
    return new Envelope("Hands.mwueu65d", hlc, hlc - 1, "AT", "Hands +0.5 " + client + " +1.5-2.25 1700000000");
  }

  @Test
  void keepsTheLastUpdatesOldestFirstAndOnlyThoseAfterTheCursor() {
    RecentUpdates recent = new RecentUpdates();
    for (int i = 1; i <= RecentUpdates.CAPACITY + 7; i++) {
      recent.committed(at("c" + i, i), i % 2 == 0 ? "Goloman" : null);
    }

    JsonArray all = recent.since(0);
    JsonArray lastTwo = recent.since(recent.lastSeq() - 2);

    assertThat(all).hasSize(RecentUpdates.CAPACITY);
    assertThat(all.getJsonObject(0).getLong("seq")).isEqualTo(8);
    assertThat(lastTwo).hasSize(2);
    JsonObject last = lastTwo.getJsonObject(1);
    assertThat(last.getLong("seq")).isEqualTo(RecentUpdates.CAPACITY + 7);
    assertThat(last.getString("origin")).isEqualTo("Hands");
    assertThat(last.getString("from")).isNull();
    assertThat(last.getString("text")).isEqualTo("Hands +0.5 c57 +1.5-2.25 1700000000");
    assertThat(recent.since(recent.lastSeq())).isEmpty();
  }

  @Test
  void keepsEachClientsLastLocationForTheMostRecentClients() {
    RecentUpdates recent = new RecentUpdates();
    for (int i = 0; i < RecentUpdates.MAX_CLIENTS + 5; i++) {
      recent.committed(at("c" + i, i + 1), null);
    }
    recent.committed(at("c10", 5_000), "Welsh");
    recent.committed(new Envelope("Hands.mwueu65d", 5_001, 5_000, "PUT", "serv.cpu 42.3 1619445320"), null);

    JsonArray clients = recent.clients();

    assertThat(clients).hasSize(RecentUpdates.MAX_CLIENTS);
    assertThat(clients.getJsonObject(0).getString("client")).isEqualTo("c5");
    assertThat(clients.getJsonObject(clients.size() - 1)).isEqualTo(new JsonObject().put("client", "c10")
        .put("server", "Hands").put("lat", 1.5).put("lon", -2.25).put("time", "1700000000"));
  }

  @Test
  void aClientHeardOfOnlyBeforeTheLastLocationsSinceThePageAskedIsForgotten() {
    RecentUpdates seen = new RecentUpdates();
    RecentUpdates unseen = new RecentUpdates();
    for (RecentUpdates recent : new RecentUpdates[] {seen, unseen}) {
      recent.committed(at("quiet", 1), null);
    }
    long before = seen.clientsVersion();
    assertThat(seen.clients()).hasSize(1);
    for (int i = 0; i < RecentUpdates.LOCATIONS; i++) {
      seen.committed(at("busy", i + 2), null);
      unseen.committed(at("busy", i + 2), null);
    }

    assertThat(seen.clientsVersion()).isGreaterThan(before);
    assertThat(seen.clients()).extracting(client -> ((JsonObject) client).getString("client"))
        .containsExactly("quiet", "busy");
    assertThat(unseen.clients()).extracting(client -> ((JsonObject) client).getString("client"))
        .containsExactly("busy");
  }

  @Test
  void aRestoredLocationIsAClientsLastKnownOneButNotARecentUpdate() {
    RecentUpdates recent = new RecentUpdates();

    recent.restored(at("restored", 7));

    assertThat(recent.since(0)).isEmpty();
    assertThat(recent.clients()).containsExactly(new JsonObject().put("client", "restored").put("server", "Hands")
        .put("lat", 1.5).put("lon", -2.25).put("time", "1700000000"));
  }
}
