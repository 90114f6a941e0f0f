package herd.protocol;

import java.util.ArrayList;
import java.util.List;

/** Splits a line into fields at runs of the seed's white space: space, tab, CR, LF, FF and VT. */
public final class Fields {

  private Fields() {
  }

  public static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == 0x0b;
  }

  public static List<String> split(String line) {
    List<String> fields = new ArrayList<>(6);
    int i = 0;
    int n = line.length();
    while (i < n) {
      while (i < n && isSpace(line.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !isSpace(line.charAt(i))) {
        i++;
      }
      if (i > start) {
        fields.add(line.substring(start, i));
      }
    }
    return fields;
  }
}
