package herd.kv;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import java.util.Collection;
import java.util.Map;

/** Every body the key-value routes answer with, so each reply byte is produced here. */
public final class KvReplies {

  private KvReplies() {
  }

  /** {@code {"api-key": "<uuid>"}}: a new token. */
  static Buffer token(String token) {
    return body(object().put("api-key", token));
  }

  /** {@code {"set": n}}: how many keys a {@code POST /set} wrote. */
  static Buffer set(int count) {
    return body(object().put("set", count));
  }

  /** {@code {"entries": {K: {"key": K, "value": V}, ...}, "not_found_keys": [K, ...]}}. */
  static Buffer entries(Map<String, byte[]> found, Collection<String> notFound) {
    ObjectNode reply = object();
    ObjectNode entries = reply.putObject("entries");
    found.forEach((key, json) -> entries.set(key, entry(key, json)));
    ArrayNode missing = reply.putArray("not_found_keys");
    notFound.forEach(missing::add);
    return body(reply);
  }

  /** {@code {"key": K, "value": V}}. */
  static Buffer one(String key, byte[] json) {
    return body(entry(key, json));
  }

  /** {@code {"key": K, "deleted": true}}. */
  static Buffer deleted(String key) {
    return body(object().put("key", key).put("deleted", true));
  }

  /** {@code {"addresses": ["http://host:port", ...]}}. */
  static Buffer addresses(Collection<String> addresses) {
    ObjectNode reply = object();
    addresses.forEach(reply.putArray("addresses")::add);
    return body(reply);
  }

  /** {@code {"message": "..."}}: what every refusal carries. */
  public static Buffer problem(String message) {
    return body(object().put("message", message));
  }

  private static ObjectNode entry(String key, byte[] json) {
    ObjectNode entry = object().put("key", key);
    entry.set("value", stored(json));
    return entry;
  }

  static JsonNode stored(byte[] json) {
    try {
      return KvRequests.MAPPER.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("a stored value is not JSON", e);
    }
  }

  static ObjectNode object() {
    return KvRequests.MAPPER.createObjectNode();
  }

  static Buffer body(JsonNode node) {
    try {
      return Buffer.buffer(KvRequests.MAPPER.writeValueAsBytes(node));
    } catch (JacksonException e) {
      throw new IllegalStateException(e);
    }
  }
}
