package herd.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import herd.location.ClientTime;
import herd.location.Coordinates;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HerdParserTest {

  @Test
  void parsesTheSeedsIamat() {
    assertThat(HerdParser.parse("IAMAT kiwi.cs.ucla.edu +34.068930-118.445127 1520023934.918963997"))
        .isEqualTo(new HerdCommand.Iamat("kiwi.cs.ucla.edu",
            new Coordinates("+34.068930-118.445127", "34.068930", "-118.445127"),
            new ClientTime("1520023934.918963997", new BigDecimal("1520023934.918963997"))));
  }

  @Test
  void parsesTheSeedsWhatsat() {
    assertThat(HerdParser.parse("WHATSAT kiwi.cs.ucla.edu 10 5"))
        .isEqualTo(new HerdCommand.Whatsat("kiwi.cs.ucla.edu", new BigDecimal("10"), 5));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\r\f\u000b", "   \t  "})
  void whiteSpaceOnlyIsBlank(String line) {
    assertThat(HerdParser.parse(line)).isInstanceOf(HerdCommand.Blank.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "IAMAT a +12-118 1520023934",
      "IAMAT a +12-118 1520023934.",
      "IAMAT a +12-118 .5",
      "IAMAT a +12-118 1520023934.918963997123",
      "IAMAT a -90+180 0",
      "IAMAT a +90.000-180.000 1",
      "IAMAT a +0.0+0.0 1",
      "IAMAT \u00e9t\u00e9 +1-1 1",
      "\tIAMAT\u000ba\f+1-1\r1  "})
  void acceptsEveryValidIamatForm(String line) {
    assertThat(HerdParser.parse(line)).isInstanceOf(HerdCommand.Iamat.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "IAMAT a 12-118 1", "IAMAT a +12118 1", "IAMAT a +12-118- 1", "IAMAT a +12.-118 1", "IAMAT a +.5-118 1",
      "IAMAT a +90.0001-118 1", "IAMAT a +12-180.1 1", "IAMAT a ++12-118 1", "IAMAT a +12-118 1e9",
      "IAMAT a +12-118 0x10", "IAMAT a +12-118 one", "IAMAT a +12-118", "IAMAT a +12-118 1 2", "IAMAT",
      "iamat a +12-118 1", "IAMAT a +1,5-118 1", "IAMAT a +12-118 1..5", "IAMAT a +12-118 --1"})
  void rejectsEveryInvalidIamat(String line) {
    assertThat(HerdParser.parse(line)).isInstanceOf(HerdCommand.Invalid.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "WHATSAT a 50 20", "WHATSAT a 0.001 1", "WHATSAT a .5 1", "WHATSAT a 10. 1", "WHATSAT a +10 +5",
      "WHATSAT a 050 020", "WHATSAT a 49.99999999 19"})
  void acceptsEveryValidWhatsat(String line) {
    assertThat(HerdParser.parse(line)).isInstanceOf(HerdCommand.Whatsat.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "WHATSAT a 0 5", "WHATSAT a 0.0 5", "WHATSAT a 50.0000001 5", "WHATSAT a 51 5", "WHATSAT a -1 5",
      "WHATSAT a 10 0", "WHATSAT a 10 21", "WHATSAT a 10 -1", "WHATSAT a 10 5.0", "WHATSAT a 10 99999999999",
      "WHATSAT a ten 5", "WHATSAT a 1e1 5", "WHATSAT a 10", "WHATSAT a 10 5 6", "WHATSAT", "whatsat a 10 5"})
  void rejectsEveryInvalidWhatsat(String line) {
    assertThat(HerdParser.parse(line)).isInstanceOf(HerdCommand.Invalid.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"AT Goloman +0.1 a +1-1 1", "PEER", "PEER Hands", "PEER a b", "HELLO", "? x"})
  void rejectsWhatIsNotAClientCommand(String line) {
    assertThat(HerdParser.parse(line)).isInstanceOf(HerdCommand.Invalid.class);
  }
}
