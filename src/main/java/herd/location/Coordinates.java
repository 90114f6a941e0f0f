package herd.location;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ISO 6709 position as a client wrote it, {@code ±lat±lon} in decimal degrees ({@code +34.068930-118.445127},
 * {@code +12-118}); both signs are required, |lat| ≤ 90 and |lon| ≤ 180.
 */
public record Coordinates(String text, String latitude, String longitude) {

  private static final Pattern ISO_6709 = Pattern.compile("([+-]\\d+(?:\\.\\d+)?)([+-]\\d+(?:\\.\\d+)?)");
  private static final BigDecimal MAX_LATITUDE = BigDecimal.valueOf(90);
  private static final BigDecimal MAX_LONGITUDE = BigDecimal.valueOf(180);

  /** The coordinates, or null if the text is not a valid position. */
  public static Coordinates parse(String text) {
    Matcher m = ISO_6709.matcher(text);
    if (!m.matches()) {
      return null;
    }
    String latitude = m.group(1);
    String longitude = m.group(2);
    if (new BigDecimal(latitude).abs().compareTo(MAX_LATITUDE) > 0
        || new BigDecimal(longitude).abs().compareTo(MAX_LONGITUDE) > 0) {
      return null;
    }
    return new Coordinates(text, unsigned(latitude), unsigned(longitude));
  }

  /** Google wants the digits without a {@code +}: {@code +34.068930} becomes {@code 34.068930}. */
  private static String unsigned(String signed) {
    return signed.charAt(0) == '+' ? signed.substring(1) : signed;
  }
}
