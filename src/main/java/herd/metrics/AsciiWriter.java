package herd.metrics;

import herd.text.PythonFloat;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.util.Arrays;

/**
 * Builds a reply in a growable byte array, printing numbers straight into it: a {@code get *} of a million points is
 * a million values, and going through a String for each of them costs more than the rest of the reply together.
 */
final class AsciiWriter {

  private static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};
  private static final double FAST_MIN = 1e-4;
  private static final double FAST_LIMIT = 1e15;

  private byte[] bytes;
  private int length;

  AsciiWriter(int capacity) {
    bytes = new byte[Math.max(16, capacity)];
  }

  AsciiWriter bytes(byte[] more) {
    ensure(more.length);
    System.arraycopy(more, 0, bytes, length, more.length);
    length += more.length;
    return this;
  }

  AsciiWriter ascii(String text) {
    ensure(text.length());
    for (int i = 0; i < text.length(); i++) {
      bytes[length++] = (byte) text.charAt(i);
    }
    return this;
  }

  AsciiWriter letter(char c) {
    ensure(1);
    bytes[length++] = (byte) c;
    return this;
  }

  AsciiWriter integer(long value) {
    if (value == Long.MIN_VALUE) {
      return ascii(Long.toString(value));
    }
    if (value < 0) {
      letter('-');
      value = -value;
    }
    ensure(19);
    int digits = 1;
    for (long rest = value / 10; rest > 0; rest /= 10) {
      digits++;
    }
    for (int i = length + digits - 1; i >= length; i--) {
      bytes[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    length += digits;
    return this;
  }

  /** The value as Python's {@code repr(float)} prints it. */
  AsciiWriter pythonFloat(double value) {
    return positional(value) ? this : ascii(PythonFloat.repr(value));
  }

  /**
   * Prints the value as {@code m / 10^k} for the least k up to 6 at which that quotient is exactly the value, when m
   * has at most 15 digits and the value is in Python's positional range. Such a decimal reads back as the value, is
   * the only one of its length that does (15 digits always round-trip), and none shorter does, so it is the one
   * repr prints. Anything else goes the long way.
   */
  private boolean positional(double value) {
    double magnitude = Math.abs(value);
    if (!(magnitude >= FAST_MIN && magnitude < FAST_LIMIT)) {
      return false;
    }
    for (int k = 0; k < POWERS_OF_TEN.length; k++) {
      long scale = POWERS_OF_TEN[k];
      double scaled = magnitude * scale;
      if (scaled >= FAST_LIMIT) {
        return false;
      }
      long digits = Math.round(scaled);
      if ((double) digits / scale == magnitude) {
        if (value < 0) {
          letter('-');
        }
        integer(digits / scale).letter('.');
        if (k == 0) {
          letter('0');
        }
        long fraction = digits % scale;
        for (long place = scale / 10; place > 0; place /= 10) {
          letter((char) ('0' + fraction / place % 10));
        }
        return true;
      }
    }
    return false;
  }

  int length() {
    return length;
  }

  /** The bytes written, not copied: the writer must not be used after this. */
  Buffer toBuffer() {
    return BufferInternal.buffer(Unpooled.wrappedBuffer(bytes, 0, length));
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(length + more, bytes.length * 2));
    }
  }
}
