package herd.metrics;

import herd.replica.Applied;
import herd.replica.Origins;
import herd.replica.Version;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A node's metrics: one {@link Series} per key in a shared-data map that all of the node's verticles see. Each point
 * keeps the version of the write that set it, and only a higher version replaces it. At most {@code maxPoints}
 * points are held; past that, new points are refused while existing ones can still be overwritten.
 */
public final class MetricStore {

  private static final Comparator<Series> FIRST_STORED_FIRST = Comparator.comparingLong(Series::rank);

  private final LocalMap<String, Series> series;
  private final long maxPoints;
  private final Origins origins = new Origins();
  private final AtomicLong ranks = new AtomicLong();
  private final AtomicLong points = new AtomicLong();

  public MetricStore(Vertx vertx, String nodeName, long maxPoints) {
    this.series = vertx.sharedData().getLocalMap("herd.metrics." + nodeName);
    // A node that starts again in the same process starts empty, as a new process would.
    series.clear();
    this.maxPoints = maxPoints;
  }

  /** Stores the point if no point of the same key and timestamp holds a higher version and there is room. */
  public Applied offer(String key, long timestamp, double value, Version version) {
    Series held = series.get(key);
    if (held == null) {
      if (points.get() >= maxPoints) {
        return Applied.FULL;
      }
      held = series.computeIfAbsent(key, k -> new Series(k, ranks.incrementAndGet()));
    }
    Applied applied = held.offer(timestamp, value, version, origins, points.get() < maxPoints);
    if (applied.isNews() && applied.replaced() == null) {
      points.incrementAndGet();
    }
    return applied;
  }

  /** The key's series as a list of none or one; for {@code *}, every series in the order first stored. */
  List<Series> select(String key) {
    if (!MetricsCommand.ALL_KEYS.equals(key)) {
      Series held = series.get(key);
      return held == null ? List.of() : List.of(held);
    }
    List<Series> all = new ArrayList<>(series.values());
    all.sort(FIRST_STORED_FIRST);
    return all;
  }

  public long points() {
    return points.get();
  }
}
