package herd.places;

import java.math.BigDecimal;

/**
 * A Nearby Search: the centre as the client wrote its digits (without {@code +} signs), the radius in metres, and
 * the most results wanted.
 */
public record PlacesQuery(String latitude, String longitude, BigDecimal radiusMetres, int maxItems) {

  public double latitudeDegrees() {
    return Double.parseDouble(latitude);
  }

  public double longitudeDegrees() {
    return Double.parseDouble(longitude);
  }

  /** The radius as Google's {@code radius} parameter takes it: {@code 10000}, {@code 1500.5}. */
  public String radiusParameter() {
    return radiusMetres.stripTrailingZeros().toPlainString();
  }
}
