package herd.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.Queue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Peer links inside TLS, with key pairs made for the test run. */
@ExtendWith(VertxExtension.class)
class PeerTlsTest {

  @TempDir
  static Path certs;
  private static PeerTls herdTls;
  private static PeerTls strangerTls;

  private final PeerLinksTest nodes = new PeerLinksTest();

  @BeforeAll
  static void makeKeyPairs() throws Exception {
    herdTls = TestCerts.selfSigned(certs, "herd");
    strangerTls = TestCerts.selfSigned(certs, "stranger");
  }

  @BeforeEach
  void keepVertx(Vertx vertx) {
    nodes.keepVertx(vertx);
  }

  @AfterEach
  void stop() throws Exception {
    nodes.stopEverything();
  }

  @Test
  void twoNodesWithTrustedCertificatesLinkAndFlood() {
    PeerLinks goloman = nodes.start(nodes.config("Goloman", "Hands").withTls(herdTls));
    PeerLinks hands = nodes.start(nodes.config("Hands", "Goloman").withTls(herdTls));
    Queue<String> atHands = PeerLinksTest.inbox(hands, "NOTE");
    PeerLinksTest.await("linked", () -> goloman.link("Hands").isPresent() && hands.link("Goloman").isPresent());

    // Both nodes dialled at once: the link may still be replaced by the connection the tie-break keeps, and what
    // was written to the one closed is lost (the replica repairs such losses), so the note goes again until it is in.
    PeerLinksTest.await("the note at Hands", () -> !atHands.isEmpty()
        || goloman.flood(PeerLinksTest.lines("NOTE over-tls\n"), null).transform(sent -> Future.succeededFuture(false))
        .await());
    assertThat(atHands).containsOnly("Goloman: NOTE over-tls");
    assertThat(goloman.status().get(0).authenticated()).isTrue();
  }

  @Test
  void aNodeThatTrustsOtherCertificatesCannotLink() {
    PeerTls wrongTrust = new PeerTls(herdTls.keyPem(), herdTls.certPem(), strangerTls.trustPem());
    PeerLinks goloman = nodes.start(nodes.config("Goloman", "Hands").withTls(herdTls));
    PeerLinks hands = nodes.start(nodes.config("Hands", "Goloman").withTls(wrongTrust));

    PeerLinksTest.await("two failed dials each way", () -> nodes.log(goloman).count("re-dial in") >= 2
        && nodes.log(hands).count("re-dial in") >= 2);

    assertThat(goloman.anyUp()).isFalse();
    assertThat(hands.anyUp()).isFalse();
    assertThat(nodes.log(goloman).lines()).noneMatch(line -> line.endsWith(": up"));
    assertThat(nodes.log(hands).lines()).noneMatch(line -> line.endsWith(": up"))
        .anyMatch(line -> line.startsWith("link to Goloman at ") && line.contains("cannot connect (Failed to create"
            + " SSL connection: "));
  }
}
