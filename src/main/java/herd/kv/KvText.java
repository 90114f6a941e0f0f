package herd.kv;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The fields of key-value updates in their envelopes: base64url (unpadded) of the UTF-8 database name, key and
 * value, so any text travels as one line of ASCII without a space or a newline; tokens travel as they are, being
 * UUIDs.
 */
final class KvText {

  private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private KvText() {
  }

  /** Whether a text has the shape of a token this store issues: a lower-case UUID. */
  static boolean isToken(String text) {
    return text != null && TOKEN.matcher(text).matches();
  }

  static String encode(String text) {
    return encode(text.getBytes(StandardCharsets.UTF_8));
  }

  static String encode(byte[] bytes) {
    return ENCODER.encodeToString(bytes);
  }

  /** The bytes a field encodes, or null if it is not base64url. */
  static byte[] decodeBytes(String field) {
    if (field.indexOf('=') >= 0) {
      return null;
    }
    try {
      return DECODER.decode(field);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The text a field encodes, or null if it is not base64url of UTF-8. */
  static String decodeText(String field) {
    byte[] bytes = decodeBytes(field);
    if (bytes == null) {
      return null;
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    return Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes) ? text : null;
  }
}
