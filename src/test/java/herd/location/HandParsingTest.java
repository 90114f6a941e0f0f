package herd.location;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Coordinates and client times, read by hand, accept exactly what the seed's grammar, as regular expressions, does. */
class HandParsingTest {

  private static final Pattern ISO_6709 = Pattern.compile("([+-]\\d+(?:\\.\\d+)?)([+-]\\d+(?:\\.\\d+)?)");
  private static final Pattern SECONDS = Pattern.compile("[+-]?\\d+(?:\\.\\d*)?|[+-]?\\.\\d+");
  private static final String ALPHABET = "+-.0123456789009x ";

  private static Coordinates byRegex(String text) {
    Matcher m = ISO_6709.matcher(text);
    if (!m.matches() || new BigDecimal(m.group(1)).abs().compareTo(BigDecimal.valueOf(90)) > 0
        || new BigDecimal(m.group(2)).abs().compareTo(BigDecimal.valueOf(180)) > 0) {
      return null;
    }
    return new Coordinates(text, m.group(1).replaceFirst("^\\+", ""), m.group(2).replaceFirst("^\\+", ""));
  }

  private static ClientTime timeByRegex(String text) {
    return SECONDS.matcher(text).matches() ? new ClientTime(text, new BigDecimal(text)) : null;
  }

  @Test
  void agreeWithTheGrammarOnAMillionRandomTexts() {
    Random random = new Random(6709);
    int valid = 0;
    for (int i = 0; i < 1_000_000; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(16);
      for (int j = 0; j < length; j++) {
        text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      String s = text.toString();
      assertThat(Coordinates.parse(s)).as(s).isEqualTo(byRegex(s));
      assertThat(ClientTime.parse(s)).as(s).isEqualTo(timeByRegex(s));
      valid += Coordinates.parse(s) == null ? 0 : 1;
    }
    assertThat(valid).isGreaterThan(1_000);
  }

  @Test
  void agreeOnTheEdges() {
    String[] edges = {"+90-180", "+90.0-180.000", "+90.0001-180", "-90.00+180.01", "+0090.0-0180", "+00000-0",
        "+91+0", "+9999-1", "+34.068930-118.445127", "+34.-118", "+34-118.", "+.5-1", "+1٣-1", "+34.068930",
        "", "+", "-", ".", "5.", ".5", "+.5", "-5.", "1e5", "١٢"};
    for (String s : edges) {
      assertThat(Coordinates.parse(s)).as(s).isEqualTo(byRegex(s));
      assertThat(ClientTime.parse(s)).as(s).isEqualTo(timeByRegex(s));
    }
  }
}
