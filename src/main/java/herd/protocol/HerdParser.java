package herd.protocol;

import herd.location.ClientTime;
import herd.location.Coordinates;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/** Turns a line (Latin-1, one char per byte, without its line ending) into a {@link HerdCommand}. */
public final class HerdParser {

  private static final Pattern RADIUS = Pattern.compile("\\+?(?:\\d+(?:\\.\\d*)?|\\.\\d+)");
  private static final Pattern COUNT = Pattern.compile("\\+?\\d{1,9}");
  private static final BigDecimal MAX_RADIUS_KM = BigDecimal.valueOf(50);
  private static final int MAX_ITEMS = 20;

  private static final HerdCommand BLANK = new HerdCommand.Blank();
  private static final HerdCommand INVALID = new HerdCommand.Invalid();

  private HerdParser() {
  }

  public static HerdCommand parse(String line) {
    List<String> f = Fields.split(line);
    if (f.isEmpty()) {
      return BLANK;
    }
    return switch (f.get(0)) {
      case "IAMAT" -> f.size() == 4 ? iamat(f) : INVALID;
      case "WHATSAT" -> f.size() == 4 ? whatsat(f) : INVALID;
      default -> INVALID;
    };
  }

  private static HerdCommand iamat(List<String> f) {
    Coordinates coordinates = Coordinates.parse(f.get(2));
    ClientTime time = ClientTime.parse(f.get(3));
    if (coordinates == null || time == null) {
      return INVALID;
    }
    return new HerdCommand.Iamat(f.get(1), coordinates, time);
  }

  private static HerdCommand whatsat(List<String> f) {
    if (!RADIUS.matcher(f.get(2)).matches() || !COUNT.matcher(f.get(3)).matches()) {
      return INVALID;
    }
    BigDecimal radiusKm = new BigDecimal(f.get(2));
    int maxItems = Integer.parseInt(f.get(3));
    if (radiusKm.signum() <= 0 || radiusKm.compareTo(MAX_RADIUS_KM) > 0 || maxItems < 1 || maxItems > MAX_ITEMS) {
      return INVALID;
    }
    return new HerdCommand.Whatsat(f.get(1), radiusKm, maxItems);
  }
}
