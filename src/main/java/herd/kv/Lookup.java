package herd.kv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herd.replica.Version;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How one node asks another what it holds for a token's keys ({@code POST /v1/internal/lookup}, the token in
 * {@code Authorization}, the body of a {@code /get}), and the answer: the token's version and each key found, value
 * or tombstone, with its version, so the asker stores it exactly as the holder does:
 * {@code {"token": {"hlc": n, "origin": o}, "entries": [{"key": K, "hlc": n, "origin": o, "json": b64|null}]}}.
 * Values travel as base64url of their stored bytes.
 */
final class Lookup {

  static final String PATH = "/v1/internal/lookup";

  /** What a node answered: the token's version and the newest entry of each key it holds. */
  record Found(Version token, Map<String, KvEntry> entries) {

    static final Found NOTHING = new Found(null, Map.of());

    /** The newer of each key's entries here and there, and whichever token version is known. */
    Found merge(Found other) {
      Map<String, KvEntry> merged = new HashMap<>(entries);
      other.entries.forEach((key, entry) -> merged.merge(key, entry,
          (a, b) -> b.version().isNewerThan(a.version()) ? b : a));
      return new Found(token != null ? token : other.token, merged);
    }
  }

  private Lookup() {
  }

  static Buffer request(String db, List<String> keys) {
    ObjectNode body = KvReplies.object().put("db_name", db);
    keys.forEach(body.putArray("keys")::add);
    return KvReplies.body(body);
  }

  /** The answer of a node that knows the token: entries until their values pass {@code maxBytes}. */
  static Buffer answer(Version token, Map<String, KvEntry> entries, long maxBytes) {
    ObjectNode reply = KvReplies.object();
    version(reply.putObject("token"), token);
    ArrayNode list = reply.putArray("entries");
    long bytes = 0;
    for (Map.Entry<String, KvEntry> e : entries.entrySet()) {
      KvEntry entry = e.getValue();
      bytes += e.getKey().length() + (entry.deleted() ? 0 : entry.json().length);
      if (bytes > maxBytes) {
        break;
      }
      ObjectNode item = version(list.addObject().put("key", e.getKey()), entry.version());
      item.put("json", entry.deleted() ? null : KvText.encode(entry.json()));
    }
    return KvReplies.body(reply);
  }

  private static ObjectNode version(ObjectNode node, Version version) {
    return node.put("hlc", version.hlc()).put("origin", version.origin());
  }

  /** What an answer says, or {@link Found#NOTHING} if it is not one. */
  static Found parse(Buffer body) {
    try {
      JsonNode root = KvRequests.MAPPER.readTree(body.getBytes());
      Version token = version(root.get("token"));
      JsonNode list = root.get("entries");
      if (token == null || list == null || !list.isArray()) {
        return Found.NOTHING;
      }
      Map<String, KvEntry> entries = new HashMap<>();
      for (JsonNode item : list) {
        Version version = version(item);
        JsonNode key = item.get("key");
        JsonNode json = item.get("json");
        if (version == null || key == null || !key.isTextual() || json == null) {
          return Found.NOTHING;
        }
        byte[] value = json.isNull() ? null : json.isTextual() ? KvText.decodeBytes(json.textValue()) : null;
        if (!json.isNull() && (value == null || !isJson(value))) {
          return Found.NOTHING;
        }
        entries.put(key.textValue(), new KvEntry(value, version));
      }
      return new Found(token, entries);
    } catch (IOException | RuntimeException e) {
      return Found.NOTHING;
    }
  }

  private static boolean isJson(byte[] value) {
    try {
      KvRequests.MAPPER.readTree(value);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static Version version(JsonNode node) {
    if (node == null || !node.path("hlc").canConvertToExactIntegral() || !node.path("origin").isTextual()) {
      return null;
    }
    long hlc = node.get("hlc").asLong();
    return hlc > 0 ? new Version(hlc, node.get("origin").textValue()) : null;
  }
}
