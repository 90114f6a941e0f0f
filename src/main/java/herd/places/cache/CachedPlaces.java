package herd.places.cache;

import com.fasterxml.jackson.databind.node.ObjectNode;
import herd.places.PlacesConfig.CacheSettings;
import herd.places.PlacesJson;
import herd.places.PlacesProvider;
import herd.places.PlacesQuery;
import herd.places.ProviderName;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * A node's cache in front of a remote provider, shared by all its verticle instances. Each key's answer is fetched
 * once, for the most items a search may want, and cut to each search's max-items; searches that arrive while it is
 * being fetched share that call. Only {@code OK} and {@code ZERO_RESULTS} answers are kept, for the configured
 * time; the least recently used go first when the cache is full. Upstream calls pass through an
 * {@link UpstreamGate}.
 */
public final class CachedPlaces implements PlacesProvider {

  /** The most results a Nearby Search gives, and so the most any search may want. */
  public static final int FETCHED_ITEMS = 20;

  private static final Set<String> KEPT_STATUSES = Set.of("OK", "ZERO_RESULTS");

  private final Vertx vertx;
  private final ProviderName name;
  private final PlacesProvider upstream;
  private final CacheSettings settings;
  private final UpstreamGate gate;
  private final LongSupplier nanoClock;
  private final Logger log;
  private final Map<CacheKey, Entry> entries;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder shared = new LongAdder();

  /** An answer being fetched or fetched; {@code expiresAt} is set (in clock nanos) once it is kept. */
  private static final class Entry {
    final Promise<ObjectNode> answer = Promise.promise();
    volatile long expiresAt = Long.MAX_VALUE;
  }

  public CachedPlaces(Vertx vertx, ProviderName name, PlacesProvider upstream, CacheSettings settings,
      UpstreamGate gate, LongSupplier nanoClock, Logger log) {
    this.vertx = vertx;
    this.name = name;
    this.upstream = upstream;
    this.settings = settings;
    this.gate = gate;
    this.nanoClock = nanoClock;
    this.log = log;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<CacheKey, Entry> eldest) {
        return size() > settings.maxEntries();
      }
    };
  }

  @Override
  public Future<ObjectNode> nearby(PlacesQuery query) {
    long started = System.nanoTime();
    CacheKey key = CacheKey.of(name, query, settings.decimals());
    Entry entry;
    String source;
    synchronized (entries) {
      entry = entries.get(key);
      if (entry != null && entry.expiresAt <= nanoClock.getAsLong()) {
        entries.remove(key);
        entry = null;
      }
      source = entry == null ? "miss" : entry.answer.future().isComplete() ? "hit" : "shared";
      if (entry == null) {
        entry = new Entry();
        entries.put(key, entry);
      }
    }
    if (source.equals("miss")) {
      misses.increment();
      fetch(key, entry, query);
    } else if (source.equals("hit")) {
      hits.increment();
    } else {
      shared.increment();
    }
    Context caller = vertx.getOrCreateContext();
    Promise<ObjectNode> answer = Promise.promise();
    // The shared answer completes on whichever event loop fetched it: each search continues on its own.
    entry.answer.future().onComplete(done -> caller.runOnContext(v -> answer.handle(done)));
    return answer.future()
        .map(fetched -> PlacesJson.limitResults(fetched.deepCopy(), query.maxItems()))
        .onComplete(done -> log.info("{} location={},{} radius={} max={} cache {} -> {} in {} ms", name,
            query.latitude(), query.longitude(), query.radiusParameter(), query.maxItems(), source,
            done.succeeded() ? done.result().path("status").asText("none") : done.cause().getMessage(),
            (System.nanoTime() - started) / 1_000_000));
  }

  /** Searches answered from the cache. */
  public long hits() {
    return hits.sum();
  }

  /** Searches that called upstream. */
  public long misses() {
    return misses.sum();
  }

  /** Searches that shared a call in flight. */
  public long shared() {
    return shared.sum();
  }

  /** The share of searches that made no upstream call of their own (hits and shared calls), 0 before any. */
  public double hitRate() {
    long saved = hits() + shared();
    long all = saved + misses();
    return all == 0 ? 0 : (double) saved / all;
  }

  private void fetch(CacheKey key, Entry entry, PlacesQuery query) {
    PlacesQuery full = new PlacesQuery(query.latitude(), query.longitude(), query.radiusMetres(), FETCHED_ITEMS);
    gate.run(() -> upstream.nearby(full)).onComplete(done -> {
      if (done.succeeded() && KEPT_STATUSES.contains(done.result().path("status").asText())) {
        entry.expiresAt = nanoClock.getAsLong() + settings.ttlMillis() * 1_000_000;
      } else {
        synchronized (entries) {
          entries.remove(key, entry);
        }
      }
      entry.answer.handle(done);
    });
  }
}
