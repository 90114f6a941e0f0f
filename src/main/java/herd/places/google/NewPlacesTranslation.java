package herd.places.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herd.places.PlacesJson;
import java.util.Map;

/**
 * Turns a Places API (New) {@code searchNearby} answer into the legacy Nearby Search shape: each place's fields
 * under their legacy names, in Google's alphabetical order, and the new API's errors as legacy statuses.
 */
public final class NewPlacesTranslation {

  /** The fields asked for ({@code X-Goog-FieldMask}): those that have a legacy counterpart. */
  public static final String FIELD_MASK = String.join(",",
      "places.id", "places.displayName", "places.location", "places.viewport", "places.shortFormattedAddress",
      "places.types", "places.rating", "places.userRatingCount", "places.businessStatus", "places.priceLevel",
      "places.iconMaskBaseUri", "places.iconBackgroundColor", "places.plusCode");

  private static final Map<String, String> ERROR_STATUSES = Map.of(
      "INVALID_ARGUMENT", "INVALID_REQUEST",
      "FAILED_PRECONDITION", "INVALID_REQUEST",
      "OUT_OF_RANGE", "INVALID_REQUEST",
      "PERMISSION_DENIED", "REQUEST_DENIED",
      "UNAUTHENTICATED", "REQUEST_DENIED",
      "RESOURCE_EXHAUSTED", "OVER_QUERY_LIMIT");

  private static final Map<String, Integer> PRICE_LEVELS = Map.of(
      "PRICE_LEVEL_FREE", 0,
      "PRICE_LEVEL_INEXPENSIVE", 1,
      "PRICE_LEVEL_MODERATE", 2,
      "PRICE_LEVEL_EXPENSIVE", 3,
      "PRICE_LEVEL_VERY_EXPENSIVE", 4);

  private NewPlacesTranslation() {
  }

  /** The legacy answer for an HTTP status and the JSON body that came with it. */
  public static ObjectNode toLegacy(int httpStatus, ObjectNode body) {
    if (httpStatus / 100 != 2 || body.has("error")) {
      return error(httpStatus, body.path("error"));
    }
    ObjectNode answer = PlacesJson.MAPPER.createObjectNode();
    answer.putArray("html_attributions");
    ArrayNode results = answer.putArray("results");
    for (JsonNode place : body.path("places")) {
      results.add(place(place));
    }
    answer.put("status", results.isEmpty() ? "ZERO_RESULTS" : "OK");
    return answer;
  }

  private static ObjectNode error(int httpStatus, JsonNode error) {
    String status = ERROR_STATUSES.get(error.path("status").asText());
    if (status == null) {
      status = switch (httpStatus) {
        case 400 -> "INVALID_REQUEST";
        case 401, 403 -> "REQUEST_DENIED";
        case 429 -> "OVER_QUERY_LIMIT";
        default -> "UNKNOWN_ERROR";
      };
    }
    String message = error.path("message").asText("");
    return PlacesJson.error(status,
        message.isEmpty() ? "The Places service answered HTTP " + httpStatus : message);
  }

  private static ObjectNode place(JsonNode place) {
    ObjectNode result = PlacesJson.MAPPER.createObjectNode();
    copyText(place.path("businessStatus"), result, "business_status");
    ObjectNode geometry = PlacesJson.MAPPER.createObjectNode();
    if (place.has("location")) {
      geometry.set("location", latLng(place.get("location")));
    }
    JsonNode viewport = place.path("viewport");
    if (viewport.has("high") && viewport.has("low")) {
      ObjectNode legacyViewport = geometry.putObject("viewport");
      legacyViewport.set("northeast", latLng(viewport.get("high")));
      legacyViewport.set("southwest", latLng(viewport.get("low")));
    }
    if (!geometry.isEmpty()) {
      result.set("geometry", geometry);
    }
    copyText(place.path("iconBackgroundColor"), result, "icon_background_color");
    copyText(place.path("iconMaskBaseUri"), result, "icon_mask_base_uri");
    copyText(place.path("displayName").path("text"), result, "name");
    copyText(place.path("id"), result, "place_id");
    JsonNode plusCode = place.path("plusCode");
    if (plusCode.has("compoundCode") || plusCode.has("globalCode")) {
      ObjectNode legacyPlusCode = result.putObject("plus_code");
      copyText(plusCode.path("compoundCode"), legacyPlusCode, "compound_code");
      copyText(plusCode.path("globalCode"), legacyPlusCode, "global_code");
    }
    Integer priceLevel = PRICE_LEVELS.get(place.path("priceLevel").asText());
    if (priceLevel != null) {
      result.put("price_level", priceLevel);
    }
    copyNumber(place.path("rating"), result, "rating");
    if (place.path("types").isArray()) {
      result.set("types", place.get("types").deepCopy());
    }
    copyNumber(place.path("userRatingCount"), result, "user_ratings_total");
    copyText(place.path("shortFormattedAddress"), result, "vicinity");
    return result;
  }

  private static ObjectNode latLng(JsonNode position) {
    ObjectNode location = PlacesJson.MAPPER.createObjectNode();
    location.set("lat", position.path("latitude").deepCopy());
    location.set("lng", position.path("longitude").deepCopy());
    return location;
  }

  private static void copyText(JsonNode value, ObjectNode target, String name) {
    if (value.isTextual()) {
      target.put(name, value.textValue());
    }
  }

  private static void copyNumber(JsonNode value, ObjectNode target, String name) {
    if (value.isNumber()) {
      target.set(name, value.deepCopy());
    }
  }
}
