package herd.places;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Prints JSON the way Google's Places web service lays it out: three-space indentation, {@code "key" : value},
 * arrays of plain values on one line ({@code [ "a", "b" ]}), empty ones as {@code []}, and {@code <} {@code >}
 * escaped as Google escapes them. The output has no blank line and no trailing newline.
 */
public final class GoogleJsonLayout {

  private static final String INDENT = "   ";

  private GoogleJsonLayout() {
  }

  public static String print(JsonNode node) {
    StringBuilder out = new StringBuilder(4096);
    value(out, node, 0);
    return out.toString();
  }

  private static void value(StringBuilder out, JsonNode node, int depth) {
    if (node.isObject()) {
      object(out, node, depth);
    } else if (node.isArray()) {
      array(out, node, depth);
    } else if (node.isTextual()) {
      string(out, node.textValue());
    } else {
      out.append(node.asText());
    }
  }

  private static void object(StringBuilder out, JsonNode node, int depth) {
    if (node.isEmpty()) {
      out.append("{}");
      return;
    }
    out.append("{\n");
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      indent(out, depth + 1);
      string(out, field.getKey());
      out.append(" : ");
      value(out, field.getValue(), depth + 1);
      out.append(fields.hasNext() ? ",\n" : "\n");
    }
    indent(out, depth);
    out.append('}');
  }

  private static void array(StringBuilder out, JsonNode node, int depth) {
    if (node.isEmpty()) {
      out.append("[]");
      return;
    }
    if (allPlain(node)) {
      out.append("[ ");
      for (int i = 0; i < node.size(); i++) {
        value(out, node.get(i), depth);
        out.append(i + 1 < node.size() ? ", " : " ]");
      }
      return;
    }
    out.append("[\n");
    for (int i = 0; i < node.size(); i++) {
      indent(out, depth + 1);
      value(out, node.get(i), depth + 1);
      out.append(i + 1 < node.size() ? ",\n" : "\n");
    }
    indent(out, depth);
    out.append(']');
  }

  private static boolean allPlain(JsonNode array) {
    for (JsonNode element : array) {
      if (element.isContainerNode()) {
        return false;
      }
    }
    return true;
  }

  private static void string(StringBuilder out, String text) {
    out.append('"');
    char[] escaped = JsonStringEncoder.getInstance().quoteAsString(text);
    for (char c : escaped) {
      switch (c) {
        case '<' -> out.append("\\u003c");
        case '>' -> out.append("\\u003e");
        default -> out.append(c);
      }
    }
    out.append('"');
  }

  private static void indent(StringBuilder out, int depth) {
    out.append(INDENT.repeat(depth));
  }
}
