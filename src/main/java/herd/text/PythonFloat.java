package herd.text;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;
import java.math.BigDecimal;

/**
 * Prints a double exactly as Python's {@code repr(float)} does: the shortest decimal that reads back as the same
 * double, in positional form for decimal exponents from -4 to 15 ({@code 42.3}, {@code 301.0}, {@code 0.0001}) and
 * in scientific form with a signed, at least two-digit exponent otherwise ({@code 1e-05}, {@code 1e+16}).
 */
public final class PythonFloat {

  private PythonFloat() {
  }

  public static String repr(double value) {
    if (Double.isNaN(value)) {
      return "nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    if (value == 0) {
      return (Double.doubleToRawLongBits(value) < 0) ? "-0.0" : "0.0";
    }
    Decimal decimal = Decimal.shortest(Math.abs(value));
    StringBuilder out = new StringBuilder(24);
    if (value < 0) {
      out.append('-');
    }
    int exponent = decimal.pointPosition - 1;
    if (exponent < -4 || exponent >= 16) {
      appendScientific(out, decimal.digits, exponent);
    } else {
      appendPositional(out, decimal.digits, decimal.pointPosition);
    }
    return out.toString();
  }

  private static void appendScientific(StringBuilder out, String digits, int exponent) {
    out.append(digits.charAt(0));
    if (digits.length() > 1) {
      out.append('.').append(digits, 1, digits.length());
    }
    out.append('e').append(exponent < 0 ? '-' : '+');
    int magnitude = Math.abs(exponent);
    if (magnitude < 10) {
      out.append('0');
    }
    out.append(magnitude);
  }

  private static void appendPositional(StringBuilder out, String digits, int pointPosition) {
    if (pointPosition <= 0) {
      out.append("0.");
      out.append("0".repeat(-pointPosition)).append(digits);
    } else if (pointPosition >= digits.length()) {
      out.append(digits).append("0".repeat(pointPosition - digits.length())).append(".0");
    } else {
      out.append(digits, 0, pointPosition).append('.').append(digits, pointPosition, digits.length());
    }
  }

  /** Significant digits without leading or trailing zeros; the value is {@code 0.digits × 10^pointPosition}. */
  private record Decimal(String digits, int pointPosition) {

    static Decimal shortest(double positive) {
      String java = DoubleToDecimal.toString(positive);
      int e = java.indexOf('E');
      int exponent = e < 0 ? 0 : Integer.parseInt(java.substring(e + 1));
      String mantissa = e < 0 ? java : java.substring(0, e);
      int dot = mantissa.indexOf('.');
      String all = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
      int pointPosition = dot + exponent;
      int first = 0;
      while (all.charAt(first) == '0') {
        first++;
      }
      int end = all.length();
      while (all.charAt(end - 1) == '0') {
        end--;
      }
      Decimal decimal = new Decimal(all.substring(first, end), pointPosition - first);
      boolean javaMayHaveChosenTwoDigits = decimal.digits.length() == 2 && positive < Double.MIN_NORMAL;
      return javaMayHaveChosenTwoDigits ? decimal.oneDigitIfExact(positive) : decimal;
    }

    /**
     * Java prints two digits where one would do when the two-digit decimal is closer ({@code 4.9E-324}); Python
     * prints the shortest ({@code 5e-324}), the closer one if both neighbouring one-digit decimals read back.
     * Only subnormals are coarse enough for the two to differ.
     */
    private Decimal oneDigitIfExact(double positive) {
      BigDecimal exact = new BigDecimal(positive);
      int first = digits.charAt(0) - '0';
      Decimal best = this;
      BigDecimal bestDistance = null;
      for (int candidate = first; candidate <= first + 1; candidate++) {
        BigDecimal value = BigDecimal.valueOf(candidate).scaleByPowerOfTen(pointPosition - 1);
        if (value.doubleValue() == positive) {
          BigDecimal distance = value.subtract(exact).abs();
          if (bestDistance == null || distance.compareTo(bestDistance) < 0) {
            best = candidate == 10 ? new Decimal("1", pointPosition + 1) : new Decimal(String.valueOf(candidate),
                pointPosition);
            bestDistance = distance;
          }
        }
      }
      return best;
    }
  }
}
