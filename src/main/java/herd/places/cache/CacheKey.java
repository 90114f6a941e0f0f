package herd.places.cache;

import herd.places.PlacesQuery;
import herd.places.ProviderName;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** What makes two searches share an answer: the provider, the centre rounded, and the radius. */
record CacheKey(ProviderName provider, BigDecimal latitude, BigDecimal longitude, BigDecimal radiusMetres) {

  static CacheKey of(ProviderName provider, PlacesQuery query, int decimals) {
    return new CacheKey(provider, round(query.latitude(), decimals), round(query.longitude(), decimals),
        query.radiusMetres().stripTrailingZeros());
  }

  private static BigDecimal round(String degrees, int decimals) {
    return new BigDecimal(degrees).setScale(decimals, RoundingMode.HALF_EVEN);
  }
}
