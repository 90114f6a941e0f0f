package herd.metrics.client;

/** One stored measurement: when (seconds) and what. */
public record Point(long timestamp, double value) {
}
