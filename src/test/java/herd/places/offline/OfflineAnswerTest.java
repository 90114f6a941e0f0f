package herd.places.offline;

import static org.assertj.core.api.Assertions.assertThat;

import herd.places.GoogleJsonLayout;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class OfflineAnswerTest {

  @Test
  void placesBecomeLegacyResultsInOrder() {
    assertThat(GoogleJsonLayout.print(OfflineAnswer.of(List.of(
        new GazetteerPlace(5328041, 3407362, -11840036, "Beverly Hills", "California, United States", 4156.2),
        new GazetteerPlace(42, -100, 18000000, "Ş<ü>", "Fiji", 9.5))))).isEqualTo("""
        {
           "html_attributions" : [],
           "results" : [
              {
                 "geometry" : {
                    "location" : {
                       "lat" : 34.07362,
                       "lng" : -118.40036
                    }
                 },
                 "name" : "Beverly Hills",
                 "place_id" : "geonames:5328041",
                 "reference" : "geonames:5328041",
                 "types" : [ "locality", "political" ],
                 "vicinity" : "California, United States"
              },
              {
                 "geometry" : {
                    "location" : {
                       "lat" : -0.001,
                       "lng" : 180
                    }
                 },
                 "name" : "Ş\\u003cü\\u003e",
                 "place_id" : "geonames:42",
                 "reference" : "geonames:42",
                 "types" : [ "locality", "political" ],
                 "vicinity" : "Fiji"
              }
           ],
           "status" : "OK"
        }""");
  }

  @Test
  void noPlacesIsZeroResults() {
    assertThat(GoogleJsonLayout.print(OfflineAnswer.of(List.of()))).isEqualTo("""
        {
           "html_attributions" : [],
           "results" : [],
           "status" : "ZERO_RESULTS"
        }""");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"0, 0", "3401945, 34.01945", "-11840000, -118.4", "12000000, 120", "-5, -0.00005",
      "9000000, 90", "100000, 1", "-18000000, -180"})
  void degreesHaveNoTrailingZerosAndNoExponent(int e5, String printed) {
    assertThat(OfflineAnswer.degrees(e5).toString()).isEqualTo(printed);
  }
}
