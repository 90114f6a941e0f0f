package herd.calc.expr;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable run of ASCII result lines, written without a String per number where it can be helped. */
public final class ResultWriter {

  private static final byte[] MIN_LONG = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);

  private byte[] bytes;
  private int size;

  public ResultWriter(int capacity) {
    bytes = new byte[Math.max(16, capacity)];
  }

  void ascii(String text) {
    ensure(text.length());
    text.getBytes(0, text.length(), bytes, size);
    size += text.length();
  }

  void integer(long value) {
    if (value == Long.MIN_VALUE) {
      ensure(MIN_LONG.length);
      System.arraycopy(MIN_LONG, 0, bytes, size, MIN_LONG.length);
      size += MIN_LONG.length;
      return;
    }
    ensure(20);
    if (value < 0) {
      bytes[size++] = '-';
      value = -value;
    }
    int end = size + digits(value);
    for (int at = end - 1; at >= size; at--) {
      bytes[at] = (byte) ('0' + value % 10);
      value /= 10;
    }
    size = end;
  }

  void newline() {
    ensure(1);
    bytes[size++] = '\n';
  }

  public int size() {
    return size;
  }

  /** The bytes written so far, in an array of exactly that length. */
  public byte[] toBytes() {
    return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
  }

  private static int digits(long positive) {
    int digits = 1;
    for (long limit = 10; digits < 19 && positive >= limit; limit *= 10) {
      digits++;
    }
    return digits;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
