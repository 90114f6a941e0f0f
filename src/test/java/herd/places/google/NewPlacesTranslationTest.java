package herd.places.google;

import static org.assertj.core.api.Assertions.assertThat;

import herd.places.GoogleJsonLayout;
import herd.places.PlacesJson;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NewPlacesTranslationTest {

  private static String translate(int httpStatus, String body) {
    return GoogleJsonLayout.print(NewPlacesTranslation.toLegacy(httpStatus,
        PlacesJson.parseObject(body.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void aPlaceWithEveryFieldGetsEveryLegacyName() {
    String body = """
        {"places": [{
          "id": "ChIJZQ9c8IW8woARN0gTXFiTI-I",
          "types": ["university", "point_of_interest", "establishment"],
          "shortFormattedAddress": "Los Angeles",
          "location": {"latitude": 34.068921, "longitude": -118.44518110000001},
          "viewport": {"low": {"latitude": 34.0578, "longitude": -118.4552},
                       "high": {"latitude": 34.0782, "longitude": -118.4379}},
          "rating": 4.5,
          "userRatingCount": 3521,
          "businessStatus": "OPERATIONAL",
          "priceLevel": "PRICE_LEVEL_MODERATE",
          "iconMaskBaseUri": "https://maps.gstatic.com/mapfiles/place_api/icons/v2/school_pinlet",
          "iconBackgroundColor": "#7B9EB0",
          "plusCode": {"globalCode": "8553XHJ4+H2", "compoundCode": "XHJ4+H2 Los Angeles, CA, USA"},
          "displayName": {"text": "University of California, Los Angeles", "languageCode": "en"}
        }]}""";
    assertThat(translate(200, body)).isEqualTo("""
        {
           "html_attributions" : [],
           "results" : [
              {
                 "business_status" : "OPERATIONAL",
                 "geometry" : {
                    "location" : {
                       "lat" : 34.068921,
                       "lng" : -118.44518110000001
                    },
                    "viewport" : {
                       "northeast" : {
                          "lat" : 34.0782,
                          "lng" : -118.4379
                       },
                       "southwest" : {
                          "lat" : 34.0578,
                          "lng" : -118.4552
                       }
                    }
                 },
                 "icon_background_color" : "#7B9EB0",
                 "icon_mask_base_uri" : "https://maps.gstatic.com/mapfiles/place_api/icons/v2/school_pinlet",
                 "name" : "University of California, Los Angeles",
                 "place_id" : "ChIJZQ9c8IW8woARN0gTXFiTI-I",
                 "plus_code" : {
                    "compound_code" : "XHJ4+H2 Los Angeles, CA, USA",
                    "global_code" : "8553XHJ4+H2"
                 },
                 "price_level" : 2,
                 "rating" : 4.5,
                 "types" : [ "university", "point_of_interest", "establishment" ],
                 "user_ratings_total" : 3521,
                 "vicinity" : "Los Angeles"
              }
           ],
           "status" : "OK"
        }""");
  }

  @Test
  void aPlaceWithFewFieldsGetsOnlyThose() {
    assertThat(translate(200, """
        {"places": [{"id": "p1", "displayName": {"text": "A <b>"}, "location": {"latitude": 1, "longitude": 2}},
                    {"id": "p2", "priceLevel": "PRICE_LEVEL_UNSPECIFIED"}]}""")).isEqualTo("""
        {
           "html_attributions" : [],
           "results" : [
              {
                 "geometry" : {
                    "location" : {
                       "lat" : 1,
                       "lng" : 2
                    }
                 },
                 "name" : "A \\u003cb\\u003e",
                 "place_id" : "p1"
              },
              {
                 "place_id" : "p2"
              }
           ],
           "status" : "OK"
        }""");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"{}", "'{\"places\": []}'"})
  void noPlacesIsZeroResults(String body) {
    assertThat(translate(200, body)).isEqualTo("""
        {
           "html_attributions" : [],
           "results" : [],
           "status" : "ZERO_RESULTS"
        }""");
  }

  @ParameterizedTest(name = "HTTP {0} {1} -> {2}")
  @CsvSource({
      "400, INVALID_ARGUMENT, INVALID_REQUEST",
      "400, FAILED_PRECONDITION, INVALID_REQUEST",
      "400, OUT_OF_RANGE, INVALID_REQUEST",
      "403, PERMISSION_DENIED, REQUEST_DENIED",
      "401, UNAUTHENTICATED, REQUEST_DENIED",
      "429, RESOURCE_EXHAUSTED, OVER_QUERY_LIMIT",
      "500, INTERNAL, UNKNOWN_ERROR",
      "503, UNAVAILABLE, UNKNOWN_ERROR",
      "400, '', INVALID_REQUEST",
      "403, '', REQUEST_DENIED",
      "401, '', REQUEST_DENIED",
      "429, '', OVER_QUERY_LIMIT",
      "504, '', UNKNOWN_ERROR",
      "200, PERMISSION_DENIED, REQUEST_DENIED"})
  void errorsBecomeLegacyStatusesWithTheirMessage(int http, String status, String legacy) {
    String body = "{\"error\": {\"code\": " + http + ", \"message\": \"Went wrong.\", \"status\": \"" + status
        + "\"}}";
    assertThat(translate(http, body)).isEqualTo("""
        {
           "error_message" : "Went wrong.",
           "html_attributions" : [],
           "results" : [],
           "status" : "%s"
        }""".formatted(legacy));
  }

  @Test
  void anErrorWithoutAMessageNamesTheHttpStatus() {
    assertThat(translate(500, "{\"places\": []}")).isEqualTo("""
        {
           "error_message" : "The Places service answered HTTP 500",
           "html_attributions" : [],
           "results" : [],
           "status" : "UNKNOWN_ERROR"
        }""");
  }
}
