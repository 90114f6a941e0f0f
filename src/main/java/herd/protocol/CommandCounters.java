package herd.protocol;

import herd.node.NodeMeters;
import io.micrometer.core.instrument.Counter;

/** The herd protocol's commands by outcome, resolved once per node so that counting a command is one increment. */
record CommandCounters(Counter iamatStored, Counter iamatRefused, Counter whatsatAnswered, Counter whatsatUnknown,
    Counter invalid) {

  static CommandCounters of(NodeMeters meters) {
    return new CommandCounters(
        meters.clientCommands("herd", "IAMAT", "ok"), meters.clientCommands("herd", "IAMAT", "refused"),
        meters.clientCommands("herd", "WHATSAT", "ok"), meters.clientCommands("herd", "WHATSAT", "unknown_client"),
        meters.clientCommands("herd", "invalid", "error"));
  }
}
