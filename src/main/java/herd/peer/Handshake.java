package herd.peer;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The lines that open a link, as pure functions: a mutual challenge–response over the herd key.
 *
 * <pre>
 * dialler  → PEER &lt;dialler&gt; &lt;nonceD&gt;
 * acceptor → PEER &lt;acceptor&gt; &lt;nonceA&gt; &lt;proof(acceptor)&gt;
 * dialler  → PROOF &lt;proof(dialler)&gt;
 * acceptor → LINKED
 * </pre>
 *
 * A proof is HMAC-SHA256 under the herd key of the role, both names and both nonces. Both sides draw a fresh nonce,
 * so a recorded handshake proves nothing on a new connection; the role is signed, so a proof cannot be sent back to
 * the node that made it. The acceptor sends {@code LINKED} once it took the connection as the neighbour's link.
 */
final class Handshake {

  static final String HELLO = "PEER";
  static final String PROOF = "PROOF";
  static final String LINKED = "LINKED";
  static final String HEARTBEAT = "HEARTBEAT";
  /** The words of the links themselves: no service may register them as a message kind. */
  static final List<String> WORDS = List.of(HELLO, PROOF, LINKED, HEARTBEAT);

  static final int NONCE_BYTES = 16;
  private static final int MAX_NONCE_BYTES = 64;
  private static final int PROOF_HEX = 64;
  private static final String ALGORITHM = "HmacSHA256";
  private static final HexFormat HEX = HexFormat.of();
  private static final SecureRandom RANDOM = new SecureRandom();

  enum Role { DIALLER, ACCEPTOR }

  /** {@code PEER <name> <nonce>}, and with a proof when the acceptor answers. */
  record Hello(String name, String nonce, String proof) {
  }

  private Handshake() {
  }

  static String nonce() {
    byte[] bytes = new byte[NONCE_BYTES];
    RANDOM.nextBytes(bytes);
    return HEX.formatHex(bytes);
  }

  static String hello(String self, String nonce) {
    return HELLO + " " + self + " " + nonce + "\n";
  }

  static String answer(String self, String nonce, String proof) {
    return HELLO + " " + self + " " + nonce + " " + proof + "\n";
  }

  static String proofLine(String proof) {
    return PROOF + " " + proof + "\n";
  }

  /** The dialler's hello, or null if the line is not one. */
  static Hello parseHello(String line) {
    String[] f = line.split(" ", -1);
    return f.length == 3 && f[0].equals(HELLO) && name(f[1]) && nonce(f[2]) ? new Hello(f[1], f[2], null) : null;
  }

  /** The acceptor's answer, or null if the line is not one. */
  static Hello parseAnswer(String line) {
    String[] f = line.split(" ", -1);
    return f.length == 4 && f[0].equals(HELLO) && name(f[1]) && nonce(f[2]) && proof(f[3])
        ? new Hello(f[1], f[2], f[3]) : null;
  }

  /** The dialler's proof, or null if the line is not one. */
  static String parseProof(String line) {
    String[] f = line.split(" ", -1);
    return f.length == 2 && f[0].equals(PROOF) && proof(f[1]) ? f[1] : null;
  }

  /**
   * The proof that the node in {@code role} holds {@code key}, for this connection between {@code dialler} and
   * {@code acceptor}. A null key (authentication off) is the empty key.
   */
  static String proof(byte[] key, Role role, String dialler, String acceptor, String diallerNonce,
      String acceptorNonce) {
    String signed = String.join("\n", "herd-link-1", role.name(), dialler, acceptor, diallerNonce, acceptorNonce);
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(hmacKey(key), ALGORITHM));
      return HEX.formatHex(mac.doFinal(signed.getBytes(StandardCharsets.ISO_8859_1)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
    }
  }

  /** Compares in time independent of where the proofs differ. */
  static boolean matches(String expected, String received) {
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.ISO_8859_1),
        received.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** HMAC pads its key with zero bytes, so one zero byte is the empty key, which SecretKeySpec refuses. */
  private static byte[] hmacKey(byte[] key) {
    return key == null || key.length == 0 ? new byte[1] : key;
  }

  private static boolean name(String field) {
    return !field.isEmpty() && field.chars().allMatch(c -> c > ' ' && c < 0x7f);
  }

  private static boolean nonce(String field) {
    return field.length() >= 2 * NONCE_BYTES && field.length() <= 2 * MAX_NONCE_BYTES && field.length() % 2 == 0
        && hex(field);
  }

  private static boolean proof(String field) {
    return field.length() == PROOF_HEX && hex(field);
  }

  private static boolean hex(String field) {
    return field.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
  }
}
