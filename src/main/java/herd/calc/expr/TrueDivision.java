package herd.calc.expr;

import java.math.BigInteger;

/**
 * Python's {@code int / int}: the exact quotient rounded once to the nearest double (ties to even), including in
 * the subnormal range, with the sign of zero following the operands' signs. Too large a quotient gives infinity.
 */
final class TrueDivision {

  private static final long EXACT_IN_DOUBLE = 1L << 53;
  private static final int MANTISSA_BITS = 53;
  private static final int GUARD_BITS = 2;
  private static final int MIN_EXPONENT = -1074;

  private TrueDivision() {
  }

  static double divide(long a, long b) {
    if (Math.abs(a) <= EXACT_IN_DOUBLE && Math.abs(b) <= EXACT_IN_DOUBLE && a != Long.MIN_VALUE
        && b != Long.MIN_VALUE) {
      return (double) a / (double) b;
    }
    return divide(BigInteger.valueOf(a), BigInteger.valueOf(b));
  }

  /** {@code b} must not be zero. */
  static double divide(BigInteger a, BigInteger b) {
    boolean negative = (a.signum() < 0) != (b.signum() < 0);
    double magnitude = positiveQuotient(a.abs(), b.abs());
    return negative ? -magnitude : magnitude;
  }

  private static double positiveQuotient(BigInteger a, BigInteger b) {
    if (a.signum() == 0) {
      return 0.0;
    }
    // a / b lies in [2^(diff-1), 2^(diff+1))
    int diff = a.bitLength() - b.bitLength();
    if (diff > 1025) {
      return Double.POSITIVE_INFINITY;
    }
    if (diff < MIN_EXPONENT - 2) {
      return 0.0;
    }
    // q = floor(a * 2^shift / b) has 55 or 56 bits: the mantissa, two guard bits, and a sticky bit for the rest
    int shift = MANTISSA_BITS + GUARD_BITS - diff;
    BigInteger[] quotientAndRest = shift >= 0
        ? a.shiftLeft(shift).divideAndRemainder(b)
        : a.divideAndRemainder(b.shiftLeft(-shift));
    long q = quotientAndRest[0].longValueExact();
    if (quotientAndRest[1].signum() != 0) {
      q |= 1;
    }
    int bits = 64 - Long.numberOfLeadingZeros(q);
    int drop = Math.max(bits - MANTISSA_BITS, shift + MIN_EXPONENT);
    long kept = q >>> drop;
    long rest = q & ((1L << drop) - 1);
    long half = 1L << (drop - 1);
    if (rest > half || (rest == half && (kept & 1) == 1)) {
      kept++;
    }
    return Math.scalb((double) kept, drop - shift);
  }
}
