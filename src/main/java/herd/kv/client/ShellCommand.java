package herd.kv.client;

import java.util.List;

/** A line typed at the {@link KvShell} prompt, read by {@link #parse}; a line that is none is a {@link Wrong}. */
public sealed interface ShellCommand {

  /** {@code auth}: a new token, kept in the key file. */
  record Auth() implements ShellCommand {
  }

  /** {@code set [-r] db key=json}, or {@code set -f db file.json}. */
  record Set(String db, String key, String value, boolean raw, String file) implements ShellCommand {
  }

  /** {@code get [-r] db key1&key2}, or {@code get -f db keys.json}. */
  record Get(String db, List<String> keys, boolean raw, String file) implements ShellCommand {
  }

  record Exit() implements ShellCommand {
  }

  /** Nothing to do: a blank line. */
  record Blank() implements ShellCommand {
  }

  /** Not a command: why, in one line. */
  record Wrong(String message) implements ShellCommand {
  }

  String USAGE = "commands: auth | set [-r|--raw] db key={json} | set -f|--file db values.json"
      + " | get [-r|--raw] db key1&key2 | get -f|--file db keys.json | exit";

  static ShellCommand parse(String line) {
    String rest = line.strip();
    if (rest.isEmpty()) {
      return new Blank();
    }
    String word = firstWord(rest);
    rest = rest.substring(word.length()).strip();
    switch (word) {
      case "auth":
        return rest.isEmpty() ? new Auth() : new Wrong("auth takes nothing more");
      case "exit":
      case "quit":
        return new Exit();
      case "set":
      case "get":
        break;
      default:
        return new Wrong("unknown command \"" + word + "\"; " + USAGE);
    }
    boolean raw = false;
    boolean fromFile = false;
    while (rest.startsWith("-")) {
      String option = firstWord(rest);
      switch (option) {
        case "-r", "--raw" -> raw = true;
        case "-f", "--file" -> fromFile = true;
        default -> {
          return new Wrong("unknown option \"" + option + "\" of " + word);
        }
      }
      rest = rest.substring(option.length()).strip();
    }
    String db = firstWord(rest);
    rest = rest.substring(db.length()).strip();
    if (db.isEmpty() || rest.isEmpty()) {
      return new Wrong(word.equals("set")
          ? "usage: set [-r|--raw] db key={json} or set -f|--file db values.json"
          : "usage: get [-r|--raw] db key1&key2 or get -f|--file db keys.json");
    }
    if (fromFile) {
      return word.equals("set") ? new Set(db, null, null, raw, rest) : new Get(db, null, raw, rest);
    }
    if (word.equals("get")) {
      return new Get(db, List.of(rest.split("&", -1)), raw, null);
    }
    int eq = rest.indexOf('=');
    if (eq < 0) {
      return new Wrong("usage: set [-r|--raw] db key={json}: no \"=\" after the key");
    }
    return new Set(db, rest.substring(0, eq), rest.substring(eq + 1), raw, null);
  }

  private static String firstWord(String text) {
    int end = 0;
    while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
      end++;
    }
    return text.substring(0, end);
  }
}
