package herd.location;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocationTest {

  private static final String SEED_AT =
      "AT Goloman +0.263873386 kiwi.cs.ucla.edu +34.068930-118.445127 1520023934.918963997";

  @Test
  void anAtLineReadsBackToTheSameLine() {
    assertThat(Location.parseAt(SEED_AT).atLine()).isEqualTo(SEED_AT);
  }

  @Test
  void anAtLineCarriesItsParts() {
    Location location = Location.parseAt(SEED_AT);
    assertThat(location.server()).isEqualTo("Goloman");
    assertThat(location.skew()).isEqualTo("+0.263873386");
    assertThat(location.clientId()).isEqualTo("kiwi.cs.ucla.edu");
    assertThat(location.coordinates().latitude()).isEqualTo("34.068930");
    assertThat(location.coordinates().longitude()).isEqualTo("-118.445127");
  }

  @ParameterizedTest
  @ValueSource(strings = {"AT Goloman +0.1 a +1-1", "AT Goloman 0.1 a +1-1 1", "AT Goloman +0.1 a 1-1 1",
      "AT Goloman +0.1 a +1-1 x", "IAMAT a +1-1 1", "AT Goloman +0.1 a +1-1 1 extra", ""})
  void aMalformedAtLineIsRefused(String line) {
    assertThat(Location.parseAt(line)).isNull();
  }
}
