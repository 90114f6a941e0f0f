package herd.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MetricsParserTest {

  @Test
  void readsThePutOfTheSeed() {
    assertThat(MetricsParser.parse("put serv.cpu 42.3 1619445320"))
        .isEqualTo(new MetricsCommand.Put("serv.cpu", 42.3, 1619445320L));
  }

  @Test
  void readsGetOfAKeyAndOfEveryKey() {
    assertThat(MetricsParser.parse("get serv.cpu")).isEqualTo(new MetricsCommand.Get("serv.cpu"));
    assertThat(MetricsParser.parse("get *")).isEqualTo(new MetricsCommand.Get(MetricsCommand.ALL_KEYS));
  }

  @ParameterizedTest
  @ValueSource(strings = {"get test_key ", " get test_key", "get\ttest_key", "get  test_key\r", "\u000bget test_key\f"})
  void ignoresWhiteSpaceAroundAndBetweenFields(String line) {
    assertThat(MetricsParser.parse(line)).isEqualTo(new MetricsCommand.Get("test_key"));
  }

  @Test
  void separatesPutFieldsByRunsOfWhiteSpace() {
    assertThat(MetricsParser.parse("  put \t k   1  2 \r"))
        .isEqualTo(new MetricsCommand.Put("k", 1.0, 2L));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t \r", "\f"})
  void blankLinesAreBlank(String line) {
    assertThat(MetricsParser.parse(line)).isInstanceOf(MetricsCommand.Blank.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "got test_key", "PUT k 1 2", "GET k", "Get k", "get", "get a b", "get wrong command test", "put serv.cpu",
      "put k 1", "put k 1 2 3", "put", "putk 1 2", "hello", "put k nan 1", "put k NaN 1", "put k inf 1",
      "put k -inf 1", "put k Infinity 1", "put k 1e400 1", "put k -1e400 1", "put k 0x10 1", "put k 1d 1",
      "put k 1f 1", "put k 1_0 1", "put k . 1", "put k e5 1", "put k 1e 1", "put k 1e+ 1", "put k ++1 1",
      "put k 1..2 1", "put k abc 1", "put k 1 1.5", "put k 1 1e3", "put k 1 ", "put k 1 x", "put k 1 0x10",
      "put k 1 9223372036854775808", "put k 1 -9223372036854775809", "put k 1 --1", "put k 1 +",
      "put k \u00b2 1", "put k 1 \u00b9"})
  void rejectsWhatIsNotACommand(String line) {
    assertThat(MetricsParser.parse(line)).isInstanceOf(MetricsCommand.Invalid.class);
  }

  @ParameterizedTest(name = "{0} reads as {1}")
  @CsvSource(delimiter = '|', value = {
      "301|301.0", "42.30|42.3", "-1e-7|-1e-7", "1E5|100000", "+2.5|2.5", ".5|0.5", "5.|5", "-0|-0.0",
      "0.0|0", "1e-400|0", "1.7976931348623157e308|1.7976931348623157e308", "007|7"})
  void readsDecimalAndExponentValues(String text, double expected) {
    MetricsCommand command = MetricsParser.parse("put k " + text + " 1");
    assertThat(command).isInstanceOf(MetricsCommand.Put.class);
    assertThat(Double.doubleToRawLongBits(((MetricsCommand.Put) command).value()))
        .isEqualTo(Double.doubleToRawLongBits(expected));
  }

  @ParameterizedTest(name = "{0} reads as {1}")
  @CsvSource(delimiter = '|', value = {
      "1503319740|1503319740", "0001|1", "+42|42", "-5|-5", "0|0", "-0|0",
      "9223372036854775807|9223372036854775807", "-9223372036854775808|-9223372036854775808"})
  void readsSixtyFourBitTimestamps(String text, long expected) {
    assertThat(MetricsParser.parse("put k 1 " + text)).isEqualTo(new MetricsCommand.Put("k", 1.0, expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"serv.cpu", "*", "a\u00e9b", "k=1;x", "\u0001"})
  void takesAnyRunOfNonWhiteSpaceAsTheKey(String key) {
    assertThat(MetricsParser.parse("put " + key + " 1 2")).isEqualTo(new MetricsCommand.Put(key, 1.0, 2L));
    assertThat(MetricsParser.parse("get " + key)).isEqualTo(new MetricsCommand.Get(key));
  }
}
