package herd.location;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * SipHash-2-4 (Aumasson and Bernstein), a keyed hash of bytes: with a secret random key, no client can choose ids
 * that collide in a table of them, as it could with an unkeyed hash such as {@link String#hashCode()}.
 */
final class SipHash {

  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final long k0;
  private final long k1;

  SipHash(long k0, long k1) {
    this.k0 = k0;
    this.k1 = k1;
  }

  long hash(byte[] bytes, int from, int length) {
    State state = new State(k0, k1);
    int whole = from + (length & ~7);
    for (int at = from; at < whole; at += 8) {
      state.compress((long) LONG.get(bytes, at), 2);
    }
    long last = (long) length << 56;
    for (int at = whole; at < from + length; at++) {
      last |= (bytes[at] & 0xffL) << (8 * (at - whole));
    }
    state.compress(last, 2);
    state.v2 ^= 0xff;
    state.rounds(4);
    return state.v0 ^ state.v1 ^ state.v2 ^ state.v3;
  }

  private static final class State {
    long v0;
    long v1;
    long v2;
    long v3;

    State(long k0, long k1) {
      v0 = k0 ^ 0x736f6d6570736575L;
      v1 = k1 ^ 0x646f72616e646f6dL;
      v2 = k0 ^ 0x6c7967656e657261L;
      v3 = k1 ^ 0x7465646279746573L;
    }

    void compress(long word, int rounds) {
      v3 ^= word;
      rounds(rounds);
      v0 ^= word;
    }

    void rounds(int count) {
      for (int i = 0; i < count; i++) {
        v0 += v1;
        v1 = Long.rotateLeft(v1, 13) ^ v0;
        v0 = Long.rotateLeft(v0, 32);
        v2 += v3;
        v3 = Long.rotateLeft(v3, 16) ^ v2;
        v0 += v3;
        v3 = Long.rotateLeft(v3, 21) ^ v0;
        v2 += v1;
        v1 = Long.rotateLeft(v1, 17) ^ v2;
        v2 = Long.rotateLeft(v2, 32);
      }
    }
  }
}
