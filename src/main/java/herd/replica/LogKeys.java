package herd.replica;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Keys of the update log: the origin id, a zero byte, then the clock as 8 big-endian bytes, so that one origin's
 * updates lie together in clock order and a catch-up can seek straight past what a neighbour already has.
 */
final class LogKeys {

  private LogKeys() {
  }

  static byte[] of(String origin, long hlc) {
    byte[] name = origin.getBytes(StandardCharsets.ISO_8859_1);
    return ByteBuffer.allocate(name.length + 9).put(name).put((byte) 0).putLong(hlc).array();
  }

  static byte[] of(Version version) {
    return of(version.origin(), version.hlc());
  }

  /** The origin of a key, or null if the key is not one of the log's. */
  static String origin(byte[] key) {
    int end = key.length - 9;
    return end > 0 && key[end] == 0 ? new String(key, 0, end, StandardCharsets.ISO_8859_1) : null;
  }

  static long hlc(byte[] key) {
    return ByteBuffer.wrap(key, key.length - 8, 8).getLong();
  }
}
