package herd.places;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The Places providers a node can use ({@code places.provider}), each with its default endpoint. */
public enum ProviderName {
  OFFLINE("offline", ""),
  GOOGLE("google", "https://maps.googleapis.com/maps/api/place/nearbysearch/json"),
  GOOGLE_NEW("google-new", "https://places.googleapis.com/v1/places:searchNearby");

  private final String configName;
  private final String defaultUrl;

  ProviderName(String configName, String defaultUrl) {
    this.configName = configName;
    this.defaultUrl = defaultUrl;
  }

  /** The provider a config names, or null if it names none. */
  public static ProviderName named(String name) {
    for (ProviderName provider : values()) {
      if (provider.configName.equals(name)) {
        return provider;
      }
    }
    return null;
  }

  public static String allNames() {
    return Arrays.stream(values()).map(p -> "\"" + p.configName + "\"").collect(Collectors.joining(", "));
  }

  public String defaultUrl() {
    return defaultUrl;
  }

  @Override
  public String toString() {
    return configName;
  }
}
