package herd.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import herd.node.Endpoint;
import herd.peer.LinkStatus.Direction;
import herd.testing.FreePorts;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Peer links over loopback sockets: between real link ends, and against neighbours the test plays itself. */
@ExtendWith(VertxExtension.class)
class PeerLinksTest {

  static final byte[] KEY = "herd-test-key-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  static final byte[] OTHER_KEY = "another-herd-key-fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
  private static final Duration WITHIN = Duration.ofSeconds(5);

  private Vertx vertx;
  private final List<PeerLinks> started = new ArrayList<>();
  private final List<AutoCloseable> sockets = new ArrayList<>();
  private final Map<String, Integer> peerPorts = new HashMap<>();
  private final Map<PeerLinks, LogLines> logs = new HashMap<>();

  @BeforeEach
  void keepVertx(Vertx vertx) {
    this.vertx = vertx;
  }

  @AfterEach
  void stopEverything() throws Exception {
    for (PeerLinks links : started) {
      links.stop().await();
    }
    for (AutoCloseable socket : sockets) {
      socket.close();
    }
  }

  int peerPort(String name) {
    return peerPorts.computeIfAbsent(name, n -> FreePorts.next());
  }

  /** {@code self} on its peer port, linked to {@code neighbours} on theirs, with the test key. */
  PeerConfig config(String self, String... neighbours) {
    Map<String, Endpoint> addresses = new LinkedHashMap<>();
    for (String neighbour : neighbours) {
      addresses.put(neighbour, new Endpoint("127.0.0.1", peerPort(neighbour)));
    }
    return PeerConfig.of(self, "127.0.0.1", peerPort(self), addresses, KEY);
  }

  PeerLinks start(PeerConfig config) {
    LogLines log = new LogLines(config.self());
    PeerLinks links = new PeerLinks(vertx, config, log.logger());
    logs.put(links, log);
    started.add(links);
    links.start().await();
    return links;
  }

  LogLines log(PeerLinks links) {
    return logs.get(links);
  }

  /** A server socket the test answers itself, standing for a neighbour's peer port. */
  ServerSocket fakePeerPort(String name) throws IOException {
    ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    server.setSoTimeout(10_000);
    sockets.add(server);
    peerPorts.put(name, server.getLocalPort());
    return server;
  }

  FakeNeighbour fake(FakeNeighbour fake) {
    sockets.add(fake);
    return fake;
  }

