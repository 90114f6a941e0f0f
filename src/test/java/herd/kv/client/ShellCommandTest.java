package herd.kv.client;

import static org.assertj.core.api.Assertions.assertThat;

import herd.kv.client.ShellCommand.Get;
import herd.kv.client.ShellCommand.Set;
import herd.kv.client.ShellCommand.Wrong;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellCommandTest {

  @Test
  void setTakesTheRestOfTheLineAfterTheFirstEqualsAsTheValue() {
    assertThat(ShellCommand.parse("set db k={\"a\": \"x=y\"}"))
        .isEqualTo(new Set("db", "k", "{\"a\": \"x=y\"}", false, null));
    assertThat(ShellCommand.parse("  set --raw db k=some text ")).isEqualTo(new Set("db", "k", "some text", true, null));
    assertThat(ShellCommand.parse("set -f db values.json")).isEqualTo(new Set("db", null, null, false, "values.json"));
  }

  @Test
  void getSplitsItsKeysOnAmpersands() {
    assertThat(ShellCommand.parse("get db a&b&c")).isEqualTo(new Get("db", List.of("a", "b", "c"), false, null));
    assertThat(ShellCommand.parse("get -r db a")).isEqualTo(new Get("db", List.of("a"), true, null));
    assertThat(ShellCommand.parse("get --file db keys.json")).isEqualTo(new Get("db", null, false, "keys.json"));
  }

  @Test
  void authExitAndBlankLines() {
    assertThat(ShellCommand.parse("auth")).isEqualTo(new ShellCommand.Auth());
    assertThat(ShellCommand.parse("exit")).isEqualTo(new ShellCommand.Exit());
    assertThat(ShellCommand.parse("   ")).isEqualTo(new ShellCommand.Blank());
  }

  @Test
  void whatIsNoCommandSaysWhyInOneLine() {
    assertThat(ShellCommand.parse("frobnicate db")).isEqualTo(new Wrong("unknown command \"frobnicate\"; "
        + ShellCommand.USAGE));
    assertThat(ShellCommand.parse("set db k")).isEqualTo(new Wrong("usage: set [-r|--raw] db key={json}: no \"=\" after"
        + " the key"));
    assertThat(ShellCommand.parse("get db")).isEqualTo(new Wrong("usage: get [-r|--raw] db key1&key2 or get -f|--file db"
        + " keys.json"));
    assertThat(ShellCommand.parse("get -x db k")).isEqualTo(new Wrong("unknown option \"-x\" of get"));
    assertThat(ShellCommand.parse("auth me")).isEqualTo(new Wrong("auth takes nothing more"));
  }
}
