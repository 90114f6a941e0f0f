package herd.metrics;

import herd.protocol.Fields;
import herd.text.PythonFloat;
import java.util.List;

/**
 * A put as neighbours flood it: {@code PUT <accepting-node> <clock> <key> <value> <timestamp>}. The value is printed
 * as its shortest round-tripping decimal, so every node stores the very same double.
 */
record PutMessage(Version version, MetricsCommand.Put put) {

  static final String KIND = "PUT";

  String line() {
    return KIND + " " + version.node() + " " + version.clock() + " " + put.key() + " "
        + PythonFloat.repr(put.value()) + " " + put.timestamp();
  }

  /** The message, or null if the line is not one. */
  static PutMessage parse(String line) {
    List<String> f = Fields.split(line);
    if (f.size() != 6 || !f.get(0).equals(KIND)) {
      return null;
    }
    Long clock = MetricsParser.timestamp(f.get(2));
    Double value = MetricsParser.value(f.get(4));
    Long timestamp = MetricsParser.timestamp(f.get(5));
    if (clock == null || clock < 0 || value == null || timestamp == null) {
      return null;
    }
    return new PutMessage(new Version(clock, f.get(1)), new MetricsCommand.Put(f.get(3), value, timestamp));
  }
}
