package herd.places;

/**
 * A Places API key. It prints as {@code <key>} and blanks itself out of any text, so that it never reaches a log line
 * or an error message.
 */
public final class ApiKey {

  public static final ApiKey NONE = new ApiKey("");

  private final String value;

  private ApiKey(String value) {
    this.value = value;
  }

  /** The key from an environment variable's value (null when unset), trimmed. */
  public static ApiKey of(String value) {
    return value == null || value.isBlank() ? NONE : new ApiKey(value.trim());
  }

  /** The key itself, only for the request that carries it. */
  public String value() {
    return value;
  }

  public boolean isEmpty() {
    return value.isEmpty();
  }

  /** The text with every occurrence of the key replaced by {@code <key>}. */
  public String redact(String text) {
    return value.isEmpty() || text == null ? text : text.replace(value, "<key>");
  }

  @Override
  public String toString() {
    return "<key>";
  }
}
