package herd.calc.expr;

/**
 * What one expression may cost: its length in bytes, how deeply its parentheses nest, and how many bits its
 * integers (literals and every intermediate result) may have. Together they bound the stack, heap and time any
 * single line can take.
 */
public record ExpressionLimits(int maxBytes, int maxDepth, int maxIntegerBits) {

  public static final ExpressionLimits DEFAULT = new ExpressionLimits(10_000, 200, 8192);

  /** The most decimal digits (without leading zeros) an integer literal of at most {@code maxIntegerBits} has. */
  int maxIntegerDigits() {
    return (int) Math.floor(maxIntegerBits * Math.log10(2)) + 1;
  }
}
