package herd.places;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** Reading Places JSON with its numbers kept exactly as written, and building Google's error answers. */
public final class PlacesJson {

  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();

  private PlacesJson() {
  }

  /** The body as a JSON object, or null if it is not one. */
  public static ObjectNode parseObject(byte[] body) {
    try {
      JsonNode node = MAPPER.readTree(body);
      return node instanceof ObjectNode object ? object : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** Google's shape for a failed search: no results, a status such as {@code UNKNOWN_ERROR}, and a message. */
  public static ObjectNode error(String status, String message) {
    ObjectNode error = MAPPER.createObjectNode();
    error.put("error_message", message);
    error.putArray("html_attributions");
    error.putArray("results");
    error.put("status", status);
    return error;
  }

  /** A copy of the answer with {@code results} cut to at most {@code maxItems}. */
  public static ObjectNode limitResults(ObjectNode answer, int maxItems) {
    JsonNode results = answer.get("results");
    if (!(results instanceof ArrayNode list) || list.size() <= maxItems) {
      return answer;
    }
    ObjectNode cut = answer.deepCopy();
    ArrayNode kept = ((ArrayNode) cut.get("results"));
    while (kept.size() > maxItems) {
      kept.remove(kept.size() - 1);
    }
    return cut;
  }
}
