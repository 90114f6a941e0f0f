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
import org.slf4j.Logger;

/**
 * Answers from the embedded GeoNames gazetteer, with no key and no network. The gazetteer loads on a worker thread
 * while the node starts; searches that arrive before it is ready wait for it.
 */
public final class OfflinePlaces implements PlacesProvider {

  public static final String RESOURCE = "herd/places/offline/cities1000.tsv.gz";

  private final Future<Gazetteer> gazetteer;

  private OfflinePlaces(Future<Gazetteer> gazetteer) {
    this.gazetteer = gazetteer;
  }

  /** Starts loading the gazetteer resource; fails at once if the resource is missing. */
  public static OfflinePlaces start(Vertx vertx, String resource, Logger log) {
    URL url = OfflinePlaces.class.getClassLoader().getResource(resource);
    if (url == null) {
      throw new ConfigException("places.provider \"offline\" cannot start: the gazetteer resource " + resource
          + " is not on the class path");
    }
    long started = System.nanoTime();
    Future<Gazetteer> loading = vertx.executeBlocking(() -> {
      try (InputStream in = url.openStream()) {
        return Gazetteer.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the gazetteer " + resource + ": " + e.getMessage(), e);
      }
    }, false);
    loading.onSuccess(loaded -> log.info("offline gazetteer: {} places loaded in {} ms", loaded.size(),
            (System.nanoTime() - started) / 1_000_000))
        .onFailure(error -> log.error("offline gazetteer failed to load: {}", error.getMessage()));
    return new OfflinePlaces(loading);
  }

  /** Completes when the gazetteer is ready to search. */
  public Future<Gazetteer> ready() {
    return gazetteer;
  }

  @Override
  public Future<ObjectNode> nearby(PlacesQuery query) {
    return gazetteer.map(places -> OfflineAnswer.of(places.within(query.latitudeDegrees(),
        query.longitudeDegrees(), query.radiusMetres().doubleValue(), query.maxItems())));
  }
}
