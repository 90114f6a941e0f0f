package herd.metrics;

/** One line of the metrics protocol, as the parser understood it. */
public sealed interface MetricsCommand {

  /** {@code get *}: the key that asks for every stored metric. */
  String ALL_KEYS = "*";

  /** {@code put <key> <value> <timestamp>}. */
  record Put(String key, double value, long timestamp) implements MetricsCommand {
  }

  /** {@code get <key>}, or {@code get *} for every key. */
  record Get(String key) implements MetricsCommand {
  }

  /** Nothing but white space: no reply at all. */
  record Blank() implements MetricsCommand {
  }

  /** Anything else: the reply is {@code error\nwrong command\n\n}. */
  record Invalid() implements MetricsCommand {
  }
}