  /** Collects the lines of one kind that reach a node, as {@code <neighbour>: <line>}. */
  static Queue<String> inbox(PeerLinks links, String kind) {
    Queue<String> received = new ConcurrentLinkedQueue<>();
    links.register(kind, (from, line) -> received.add(from.neighbour() + ": " + line));
    return received;
  }

  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + WITHIN.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("not within %s: %s", WITHIN, what);
      }
      sleep(10);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static Buffer lines(String text) {
    return Buffer.buffer(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  static PeerConnection connection(PeerLinks links, String neighbour) {
    return (PeerConnection) links.link(neighbour).orElseThrow();
  }

  // ---- two real link ends

  @Test
  void twoNodesAuthenticateAndFloodReachesTheNeighbourEachWay() {
    PeerLinks goloman = start(config("Goloman", "Hands"));
    PeerLinks hands = start(config("Hands", "Goloman"));
    Queue<String> atHands = inbox(hands, "NOTE");
    Queue<String> atGoloman = inbox(goloman, "NOTE");
    await("linked both ways", () -> goloman.link("Hands").isPresent() && hands.link("Goloman").isPresent());

    goloman.flood(lines("NOTE one\nNOTE two\n"), null).await();
    hands.flood(lines("NOTE three\n"), null).await();

    await("both notes at Hands", () -> atHands.size() == 2);
    await("the note at Goloman", () -> atGoloman.size() == 1);
    assertThat(atHands).containsExactly("Goloman: NOTE one", "Goloman: NOTE two");
    assertThat(atGoloman).containsExactly("Hands: NOTE three");
    LinkStatus status = goloman.status().get(0);
    assertThat(status.neighbour()).isEqualTo("Hands");
    assertThat(status.up()).isTrue();
    assertThat(status.authenticated()).isTrue();
    assertThat(List.of(status.messagesOut(), status.bytesOut(), status.messagesIn(), status.bytesIn()))
        .containsExactly(2L, 18L, 1L, 11L);
  }

  @Test
  void floodSkipsTheNeighbourItCameFromAndNeedsNoLink() {
    PeerLinks goloman = start(config("Goloman", "Hands", "Holiday"));
    assertThat(goloman.flood(lines("NOTE nobody\n"), null).succeeded()).isTrue();
    PeerLinks hands = start(config("Hands", "Goloman"));
    PeerLinks holiday = start(config("Holiday", "Goloman"));
    Queue<String> atHands = inbox(hands, "NOTE");
    Queue<String> atHoliday = inbox(holiday, "NOTE");
    await("linked to both", () -> goloman.link("Hands").isPresent() && goloman.link("Holiday").isPresent());

    goloman.flood(lines("NOTE not-to-hands\n"), "Hands").await();
    goloman.flood(lines("NOTE to-all\n"), null).await();

    await("both notes at Holiday", () -> atHoliday.size() == 2);
    await("one note at Hands", () -> atHands.size() == 1);
    assertThat(atHands).containsExactly("Goloman: NOTE to-all");
  }

  @Test
  void aNeighbourThatDialsInIsUsableAtOnceWhateverThisNodesBackoff() {
    PeerLinks goloman = start(config("Goloman", "Hands").withBackoff(new Backoff(600_000, 600_000, 3_000, 0)));
    await("Goloman's dial failed", () -> log(goloman).count("cannot connect") == 1);
    PeerLinks hands = start(config("Hands", "Goloman"));
    Queue<String> atHands = inbox(hands, "NOTE");

    await("linked", () -> goloman.link("Hands").isPresent());
    goloman.flood(lines("NOTE at-once\n"), null).await();

    await("the note at Hands", () -> atHands.size() == 1);
    assertThat(goloman.status().get(0).direction()).isEqualTo(Direction.ACCEPTED);
    assertThat(hands.status().get(0).direction()).isEqualTo(Direction.DIALLED);
  }

  @Test
  void nodesDiallingEachOtherAtOnceEndWithOneSharedConnectionDialledByTheLowerName() {
    for (int round = 0; round < 3; round++) {
      String low = "Anna" + round;
      String high = "Bert" + round;
      PeerLinks a = new PeerLinks(vertx, config(low, high), new LogLines(low).logger());
      PeerLinks b = new PeerLinks(vertx, config(high, low), new LogLines(high).logger());
      started.add(a);
      started.add(b);
      io.vertx.core.Future.all(a.listen(), b.listen()).await();
      a.dialAll();
      b.dialAll();

      await("one shared connection", () -> a.link(high).isPresent() && b.link(low).isPresent()
          && connection(a, high).localAddress().port() == connection(b, low).remoteAddress().port()
          && connection(a, high).upMillis() > PeerLinks.FRESH_MILLIS);
      assertThat(connection(a, high).remoteAddress().port()).isEqualTo(peerPort(high));
      assertThat(a.status().get(0).direction()).isEqualTo(Direction.DIALLED);
      assertThat(b.status().get(0).direction()).isEqualTo(Direction.ACCEPTED);
    }
  }

  @Test
  void anIdleLinkStaysUpOnHeartbeats() {
    PeerLinks goloman = start(config("Goloman", "Hands").withSilence(600));
    PeerLinks hands = start(config("Hands", "Goloman").withSilence(600));
    await("linked", () -> goloman.link("Hands").isPresent() && hands.link("Goloman").isPresent());
    PeerLink link = goloman.link("Hands").orElseThrow();

    sleep(2_000);

    assertThat(link.isUp()).isTrue();
    assertThat(goloman.link("Hands")).containsSame(link);
    assertThat(log(goloman).count("down")).isZero();
  }

  // ---- neighbours the test plays

  @Test
  void aHelloWithoutTheKeyIsClosedAndNothingReachesHandlers() {
    PeerLinks goloman = start(config("Goloman", "Hands"));
    Queue<String> received = inbox(goloman, "AT");

    FakeNeighbour forger = fake(FakeNeighbour.dial(peerPort("Goloman")));
    forger.send("PEER Hands\nAT Hands +0.1 kiwi +1-1 1\n");

    assertThat(forger.readToEnd()).isEmpty();
    await("one log line", () -> log(goloman).count("handshake failed: not a peer hello") == 1);
    assertThat(received).isEmpty();
    assertThat(goloman.link("Hands")).isEmpty();
  }

  @Test
  void aDiallerWithAWrongKeyIsRefused() {
    PeerLinks goloman = start(config("Goloman", "Hands"));
    Queue<String> received = inbox(goloman, "AT");

    FakeNeighbour forger = fake(FakeNeighbour.dial(peerPort("Goloman")));
    forger.prove(OTHER_KEY, "Hands", "Goloman", forger.hello("Hands"));
    forger.send("AT Hands +0.1 kiwi +1-1 1\n");

    assertThat(forger.readToEnd()).isEmpty();
    await("one log line", () -> log(goloman).count("handshake failed: wrong proof") == 1);
    assertThat(received).isEmpty();
    assertThat(goloman.link("Hands")).isEmpty();
  }

  @Test
  void anAcceptorWithAWrongKeyGetsNoProof() throws IOException {
    ServerSocket hands = fakePeerPort("Hands");
    PeerLinks goloman = start(config("Goloman", "Hands"));

    FakeNeighbour acceptor = fake(new FakeNeighbour(hands.accept()));
    acceptor.answer("Hands", OTHER_KEY);

    assertThat(acceptor.readToEnd()).isEmpty();
    await("one log line", () -> log(goloman).count("link to Hands at 127.0.0.1:" + hands.getLocalPort()
        + ": handshake failed: wrong proof, re-dial in") == 1);
    assertThat(goloman.link("Hands")).isEmpty();
  }

  @Test
  void aReplayedHandshakeIsRefused() throws IOException {
    PeerLinks goloman = start(config("Goloman", "Hands"));
    Queue<String> received = inbox(goloman, "AT");
    FakeNeighbour recorded = FakeNeighbour.link(peerPort("Goloman"), "Hands", "Goloman", KEY);
    String transcript = recorded.sent.toString();
    recorded.close();
    await("the recorded link down", () -> goloman.link("Hands").isEmpty());

    FakeNeighbour replay = fake(FakeNeighbour.dial(peerPort("Goloman")));
    replay.send(transcript.substring(0, transcript.indexOf('\n') + 1));
    assertThat(replay.readLine()).startsWith("PEER Goloman ");
    replay.send(transcript.substring(transcript.indexOf('\n') + 1) + "AT Hands +0.1 kiwi +1-1 1\n");

    assertThat(replay.readToEnd()).isEmpty();
    await("one log line", () -> log(goloman).count("handshake failed: wrong proof") == 1);
    assertThat(received).isEmpty();
    assertThat(goloman.link("Hands")).isEmpty();
  }

  @Test
  void aLineBeforeTheHandshakeIsDoneIsNotDelivered() {
    PeerLinks goloman = start(config("Goloman", "Hands"));
    Queue<String> received = inbox(goloman, "AT");

    FakeNeighbour early = fake(FakeNeighbour.dial(peerPort("Goloman")));
    early.hello("Hands");
    early.send("AT Hands +0.1 kiwi +1-1 1\n");

    assertThat(early.readToEnd()).isEmpty();
    await("one log line", () -> log(goloman).count("handshake failed: no proof") == 1);
    assertThat(received).isEmpty();
  }

  @Test
  void anUnknownNameIsRefused() {
    PeerLinks goloman = start(config("Goloman", "Hands"));

    FakeNeighbour stranger = fake(FakeNeighbour.dial(peerPort("Goloman")));
    stranger.send(Handshake.hello("Mallory", Handshake.nonce()));

    assertThat(stranger.readToEnd()).isEmpty();
    await("one log line", () -> log(goloman).lines().stream().anyMatch(line -> line.matches(
        "peer connection from 127\\.0\\.0\\.1:\\d+: handshake failed: unknown neighbour \"Mallory\"")));
  }

  @Test
  void aHandshakeNotDoneInTimeIsClosed() {
    PeerLinks goloman = start(new PeerConfig("Goloman", "127.0.0.1", peerPort("Goloman"),
        Map.of("Hands", new Endpoint("127.0.0.1", peerPort("Hands"))), KEY, null, Backoff.DEFAULT,
        PeerConfig.DEFAULT_MAX_PENDING_BYTES, 1024, 250, 1_000, 300));

    FakeNeighbour slow = fake(FakeNeighbour.dial(peerPort("Goloman")));
    long start = System.nanoTime();

    assertThat(slow.readToEnd()).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(250), WITHIN);
    await("one log line", () -> log(goloman).count("no handshake within 300 ms") == 1);
  }

  @Test
  void anOverlongLineDropsTheLink() {
    PeerLinks goloman = start(config("Goloman", "Hands").withMaxLineBytes(1024));
    Queue<String> received = inbox(goloman, "AT");
    FakeNeighbour hands = fake(FakeNeighbour.link(peerPort("Goloman"), "Hands", "Goloman", KEY));

    hands.send("AT " + "x".repeat(1022) + "\nAT fits\n");

    assertThat(hands.readToEnd().replace("HEARTBEAT\n", "")).isEmpty();
    await("one log line", () -> log(goloman).count("line over 1024 bytes") == 1);
    assertThat(received).isEmpty();
  }

  @Test
  void theLinksOwnWordsReachNoHandler() {
    PeerLinks goloman = start(config("Goloman", "Hands"));
    assertThatThrownBy(() -> goloman.register("HEARTBEAT", (from, line) -> { }))
        .isInstanceOf(IllegalArgumentException.class);
    Queue<String> received = inbox(goloman, "NOTE");
    FakeNeighbour hands = fake(FakeNeighbour.link(peerPort("Goloman"), "Hands", "Goloman", KEY));

    hands.send("HEARTBEAT\nNOTE after\n");

    await("the note", () -> received.size() == 1);
    assertThat(received).containsExactly("Hands: NOTE after");
  }

  @Test
  void aSilentNeighbourIsDroppedWithinTheTimeout() {
    PeerLinks goloman = start(config("Goloman", "Hands").withSilence(1_000));
    FakeNeighbour hands = fake(FakeNeighbour.link(peerPort("Goloman"), "Hands", "Goloman", KEY));
    long linked = System.nanoTime();

    List<String> heard = new ArrayList<>();
    for (String line = hands.readLine(); line != null; line = hands.readLine()) {
      heard.add(line);
    }

    // The node's silence clock starts when it takes the link, a moment before this side sees the handshake end.
    Duration silentFor = Duration.ofNanos(System.nanoTime() - linked);
    assertThat(silentFor).isBetween(Duration.ofMillis(900), Duration.ofMillis(3_000));
    assertThat(heard).hasSizeGreaterThanOrEqualTo(2).allMatch("HEARTBEAT"::equals);
    await("the link down", () -> goloman.link("Hands").isEmpty());
    assertThat(log(goloman).lines()).anyMatch(line -> line.matches("link from Hands at 127\\.0\\.0\\.1:\\d+: down, "
        + "silent for \\d+ ms, re-dial in \\d+ ms"));
  }

  @Test
  void aFreshLinkGivesWayToTheConnectionDialledByTheLowerName() throws IOException {
    ServerSocket handsPort = fakePeerPort("Hands");
    PeerLinks goloman = start(config("Goloman", "Hands"));
    FakeNeighbour dialledByHands = fake(FakeNeighbour.link(peerPort("Goloman"), "Hands", "Goloman", KEY));
    assertThat(connection(goloman, "Hands").remoteAddress().port()).isEqualTo(dialledByHands.localPort());

    FakeNeighbour dialledByGoloman = fake(new FakeNeighbour(handsPort.accept()));
    dialledByGoloman.answer("Hands", KEY);
    assertThat(dialledByGoloman.readLine()).startsWith("PROOF ");
    dialledByGoloman.send("LINKED\n");

    assertThat(dialledByHands.readToEnd().replace("HEARTBEAT\n", "")).isEmpty();
    await("Goloman's own connection is the link", () -> goloman.link("Hands").isPresent()
        && connection(goloman, "Hands").direction() == Direction.DIALLED);
    assertThat(connection(goloman, "Hands").remoteAddress().port()).isEqualTo(handsPort.getLocalPort());
  }

  @Test
  void aFreshLinkIsKeptAgainstTheConnectionDialledByTheHigherName() throws IOException {
    ServerSocket handsPort = fakePeerPort("Hands");
    PeerLinks wilkes = start(config("Wilkes", "Hands"));
    FakeNeighbour dialledByHands = fake(FakeNeighbour.link(peerPort("Wilkes"), "Hands", "Wilkes", KEY));

    FakeNeighbour dialledByWilkes = fake(new FakeNeighbour(handsPort.accept()));
    dialledByWilkes.answer("Hands", KEY);
    assertThat(dialledByWilkes.readLine()).startsWith("PROOF ");
    dialledByWilkes.send("LINKED\n");

    assertThat(dialledByWilkes.readToEnd().replace("HEARTBEAT\n", "")).isEmpty();
    await("one log line", () -> log(wilkes).count("refused: keeping the fresh link dialled by Hands") == 1);
    assertThat(connection(wilkes, "Hands").remoteAddress().port()).isEqualTo(dialledByHands.localPort());
    assertThat(connection(wilkes, "Hands").isUp()).isTrue();
  }

  @Test
  void aRestartedNeighbourReplacesTheOldLink() {
    PeerLinks goloman = start(config("Goloman", "Hands"));
    List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    goloman.onLinkUp(link -> events.add("up " + ((PeerConnection) link).remoteAddress().port()));
    goloman.onLinkDown(link -> events.add("down " + ((PeerConnection) link).remoteAddress().port()));
    FakeNeighbour before = fake(FakeNeighbour.link(peerPort("Goloman"), "Hands", "Goloman", KEY));
    await("the old link no longer fresh", () -> connection(goloman, "Hands").upMillis() > PeerLinks.FRESH_MILLIS);

    FakeNeighbour after = fake(FakeNeighbour.link(peerPort("Goloman"), "Hands", "Goloman", KEY));

    assertThat(before.readToEnd().replace("HEARTBEAT\n", "")).isEmpty();
    assertThat(connection(goloman, "Hands").remoteAddress().port()).isEqualTo(after.localPort());
    await("three events", () -> events.size() == 3);
    assertThat(events).containsExactly("up " + before.localPort(), "down " + before.localPort(),
        "up " + after.localPort());
  }

  @Test
  void aNeighbourThatDoesNotReadIsDroppedOnceTooFarBehindWithoutStallingTheOthers() throws Exception {
    PeerLinks goloman = start(new PeerConfig("Goloman", "127.0.0.1", peerPort("Goloman"),
        Map.of("Hands", new Endpoint("127.0.0.1", peerPort("Hands")),
            "Holiday", new Endpoint("127.0.0.1", peerPort("Holiday"))),
        KEY, null, Backoff.DEFAULT, 1024 * 1024, PeerConfig.DEFAULT_MAX_LINE_BYTES, 1_000, 60_000, 5_000));
    fake(FakeNeighbour.link(peerPort("Goloman"), "Hands", "Goloman", KEY));
    FakeNeighbour reader = fake(FakeNeighbour.link(peerPort("Goloman"), "Holiday", "Goloman", KEY));
    await("linked", () -> goloman.link("Hands").isPresent() && goloman.link("Holiday").isPresent());
    PeerLink hands = goloman.link("Hands").orElseThrow();
    PeerLink holiday = goloman.link("Holiday").orElseThrow();
    AtomicInteger read = new AtomicInteger();
    Thread reading = new Thread(() -> {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        read.incrementAndGet();
      }
    });
    reading.start();
    Buffer chunk = lines(("NOTE " + "x".repeat(1018) + "\n").repeat(64));

    int chunks = 0;
    while (!hands.send(chunk).failed() && chunks < 4096) {
      holiday.send(chunk).await();
      chunks++;
    }

    assertThat(chunks).isLessThan(4096);
    await("the link down", () -> goloman.link("Hands").isEmpty());
    assertThat(hands.isUp()).isFalse();
    assertThat(holiday.isUp()).isTrue();
    int notes = 64 * chunks;
    await("Holiday read every note", () -> read.get() == notes);
    assertThat(log(goloman).lines()).anyMatch(line -> line.matches("link from Hands at 127\\.0\\.0\\.1:\\d+: down, "
        + "more than 1048576 bytes unread, dropped, re-dial in \\d+ ms"));
    reader.close();
    reading.join(5_000);
  }

  // ---- backoff

  @Test
  void aNeighbourThatDropsEveryLinkAtOnceIsDialledEverMoreSlowly() throws Exception {
    assertThat(dialsWithin(Duration.ofSeconds(3), true)).isBetween(3, 7);
  }

  @Test
  void aNeighbourThatClosesEveryConnectionAtOnceIsDialledEverMoreSlowly() throws Exception {
    assertThat(dialsWithin(Duration.ofSeconds(3), false)).isBetween(3, 7);
  }

  /**
   * Counts Goloman's dials to a Hands that closes each connection at once (after linking, if {@code link}). Doubling
   * from 100 ms, dials come about 0, 0.1, 0.3, 0.7 and 1.5 s after the first; re-dialling 100 ms after each drop would
   * make some 30.
   */
  private int dialsWithin(Duration window, boolean link) throws Exception {
    ServerSocket handsPort = fakePeerPort("Hands");
    AtomicInteger dials = new AtomicInteger();
    Thread hands = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        try (FakeNeighbour connection = new FakeNeighbour(handsPort.accept())) {
          dials.incrementAndGet();
          if (link) {
            connection.answer("Hands", KEY);
            connection.readLine();
            connection.send("LINKED\n");
          }
        } catch (Exception | AssertionError e) {
          return;
        }
      }
    });
    hands.start();
    long begin = System.nanoTime();
    start(config("Goloman", "Hands"));
    sleep(window.toMillis() - Duration.ofNanos(System.nanoTime() - begin).toMillis());
    int counted = dials.get();
    hands.interrupt();
    handsPort.close();
    hands.join(5_000);
    return counted;
  }
}
