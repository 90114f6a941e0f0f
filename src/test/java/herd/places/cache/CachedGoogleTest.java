package herd.places.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import herd.testing.FakeGoogle;
import herd.places.LogCapture;
import herd.places.PlacesConfig;
import herd.places.PlacesQuery;
import herd.places.ProviderName;
import herd.places.google.GoogleNewPlaces;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The cache and the upstream gate in front of a real HTTP provider and a slow local server. */
@ExtendWith(VertxExtension.class)
class CachedGoogleTest {

  @Test
  void atMostMaxConcurrentRequestsReachTheServerAndTheRestWait(Vertx vertx, VertxTestContext ctx) {
    LogCapture log = new LogCapture("test.places.gate." + System.nanoTime());
    FakeGoogle.start(vertx).compose(google -> {
      google.answer(new FakeGoogle.Answer(200, "{\"places\":[{\"id\":\"p\"}]}", 100));
      PlacesConfig config = google.config("google-new", "/v1/places:searchNearby", "k");
      CachedPlaces cache = new CachedPlaces(vertx, ProviderName.GOOGLE_NEW,
          new GoogleNewPlaces(WebClient.create(vertx), config, log.logger()), config.cache(), new UpstreamGate(2),
          System::nanoTime, log.logger());
      List<Future<ObjectNode>> searches = new ArrayList<>();
      for (int radius = 1_000; radius <= 6_000; radius += 1_000) {
        searches.add(cache.nearby(new PlacesQuery("34.068930", "-118.445127", BigDecimal.valueOf(radius), 5)));
        searches.add(cache.nearby(new PlacesQuery("34.068930", "-118.445127", BigDecimal.valueOf(radius), 3)));
      }
      return Future.all(searches).map(all -> {
        assertThat(google.received()).hasSize(6);
        assertThat(google.maxInFlight()).isEqualTo(2);
        assertThat(searches).allSatisfy(search -> assertThat(search.result().get("status").asText())
            .isEqualTo("OK"));
        assertThat(log.lines()).filteredOn(line -> line.contains("cache shared")).hasSize(6);
        return google;
      }).compose(FakeGoogle::close);
    }).onComplete(ctx.succeedingThenComplete());
  }
}
