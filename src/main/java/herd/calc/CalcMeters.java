package herd.calc;

import herd.node.NodeMeters;
import io.micrometer.core.instrument.Counter;

/** The calculation service's counters, resolved once: requests by outcome and the lines evaluated. */
record CalcMeters(Counter answered, Counter refused, Counter lines) {

  static CalcMeters of(NodeMeters meters) {
    String requests = "herd.calc.requests";
    return new CalcMeters(
        meters.counter(requests, "calculation requests by outcome", "outcome", "answered"),
        meters.counter(requests, "calculation requests by outcome", "outcome", "refused"),
        meters.counter("herd.calc.lines", "expression lines evaluated"));
  }
}
