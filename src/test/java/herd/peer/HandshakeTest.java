package herd.peer;

import static org.assertj.core.api.Assertions.assertThat;

import herd.peer.Handshake.Hello;
import herd.peer.Handshake.Role;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HandshakeTest {

  private static final byte[] KEY = "herd-test-key-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final String NONCE_D = "00112233445566778899aabbccddeeff";
  private static final String NONCE_A = "ffeeddccbbaa99887766554433221100";

  private static String proof(byte[] key, Role role, String nonceD, String nonceA) {
    return Handshake.proof(key, role, "Goloman", "Hands", nonceD, nonceA);
  }

  @Test
  void aProofIsHmacSha256InHex() {
    assertThat(proof(KEY, Role.DIALLER, NONCE_D, NONCE_A)).matches("[0-9a-f]{64}")
        .isEqualTo(proof(KEY, Role.DIALLER, NONCE_D, NONCE_A));
  }

  @Test
  void aProofBindsTheKeyTheRoleTheNamesAndBothNonces() {
    String proof = proof(KEY, Role.DIALLER, NONCE_D, NONCE_A);

    assertThat(proof(PeerLinksTest.OTHER_KEY, Role.DIALLER, NONCE_D, NONCE_A)).isNotEqualTo(proof);
    assertThat(proof(KEY, Role.ACCEPTOR, NONCE_D, NONCE_A)).isNotEqualTo(proof);
    assertThat(Handshake.proof(KEY, Role.DIALLER, "Hands", "Goloman", NONCE_D, NONCE_A)).isNotEqualTo(proof);
    assertThat(proof(KEY, Role.DIALLER, NONCE_A, NONCE_A)).isNotEqualTo(proof);
    assertThat(proof(KEY, Role.DIALLER, NONCE_D, NONCE_D)).isNotEqualTo(proof);
  }

  @Test
  void withoutAKeyTheProofIsTheEmptyKeysAndStillBindsTheNonces() {
    assertThat(proof(null, Role.DIALLER, NONCE_D, NONCE_A)).isEqualTo(proof(new byte[0], Role.DIALLER, NONCE_D,
        NONCE_A)).isNotEqualTo(proof(null, Role.DIALLER, NONCE_D, NONCE_D));
  }

  @Test
  void noncesAreFreshSixteenBytes() {
    assertThat(Handshake.nonce()).matches("[0-9a-f]{32}").isNotEqualTo(Handshake.nonce());
  }

  @Test
  void readsTheLinesItWrites() {
    String proof = proof(KEY, Role.ACCEPTOR, NONCE_D, NONCE_A);

    assertThat(Handshake.hello("Goloman", NONCE_D)).isEqualTo("PEER Goloman " + NONCE_D + "\n");
    assertThat(Handshake.parseHello("PEER Goloman " + NONCE_D)).isEqualTo(new Hello("Goloman", NONCE_D, null));
    assertThat(Handshake.parseAnswer("PEER Hands " + NONCE_A + " " + proof))
        .isEqualTo(new Hello("Hands", NONCE_A, proof));
    assertThat(Handshake.proofLine(proof)).isEqualTo("PROOF " + proof + "\n");
    assertThat(Handshake.parseProof("PROOF " + proof)).isEqualTo(proof);
  }

  @ParameterizedTest
  @ValueSource(strings = {"PEER Hands", "PEER Hands 0011", "PEER Hands " + NONCE_D + " x", "PEER  " + NONCE_D,
      "PEER Hands " + NONCE_D + "zz", "PEER Hands 00112233445566778899AABBCCDDEEFF", "peer Hands " + NONCE_D,
      "PEER Hands\t" + NONCE_D, "PEER Hands " + NONCE_D + " "})
  void refusesWhatIsNotAHello(String line) {
    assertThat(Handshake.parseHello(line)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"PROOF", "PROOF 00", "PROOF  00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
      "PROOF 00112233445566778899aabbccddeeff00112233445566778899aabbccddeefg", "LINKED"})
  void refusesWhatIsNotAProof(String line) {
    assertThat(Handshake.parseProof(line)).isNull();
  }

  @Test
  void comparesWholeProofs() {
    String proof = proof(KEY, Role.DIALLER, NONCE_D, NONCE_A);
    assertThat(Handshake.matches(proof, proof)).isTrue();
    assertThat(Handshake.matches(proof, proof.substring(0, 63) + "x")).isFalse();
    assertThat(Handshake.matches(proof, proof.substring(0, 32))).isFalse();
  }
}
