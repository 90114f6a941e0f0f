package herd.calc.expr;

import herd.text.PythonFloat;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Evaluates one expression a line, in a single pass over its bytes, with Python's arithmetic: integers stay exact
 * (in a {@code long} while they fit, a {@link BigInteger} beyond), {@code /} is true division, and a float on
 * either side makes a float. Nothing in a line is interpreted except the grammar below, so nothing is executed.
 *
 * <pre>
 *   line    = [ expr ]            space and tab are ignored between tokens
 *   expr    = term   { ('+' | '-') term }
 *   term    = unary  { ('*' | '/') unary }
 *   unary   = { '-' } primary
 *   primary = number | '(' expr ')'
 *   number  = digits [ '.' [digits] ] [exponent] | '.' digits [exponent]   (a '.' or an exponent makes a float)
 * </pre>
 *
 * A line that cannot be evaluated gives {@code error: <reason>}. A syntax error (or too deep a nesting) stops the
 * parse at once; an arithmetic error (division by zero, overflow) is remembered and the rest of the line is still
 * parsed without computing, so a malformed line always reports its syntax error. Not thread-safe: one per thread.
 */
public final class Evaluator {

  private static final int EMPTY = -1;
  private static final int LONG = 0;
  private static final int BIG = 1;
  private static final int FLOAT = 2;
  private static final Stop STOP = new Stop();

  private final ExpressionLimits limits;
  private final int maxIntegerDigits;

  private byte[] text;
  private int at;
  private int end;
  private int start;
  private int depth;
  private String stopReason;
  private String pending;

  // the value just parsed
  private int kind;
  private long longValue;
  private BigInteger bigValue;
  private double floatValue;

  public Evaluator(ExpressionLimits limits) {
    this.limits = limits;
    this.maxIntegerDigits = limits.maxIntegerDigits();
  }

  /**
   * Writes the result of the line {@code text[from, to)} (without its line end) and a {@code \n} to {@code out};
   * returns whether it is a value (or empty) rather than an error.
   */
  public boolean evaluate(byte[] text, int from, int to, ResultWriter out) {
    String error = evaluate(text, from, to);
    if (error != null) {
      out.ascii("error: ");
      out.ascii(error);
    } else if (kind == LONG) {
      out.integer(longValue);
    } else if (kind == BIG) {
      out.ascii(bigValue.toString());
    } else if (kind == FLOAT) {
      out.ascii(PythonFloat.repr(floatValue));
    }
    out.newline();
    bigValue = null;
    this.text = null;
    return error == null;
  }

  /** Leaves the value in the fields (kind EMPTY for an empty line) and returns null, or returns the error. */
  private String evaluate(byte[] line, int from, int to) {
    if (to - from > limits.maxBytes()) {
      return "too long";
    }
    text = line;
    start = from;
    at = from;
    end = to;
    depth = 0;
    pending = null;
    skipBlanks();
    if (at == end) {
      kind = EMPTY;
      return null;
    }
    try {
      expr();
      if (at != end) {
        syntaxError();
      }
    } catch (Stop stop) {
      return stopReason;
    }
    if (pending != null) {
      return pending;
    }
    if (kind == FLOAT && !Double.isFinite(floatValue)) {
      return "overflow";
    }
    return null;
  }

  private void expr() {
    chain(true);
  }

  /** A sum of terms ({@code additive}) or a product of unary operands, evaluated left to right. */
  private void chain(boolean additive) {
    operand(additive);
    while (at < end) {
      byte op = text[at];
      if (additive ? op != '+' && op != '-' : op != '*' && op != '/') {
        return;
      }
      at++;
      skipBlanks();
      int leftKind = kind;
      long leftLong = longValue;
      BigInteger leftBig = bigValue;
      double leftFloat = floatValue;
      operand(additive);
      apply(op, leftKind, leftLong, leftBig, leftFloat);
    }
  }

  private void operand(boolean additive) {
    if (additive) {
      chain(false);
    } else {
      unary();
    }
  }

