package herd.places;

import com.fasterxml.jackson.databind.node.ObjectNode;
import herd.node.NodeMeters;
import herd.places.cache.CachedPlaces;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The node's provider, timed: each search's latency goes to {@code herd_places_requests_seconds} (a histogram) by
 * the answer's {@code status} ({@code OK}, {@code ZERO_RESULTS}, …, {@code FAILED} for a failed future). Statuses
 * are a handful of Google's words, so a timer is made once per status seen.
 */
public final class MeteredPlaces implements PlacesProvider {

  private final PlacesProvider provider;
  private final NodeMeters meters;
  private final Map<String, Timer> byStatus = new ConcurrentHashMap<>();

  public MeteredPlaces(PlacesProvider provider, NodeMeters meters) {
    this.provider = provider;
    this.meters = meters;
  }

  @Override
  public Future<ObjectNode> nearby(PlacesQuery query) {
    long started = System.nanoTime();
    return provider.nearby(query).onComplete(done -> {
      String status = done.succeeded() ? done.result().path("status").asText("NONE") : "FAILED";
      byStatus.computeIfAbsent(status, this::timer).record(System.nanoTime() - started,
          TimeUnit.NANOSECONDS);
    });
  }

  private Timer timer(String status) {
    return Timer.builder("herd.places.requests").description("Places searches by status, with their latency")
        .tag("status", status).tag("node", meters.node()).publishPercentileHistogram().register(meters.registry());
  }

  /** The cache in front of a remote provider; none for the offline one. */
  public Optional<CachedPlaces> cache() {
    return provider instanceof CachedPlaces cached ? Optional.of(cached) : Optional.empty();
  }

  @Override
  public Future<Void> close() {
    return provider.close();
  }
}
