package herd.metrics.client;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a server reply, given as its lines without the blank line that ends it. */
final class Replies {

  private Replies() {
  }

  /** The points of an {@code ok} reply, by key in the server's order, each key's points by timestamp. */
  static Map<String, List<Point>> points(List<String> lines) {
    checkOk(lines);
    Map<String, List<Point>> points = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(" ", -1);
      if (f.length != 3 || f[0].isEmpty()) {
        throw unparsable(line);
      }
      Point point;
      try {
        point = new Point(Long.parseLong(f[2]), Double.parseDouble(f[1]));
      } catch (NumberFormatException e) {
        throw unparsable(line);
      }
      points.computeIfAbsent(f[0], key -> new ArrayList<>()).add(point);
    }
    points.values().forEach(list -> list.sort(Comparator.comparingLong(Point::timestamp)));
    return points;
  }

  /** Checks that the reply is a bare {@code ok}. */
  static void ok(List<String> lines) {
    checkOk(lines);
    if (lines.size() != 1) {
      throw unparsable(lines.get(1));
    }
  }

  private static void checkOk(List<String> lines) {
    String status = lines.isEmpty() ? "" : lines.get(0);
    if (status.equals("error")) {
      throw new ClientError("server error: " + String.join(" / ", lines.subList(1, lines.size())));
    }
    if (!status.equals("ok")) {
      throw new ClientError("unparsable reply status \"" + status + "\"");
    }
  }

  private static ClientError unparsable(String line) {
    return new ClientError("unparsable reply line \"" + line + "\"");
  }
}
