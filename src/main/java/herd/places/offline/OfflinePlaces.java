package herd.places.offline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import herd.node.ConfigException;
import herd.places.PlacesProvider;
import herd.places.PlacesQuery;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/**
 * Answers from the embedded GeoNames gazetteer, with no key and no network. The gazetteer loads once per process
 * on a thread of its own, once the node's port is open ({@link #prepare()}) or at the first search if that comes
 * first, and is shared by every node of the process (it never changes); searches that arrive before it is ready
 * wait for it.
 */
public final class OfflinePlaces implements PlacesProvider {

  public static final String RESOURCE = "herd/places/offline/cities1000.tsv.gz";

  private static final Map<String, CompletableFuture<Gazetteer>> LOADED = new ConcurrentHashMap<>();

  private final Vertx vertx;
  private final URL url;
  private final String resource;
  private final Logger log;
  private volatile CompletableFuture<Gazetteer> gazetteer;

  private OfflinePlaces(Vertx vertx, URL url, String resource, Logger log) {
    this.vertx = vertx;
    this.url = url;
    this.resource = resource;
    this.log = log;
  }

  /** A provider of the gazetteer resource, loaded later ({@link #prepare()}); fails at once if it is missing. */
  public static OfflinePlaces start(Vertx vertx, String resource, Logger log) {
    URL url = OfflinePlaces.class.getClassLoader().getResource(resource);
    if (url == null) {
      throw new ConfigException("places.provider \"offline\" cannot start: the gazetteer resource " + resource
          + " is not on the class path");
    }
    return new OfflinePlaces(vertx, url, resource, log);
  }

  /** Starts loading the gazetteer, unless this process has loaded or is loading it already. */
  @Override
  public void prepare() {
    gazetteer();
  }

  private CompletableFuture<Gazetteer> gazetteer() {
    CompletableFuture<Gazetteer> loading = gazetteer;
    if (loading != null) {
      return loading;
    }
    synchronized (this) {
      if (gazetteer == null) {
        long started = System.nanoTime();
        gazetteer = LOADED.computeIfAbsent(resource, name -> load(url, name));
        gazetteer.whenComplete((loaded, error) -> {
          if (error == null) {
            log.info("offline gazetteer: {} places loaded in {} ms", loaded.size(),
                (System.nanoTime() - started) / 1_000_000);
          } else {
            log.error("offline gazetteer failed to load: {}", error.getMessage());
          }
        });
      }
      return gazetteer;
    }
  }

  private static CompletableFuture<Gazetteer> load(URL url, String resource) {
    return CompletableFuture.supplyAsync(() -> {
      try (InputStream in = url.openStream()) {
        return Gazetteer.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the gazetteer " + resource + ": " + e.getMessage(), e);
      }
    }, task -> {
      Thread loader = new Thread(task, "herd-gazetteer-loader");
      loader.setDaemon(true);
      loader.start();
    });
  }

  @Override
  public Future<ObjectNode> nearby(PlacesQuery query) {
    return Future.fromCompletionStage(gazetteer(), vertx.getOrCreateContext())
        .map(places -> OfflineAnswer.of(places.within(query.latitudeDegrees(), query.longitudeDegrees(),
            query.radiusMetres().doubleValue(), query.maxItems())));
  }
}