  private void unary() {
    boolean negate = false;
    while (at < end && text[at] == '-') {
      negate = !negate;
      at++;
      skipBlanks();
    }
    primary();
    skipBlanks();
    if (negate && pending == null) {
      negate();
    }
  }

  private void primary() {
    if (at < end && text[at] == '(') {
      if (++depth > limits.maxDepth()) {
        stop("too deep");
      }
      at++;
      skipBlanks();
      expr();
      if (at == end || text[at] != ')') {
        syntaxError();
      }
      at++;
      depth--;
      return;
    }
    number();
  }

  private void number() {
    int first = at;
    int next = skipDigits(first);
    int digits = next - first;
    boolean isFloat = false;
    if (next < end && text[next] == '.') {
      isFloat = true;
      int fractionEnd = skipDigits(next + 1);
      digits += fractionEnd - next - 1;
      next = fractionEnd;
    }
    if (digits == 0) {
      syntaxError();
    }
    if (next < end && (text[next] == 'e' || text[next] == 'E')) {
      int exponent = next + 1;
      if (exponent < end && (text[exponent] == '+' || text[exponent] == '-')) {
        exponent++;
      }
      if (exponent < end && isDigit(text[exponent])) {
        isFloat = true;
        next = skipDigits(exponent);
      }
    }
    at = next;
    if (pending != null) {
      setLong(0);
    } else if (isFloat) {
      setFloat(Double.parseDouble(new String(text, first, at - first, StandardCharsets.ISO_8859_1)));
    } else if (digits <= 18) {
      setLong(smallLiteral(first));
    } else {
      bigLiteral(first);
    }
  }

  /** Where the run of digits starting at {@code from} ends. */
  private int skipDigits(int from) {
    byte[] bytes = text;
    int limit = end;
    int i = from;
    while (i < limit && isDigit(bytes[i])) {
      i++;
    }
    return i;
  }

  private long smallLiteral(int first) {
    long value = 0;
    for (int i = first; i < at; i++) {
      value = value * 10 + (text[i] - '0');
    }
    return value;
  }

  private void bigLiteral(int first) {
    int significant = first;
    while (significant < at - 1 && text[significant] == '0') {
      significant++;
    }
    if (at - significant > maxIntegerDigits) {
      arithmeticError("overflow");
      return;
    }
    setBig(new BigInteger(new String(text, significant, at - significant, StandardCharsets.ISO_8859_1)));
  }

  private void negate() {
    if (kind == FLOAT) {
      floatValue = -floatValue;
    } else if (kind == LONG && longValue != Long.MIN_VALUE) {
      longValue = -longValue;
    } else {
      setBig(big(kind, longValue, bigValue).negate());
    }
  }

  /** Combines the left operand (passed in) with the right one (in the fields), leaving the result in the fields. */
  private void apply(byte op, int leftKind, long left, BigInteger leftBig, double leftFloat) {
    if (pending != null) {
      return;
    }
    if (leftKind == FLOAT || kind == FLOAT) {
      applyFloat(op, leftKind, left, leftBig, leftFloat);
    } else if (leftKind == LONG && kind == LONG) {
      applyLong(op, left, longValue);
    } else {
      applyBig(op, big(leftKind, left, leftBig), big(kind, longValue, bigValue));
    }
  }

