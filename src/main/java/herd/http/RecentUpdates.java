package herd.http;

import herd.location.Location;
import herd.replica.Envelope;
import herd.replica.Replica;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the page shows of the updates a node committed: the last {@value #CAPACITY} of them (a ring), and the last
 * location of the {@value #MAX_CLIENTS} clients heard of most recently. Fed by {@link Replica#onCommitted}, on the
 * event loops, for every update: the listener only keeps the envelope, in a ring of the last {@value #LOCATIONS}
 * locations too; they are sorted by client, and payloads parsed, when the page asks, a few times a second at most.
 * A client heard of only before the last {@value #LOCATIONS} locations since the page last asked is forgotten even
 * if fewer than {@value #MAX_CLIENTS} clients were heard of since.
 */
final class RecentUpdates implements Replica.CommitListener {

  static final int CAPACITY = 50;
  static final int MAX_CLIENTS = 1000;
  static final int LOCATIONS = 4 * MAX_CLIENTS;
  private static final int MAX_TEXT = 200;

  private record Entry(long seq, long millis, Envelope update, String from) {
  }

  private final Entry[] ring = new Entry[CAPACITY];
  private final Envelope[] locations = new Envelope[LOCATIONS];
  /** How many locations were ever put in the ring, and how many of them the map of clients has taken in. */
  private long located;
  private long sorted;
  /** In the order their clients were last heard of: a put of a known client moves it to the end. */
  private final Map<String, Envelope> clients = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Envelope> eldest) {
      return size() > MAX_CLIENTS;
    }
  };
  private long seq;

  @Override
  public synchronized void committed(Envelope update, String from) {
    seq++;
    ring[(int) (seq % CAPACITY)] = new Entry(seq, System.currentTimeMillis(), update, from);
    located(update);
  }

  /** A restored location is a client's last known one too; a restored update is not a recent one. */
  @Override
  public synchronized void restored(Envelope update) {
    located(update);
  }

  private void located(Envelope update) {
    if (update.kind().equals("AT")) {
      locations[(int) (located++ % LOCATIONS)] = update;
    }
  }

  /** Takes the locations put in the ring since the last call into the map of clients, oldest first. */
  private void sortByClient() {
    for (long i = Math.max(sorted, located - LOCATIONS); i < located; i++) {
      Envelope update = locations[(int) (i % LOCATIONS)];
      String client = clientOf(update.payload());
      if (client != null) {
        clients.put(client, update);
      }
    }
    sorted = located;
  }

  /** The client id of an AT payload ({@code <server> <skew> <client> <location> <time>}), or null. */
  private static String clientOf(String payload) {
    int first = payload.indexOf(' ');
    int second = first < 0 ? -1 : payload.indexOf(' ', first + 1);
    int third = second < 0 ? -1 : payload.indexOf(' ', second + 1);
    return third < 0 ? null : payload.substring(second + 1, third);
  }

  synchronized long lastSeq() {
    return seq;
  }

  /** Changes whenever a location is committed or restored (not only when the clients shown change). */
  synchronized long clientsVersion() {
    return located;
  }

  /** The updates after {@code afterSeq} still held, oldest first. */
  synchronized JsonArray since(long afterSeq) {
    JsonArray updates = new JsonArray();
    for (long s = Math.max(afterSeq + 1, seq - CAPACITY + 1); s <= seq; s++) {
      Entry entry = ring[(int) (s % CAPACITY)];
      if (entry != null && entry.seq() == s) {
        String payload = entry.update().payload();
        updates.add(new JsonObject().put("seq", s).put("at", entry.millis()).put("kind", entry.update().kind())
            .put("origin", nodeOf(entry.update().origin())).put("from", entry.from())
            .put("text", payload.length() > MAX_TEXT ? payload.substring(0, MAX_TEXT) + "…" : payload));
      }
    }
    return updates;
  }

  /** The clients' last known locations, least recently heard of first. */
  JsonArray clients() {
    List<Envelope> held;
    synchronized (this) {
      sortByClient();
      held = new ArrayList<>(clients.values());
    }
    JsonArray result = new JsonArray();
    for (Envelope update : held) {
      Location location = Location.parseAt("AT " + update.payload());
      if (location != null) {
        result.add(new JsonObject().put("client", location.clientId()).put("server", location.server())
            .put("lat", Double.parseDouble(location.coordinates().latitude()))
            .put("lon", Double.parseDouble(location.coordinates().longitude()))
            .put("time", location.time().text()));
      }
    }
    return result;
  }

  /** An origin id is the node's name and the incarnation of its data: {@code Goloman.mwueu65d}. */
  private static String nodeOf(String origin) {
    int dot = origin.lastIndexOf('.');
    return dot < 0 ? origin : origin.substring(0, dot);
  }
}
