package herd.places;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GoogleJsonLayoutTest {

  private static String relayout(String json) {
    return GoogleJsonLayout.print(PlacesJson.parseObject(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void printsTheSeedsExampleInGooglesLayout() {
    String compact = "{\"html_attributions\":[],\"next_page_token\":\"CvQ...L2E\",\"results\":[{\"geometry\":"
        + "{\"location\":{\"lat\":34.068921,\"lng\":-118.445181}},\"icon\":\"http://maps.gstatic.com/mapfiles/"
        + "place_api/icons/university-71.png\",\"id\":\"4d56f16ad3d8976d49143fa4fdfffbc0a7ce8e39\",\"name\":"
        + "\"University of California, Los Angeles\",\"photos\":[{\"height\":1200,\"html_attributions\":"
        + "[\"From a Google User\"],\"photo_reference\":\"CnR...4dY\",\"width\":1600}],\"rating\":4.5,"
        + "\"reference\":\"CpQ...r5Y\",\"types\":[\"university\",\"establishment\"],\"vicinity\":\"Los Angeles\"}],"
        + "\"status\":\"OK\"}";

    assertThat(relayout(compact)).isEqualTo("""
        {
           "html_attributions" : [],
           "next_page_token" : "CvQ...L2E",
           "results" : [
              {
                 "geometry" : {
                    "location" : {
                       "lat" : 34.068921,
                       "lng" : -118.445181
                    }
                 },
                 "icon" : "http://maps.gstatic.com/mapfiles/place_api/icons/university-71.png",
                 "id" : "4d56f16ad3d8976d49143fa4fdfffbc0a7ce8e39",
                 "name" : "University of California, Los Angeles",
                 "photos" : [
                    {
                       "height" : 1200,
                       "html_attributions" : [ "From a Google User" ],
                       "photo_reference" : "CnR...4dY",
                       "width" : 1600
                    }
                 ],
                 "rating" : 4.5,
                 "reference" : "CpQ...r5Y",
                 "types" : [ "university", "establishment" ],
                 "vicinity" : "Los Angeles"
              }
           ],
           "status" : "OK"
        }""");
  }

  @Test
  void keepsNumbersExactlyAsWritten() {
    assertThat(relayout("{\"a\":4.50,\"b\":-0.000001234,\"c\":12345678901234567890,\"d\":1E+3,\"e\":true,\"f\":null}"))
        .isEqualTo("{\n   \"a\" : 4.50,\n   \"b\" : -0.000001234,\n   \"c\" : 12345678901234567890,\n"
            + "   \"d\" : 1E+3,\n   \"e\" : true,\n   \"f\" : null\n}");
  }

  @Test
  void escapesStringsSoThatNoRawNewlineOrTagSurvives() {
    assertThat(relayout("{\"name\":\"Caf\u00e9 \\\"X\\\"\\n\\n<b>&</b>\\\\\"}"))
        .isEqualTo("{\n   \"name\" : \"Caf\u00e9 \\\"X\\\"\\n\\n\\u003cb\\u003e&\\u003c/b\\u003e\\\\\"\n}");
  }

  @Test
  void printsEmptyContainersAndNestedArrays() {
    assertThat(relayout("{\"o\":{},\"a\":[],\"n\":[[1,2],[]]}"))
        .isEqualTo("{\n   \"o\" : {},\n   \"a\" : [],\n   \"n\" : [\n      [ 1, 2 ],\n      []\n   ]\n}");
  }

  @Test
  void cuttingResultsKeepsTheFirstOnesAndLeavesTheOriginalAlone() {
    var answer = PlacesJson.parseObject("{\"results\":[1,2,3],\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(GoogleJsonLayout.print(PlacesJson.limitResults(answer, 2)))
        .isEqualTo("{\n   \"results\" : [ 1, 2 ],\n   \"status\" : \"OK\"\n}");
    assertThat(answer.get("results").size()).isEqualTo(3);
  }

  @Test
  void theErrorShapeIsGooglesAlphabeticalOne() {
    assertThat(GoogleJsonLayout.print(PlacesJson.error("UNKNOWN_ERROR", "upstream failed")))
        .isEqualTo("{\n   \"error_message\" : \"upstream failed\",\n   \"html_attributions\" : [],\n"
            + "   \"results\" : [],\n   \"status\" : \"UNKNOWN_ERROR\"\n}");
  }
}
