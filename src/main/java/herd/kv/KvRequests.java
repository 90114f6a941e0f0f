package herd.kv;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the bodies clients send into what they ask for, or a {@link KvProblem} (400, 413) naming what is wrong.
 * Numbers are kept exactly as written ({@code 1.0} stays {@code 1.0}, integers of any size), so a value reads back
 * as it was set, less white space.
 */
public final class KvRequests {

  public static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();

  /** {@code POST /set}: the database and each key with its value as compact JSON. */
  public record SetRequest(String db, List<Item> items) {
  }

  public record Item(String key, byte[] json) {
  }

  /** {@code POST /get}: the database and the keys asked for. */
  public record GetRequest(String db, List<String> keys) {
  }

  private KvRequests() {
  }

  /** Any JSON document; 400 if the bytes are not one. */
  static JsonNode json(byte[] body) {
    if (body.length == 0) {
      throw new KvProblem(400, "the body is empty: it must be JSON");
    }
    try {
      return MAPPER.readTree(body);
    } catch (JacksonException e) {
      throw new KvProblem(400, "the body is not valid JSON");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A value as the store keeps it: compact JSON in UTF-8; 413 past {@code maxValueBytes}. */
  static byte[] value(String key, JsonNode value, int maxValueBytes) {
    byte[] json;
    try {
      json = MAPPER.writeValueAsBytes(value);
    } catch (JacksonException e) {
      throw new KvProblem(400, "the value of key " + quote(key) + " cannot be stored");
    }
    if (json.length > maxValueBytes) {
      throw new KvProblem(413, "the value of key " + quote(key) + " is over " + maxValueBytes + " bytes");
    }
    return json;
  }

  public static SetRequest set(byte[] body, int maxValueBytes) {
    JsonNode root = object(json(body));
    String db = db(root);
    JsonNode keys = root.get("keys");
    String shape = "\"keys\" must be an array of {\"key\": string, \"value\": any JSON}";
    if (keys == null || !keys.isArray()) {
      throw new KvProblem(400, shape);
    }
    List<Item> items = new ArrayList<>(keys.size());
    for (JsonNode item : keys) {
      JsonNode key = item.get("key");
      JsonNode value = item.get("value");
      if (!item.isObject() || key == null || !key.isTextual() || value == null) {
        throw new KvProblem(400, shape);
      }
      items.add(new Item(key.textValue(), value(key.textValue(), value, maxValueBytes)));
    }
    return new SetRequest(db, items);
  }

  public static GetRequest get(byte[] body) {
    JsonNode root = object(json(body));
    String db = db(root);
    JsonNode keys = root.get("keys");
    if (keys == null || !keys.isArray()) {
      throw new KvProblem(400, "\"keys\" must be an array of strings");
    }
    List<String> names = new ArrayList<>(keys.size());
    for (JsonNode key : keys) {
      if (!key.isTextual()) {
        throw new KvProblem(400, "\"keys\" must be an array of strings");
      }
      names.add(key.textValue());
    }
    return new GetRequest(db, names);
  }

  private static JsonNode object(JsonNode root) {
    if (!root.isObject()) {
      throw new KvProblem(400, "the body must be a JSON object");
    }
    return root;
  }

  private static String db(JsonNode root) {
    JsonNode db = root.get("db_name");
    if (db == null || !db.isTextual()) {
      throw new KvProblem(400, "\"db_name\" must be a string");
    }
    return db.textValue();
  }

  /** A key quoted for a message, cut to 100 characters: the message stays one short line. */
  static String quote(String key) {
    String cut = key.length() > 100 ? key.substring(0, 100) + "..." : key;
    return "\"" + cut.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("\\p{Cntrl}", "?") + "\"";
  }
}
