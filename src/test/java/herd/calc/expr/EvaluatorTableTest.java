package herd.calc.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Compares every line of the committed table with what CPython 3.11 computes for it: calc-expected.txt was written
 * by {@code python3 bench/calc_reference.py --cases src/test/resources/herd/calc/expr}, which uses Python's own
 * ints and floats (and {@code repr}) under the same grammar and default limits.
 */
class EvaluatorTableTest {

  @Test
  void everyCaseGivesWhatPythonGives() throws IOException {
    List<String> cases = lines("calc-cases.txt");
    List<String> expected = lines("calc-expected.txt");
    assertThat(cases).hasSameSizeAs(expected).hasSizeGreaterThan(3000);
    Evaluator evaluator = new Evaluator(ExpressionLimits.DEFAULT);
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      byte[] line = cases.get(i).getBytes(StandardCharsets.US_ASCII);
      ResultWriter out = new ResultWriter(64);
      evaluator.evaluate(line, 0, line.length, out);
      String actual = new String(out.toBytes(), StandardCharsets.US_ASCII);
      if (!actual.equals(expected.get(i) + "\n")) {
        mismatches.add("line " + (i + 1) + ": " + abbreviated(cases.get(i)) + " gave " + abbreviated(actual)
            + " but Python gives " + abbreviated(expected.get(i)));
      }
    }
    assertThat(mismatches).isEmpty();
  }

  private static String abbreviated(String text) {
    return text.length() > 120 ? text.substring(0, 120) + "…(" + text.length() + ")" : text;
  }

  private static List<String> lines(String resource) throws IOException {
    try (InputStream in = EvaluatorTableTest.class.getResourceAsStream(resource)) {
      String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
      lines.remove(lines.size() - 1);
      return lines;
    }
  }
}
