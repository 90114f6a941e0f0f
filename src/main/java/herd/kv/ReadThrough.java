package herd.kv;

import herd.kv.Lookup.Found;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;

/**
 * Asks every other node of the herd, at once and for a short while, what it holds for keys (and a token) this node
 * does not know, as the seed's nodes ask each other: a node that is down, slow or answers nonsense counts as knowing
 * nothing. At most {@link #MAX_IN_FLIGHT} read-throughs run at once, and each asks at most {@link #MAX_KEYS} keys,
 * so a client sending unknown tokens or keys cannot make the node flood the herd.
 */
final class ReadThrough {

  static final int MAX_IN_FLIGHT = 64;
  static final int MAX_KEYS = 1000;

  private final Vertx vertx;
  /** Made at the first read-through rather than on the way to the node's open ports. */
  private WebClient client;
  private final List<String> others;
  private final int timeoutMillis;
  private final long maxAnswerBytes;
  private final Logger log;
  private final AtomicInteger inFlight = new AtomicInteger();

  ReadThrough(Vertx vertx, List<String> others, int timeoutMillis, long maxAnswerBytes, Logger log) {
    this.vertx = vertx;
    this.others = others;
    this.timeoutMillis = timeoutMillis;
    this.maxAnswerBytes = maxAnswerBytes;
    this.log = log;
  }

  /** What the other nodes hold for the token and the keys: the newest of each key among their answers. */
  Future<Found> lookup(String token, String db, List<String> keys) {
    if (others.isEmpty()) {
      return Future.succeededFuture(Found.NOTHING);
    }
    if (inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
      inFlight.decrementAndGet();
      log.debug("read-through skipped: {} already running", MAX_IN_FLIGHT);
      return Future.succeededFuture(Found.NOTHING);
    }
    Buffer request = Lookup.request(db, keys.size() > MAX_KEYS ? keys.subList(0, MAX_KEYS) : keys);
    List<Future<Found>> answers = others.stream().map(address -> ask(address, token, request)).toList();
    return Future.join(answers).transform(done -> {
      inFlight.decrementAndGet();
      Found found = Found.NOTHING;
      for (Future<Found> answer : answers) {
        if (answer.succeeded()) {
          found = found.merge(answer.result());
        }
      }
      return Future.succeededFuture(found);
    });
  }

  private synchronized WebClient client() {
    if (client == null) {
      client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(timeoutMillis).setIdleTimeout(30));
    }
    return client;
  }

  private Future<Found> ask(String address, String token, Buffer request) {
    return client().postAbs(address + Lookup.PATH)
        .putHeader("Authorization", token)
        .putHeader("Content-Type", "application/json")
        .timeout(timeoutMillis)
        .sendBuffer(request)
        .map(this::found)
        .onFailure(e -> log.debug("read-through from {} failed: {}", address, e.getMessage()));
  }

  private Found found(HttpResponse<Buffer> response) {
    Buffer body = response.body();
    if (response.statusCode() != 200 || body == null || body.length() > maxAnswerBytes) {
      return Found.NOTHING;
    }
    return Lookup.parse(body);
  }
}
