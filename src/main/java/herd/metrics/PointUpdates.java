package herd.metrics;

import herd.replica.Applied;
import herd.replica.UpdateKind;
import herd.replica.Version;
import herd.text.PythonFloat;

/**
 * Metric points as replicated updates: {@code PUT <key> <value> <timestamp>} in the envelope, the value printed as its
 * shortest round-tripping decimal so every node stores the very same double; the store keeps the highest version of
 * each (key, timestamp).
 */
final class PointUpdates implements UpdateKind<MetricsCommand.Put> {

  static final String NAME = "PUT";

  private final MetricStore store;

  PointUpdates(MetricStore store) {
    this.store = store;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String encode(MetricsCommand.Put put) {
    return put.key() + " " + PythonFloat.repr(put.value()) + " " + put.timestamp();
  }

  @Override
  public MetricsCommand.Put decode(String payload) {
    return MetricsParser.parse("put " + payload) instanceof MetricsCommand.Put put ? put : null;
  }

  @Override
  public Applied apply(MetricsCommand.Put put, Version version) {
    return store.offer(put.key(), put.timestamp(), put.value(), version);
  }
}
