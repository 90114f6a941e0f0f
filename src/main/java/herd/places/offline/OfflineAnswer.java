package herd.places.offline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herd.places.PlacesJson;
import java.math.BigDecimal;
import java.util.List;

/** Gazetteer places as a legacy Nearby Search answer, each result's keys in Google's alphabetical order. */
public final class OfflineAnswer {

  private OfflineAnswer() {
  }

  public static ObjectNode of(List<GazetteerPlace> places) {
    ObjectNode answer = PlacesJson.MAPPER.createObjectNode();
    answer.putArray("html_attributions");
    ArrayNode results = answer.putArray("results");
    for (GazetteerPlace place : places) {
      ObjectNode result = results.addObject();
      ObjectNode location = result.putObject("geometry").putObject("location");
      location.put("lat", degrees(place.latE5()));
      location.put("lng", degrees(place.lngE5()));
      result.put("name", place.name());
      result.put("place_id", placeId(place.geonameId()));
      result.put("reference", placeId(place.geonameId()));
      result.putArray("types").add("locality").add("political");
      result.put("vicinity", place.vicinity());
    }
    answer.put("status", places.isEmpty() ? "ZERO_RESULTS" : "OK");
    return answer;
  }

  /** A stable id that cannot be mistaken for one of Google's. */
  public static String placeId(int geonameId) {
    return "geonames:" + geonameId;
  }

  /** {@code 3401945} as {@code 34.01945}, {@code 12000000} as {@code 120}: no trailing zeros, no exponent. */
  static BigDecimal degrees(int e5) {
    BigDecimal value = BigDecimal.valueOf(e5, 5).stripTrailingZeros();
    return value.scale() < 0 ? value.setScale(0) : value;
  }
}