  private void applyLong(byte op, long a, long b) {
    switch (op) {
      case '+' -> {
        long sum = a + b;
        if (((a ^ sum) & (b ^ sum)) < 0) {
          setBig(BigInteger.valueOf(a).add(BigInteger.valueOf(b)));
        } else {
          setLong(sum);
        }
      }
      case '-' -> {
        long difference = a - b;
        if (((a ^ b) & (a ^ difference)) < 0) {
          setBig(BigInteger.valueOf(a).subtract(BigInteger.valueOf(b)));
        } else {
          setLong(difference);
        }
      }
      case '*' -> {
        long high = Math.multiplyHigh(a, b);
        long product = a * b;
        if ((high == 0 && product >= 0) || (high == -1 && product < 0)) {
          setLong(product);
        } else {
          setBig(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)));
        }
      }
      default -> {
        if (b == 0) {
          arithmeticError("division by zero");
        } else {
          setQuotient(TrueDivision.divide(a, b));
        }
      }
    }
  }

  private void applyBig(byte op, BigInteger a, BigInteger b) {
    switch (op) {
      case '+' -> setBig(a.add(b));
      case '-' -> setBig(a.subtract(b));
      case '*' -> {
        if (magnitudeBits(a) + magnitudeBits(b) > limits.maxIntegerBits() + 1) {
          arithmeticError("overflow");
        } else {
          setBig(a.multiply(b));
        }
      }
      default -> {
        if (b.signum() == 0) {
          arithmeticError("division by zero");
        } else {
          setQuotient(TrueDivision.divide(a, b));
        }
      }
    }
  }

  /** Python converts both operands first (an int too large for a float is an overflow), then checks for zero. */
  private void applyFloat(byte op, int leftKind, long left, BigInteger leftBig, double leftFloat) {
    double a = toFloat(leftKind, left, leftBig, leftFloat);
    double b = toFloat(kind, longValue, bigValue, floatValue);
    if (Double.isInfinite(a) && leftKind != FLOAT || Double.isInfinite(b) && kind != FLOAT) {
      arithmeticError("overflow");
      return;
    }
    switch (op) {
      case '+' -> setFloat(a + b);
      case '-' -> setFloat(a - b);
      case '*' -> setFloat(a * b);
      default -> {
        if (b == 0) {
          arithmeticError("division by zero");
        } else {
          setFloat(a / b);
        }
      }
    }
  }

  private static double toFloat(int kind, long longValue, BigInteger bigValue, double floatValue) {
    return switch (kind) {
      case LONG -> (double) longValue;
      case BIG -> bigValue.doubleValue();
      default -> floatValue;
    };
  }

  private static BigInteger big(int kind, long longValue, BigInteger bigValue) {
    return kind == BIG ? bigValue : BigInteger.valueOf(longValue);
  }

  private void setQuotient(double quotient) {
    if (Double.isInfinite(quotient)) {
      arithmeticError("overflow");
    } else {
      setFloat(quotient);
    }
  }

  private void setLong(long value) {
    kind = LONG;
    longValue = value;
  }

  private void setFloat(double value) {
    kind = FLOAT;
    floatValue = value;
  }

  /** Keeps integers that fit in a long as longs, so that only truly big ones take the slow path. */
  private void setBig(BigInteger value) {
    if (magnitudeBits(value) > limits.maxIntegerBits()) {
      arithmeticError("overflow");
    } else if (value.bitLength() < 64) {
      setLong(value.longValue());
    } else {
      kind = BIG;
      bigValue = value;
    }
  }

  /** Python's {@code int.bit_length()}: the bits of the absolute value (Java's count -2^k as k bits, not k+1). */
  private static int magnitudeBits(BigInteger value) {
    int bits = value.bitLength();
    return value.signum() < 0 && value.getLowestSetBit() == bits ? bits + 1 : bits;
  }

  private void arithmeticError(String reason) {
    if (pending == null) {
      pending = reason;
    }
    setLong(0);
  }

  private void skipBlanks() {
    byte[] bytes = text;
    int limit = end;
    int i = at;
    while (i < limit && (bytes[i] == ' ' || bytes[i] == '\t')) {
      i++;
    }
    at = i;
  }

  private void syntaxError() {
    stop("syntax error at column " + (at - start + 1));
  }

  private void stop(String reason) {
    stopReason = reason;
    throw STOP;
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  /** Unwinds the parse; carries nothing, so one instance serves every thread. */
  private static final class Stop extends RuntimeException {

    Stop() {
      super(null, null, false, false);
    }
  }
}
