package herd.location;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The reference vectors of the SipHash paper: key 00 01 .. 0f, messages 00 01 .. of each length. */
class SipHashTest {

  private final SipHash hash = new SipHash(0x0706050403020100L, 0x0f0e0d0c0b0a0908L);

  private static byte[] counting(int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) i;
    }
    return bytes;
  }

  @Test
  void matchesTheReferenceVectors() {
    assertThat(hash.hash(counting(0), 0, 0)).isEqualTo(0x726fdb47dd0e0e31L);
    assertThat(hash.hash(counting(1), 0, 1)).isEqualTo(0x74f839c593dc67fdL);
    assertThat(hash.hash(counting(8), 0, 8)).isEqualTo(0x93f5f5799a932462L);
    assertThat(hash.hash(counting(15), 0, 15)).isEqualTo(0xa129ca6149be45e5L);
  }

  @Test
  void hashesTheRangeItIsGiven() {
    byte[] padded = new byte[20];
    System.arraycopy(counting(15), 0, padded, 3, 15);
    assertThat(hash.hash(padded, 3, 15)).isEqualTo(hash.hash(counting(15), 0, 15));
  }
}
