package herd.metrics;

import herd.node.NodeMeters;
import io.micrometer.core.instrument.Counter;

/** The metrics protocol's commands by outcome, resolved once per node so that counting a command is one increment. */
record CommandCounters(Counter putStored, Counter putRefused, Counter get, Counter invalid) {

  static CommandCounters of(NodeMeters meters) {
    return new CommandCounters(meters.clientCommands("metrics", "put", "ok"),
        meters.clientCommands("metrics", "put", "error"), meters.clientCommands("metrics", "get", "ok"),
        meters.clientCommands("metrics", "invalid", "error"));
  }
}
