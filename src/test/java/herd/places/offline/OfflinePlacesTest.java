package herd.places.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herd.node.ConfigException;
import herd.places.GoogleJsonLayout;
import herd.places.LogCapture;
import herd.places.PlacesQuery;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class OfflinePlacesTest {

  @Test
  void aMissingGazetteerStopsTheProviderWithAClearMessage(Vertx vertx) {
    assertThatThrownBy(() -> OfflinePlaces.start(vertx, "herd/places/offline/missing.tsv.gz",
        new LogCapture("test.offline.missing").logger()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("places.provider \"offline\" cannot start: the gazetteer resource "
            + "herd/places/offline/missing.tsv.gz is not on the class path");
  }

  @Test
  void searchesThatArriveWhileItLoadsWaitForIt(Vertx vertx, VertxTestContext ctx) {
    LogCapture log = new LogCapture("test.offline.load." + System.nanoTime());
    OfflinePlaces places = OfflinePlaces.start(vertx, OfflinePlaces.RESOURCE, log.logger());
    places.nearby(new PlacesQuery("34.068930", "-118.445127", new BigDecimal("2000"), 5))
        .onComplete(ctx.succeeding(answer -> ctx.verify(() -> {
          assertThat(GoogleJsonLayout.print(answer)).isEqualTo("""
              {
                 "html_attributions" : [],
                 "results" : [
                    {
                       "geometry" : {
                          "location" : {
                             "lat" : 34.05612,
                             "lng" : -118.43063
                          }
                       },
                       "name" : "Westwood",
                       "place_id" : "geonames:5408522",
                       "reference" : "geonames:5408522",
                       "types" : [ "locality", "political" ],
                       "vicinity" : "California, United States"
                    }
                 ],
                 "status" : "OK"
              }""");
          assertThat(log.lines()).singleElement().asString()
              .matches("INFO offline gazetteer: 135233 places loaded in \\d+ ms");
          ctx.completeNow();
        })));
  }
}
