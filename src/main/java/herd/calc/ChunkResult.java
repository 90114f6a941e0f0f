package herd.calc;

import herd.calc.expr.Evaluator;
import herd.calc.expr.ExpressionLimits;
import herd.calc.expr.ResultWriter;

/** The result lines of one chunk of a request, and how many lines it had and how many of them were errors. */
record ChunkResult(byte[] bytes, int lines, int errors) {

  /**
   * Evaluates every line of {@code text[from, to)}: lines end at {@code \n} (a {@code \r} before it is dropped),
   * and a last line without one still counts. CPU work: run it on a worker thread.
   */
  static ChunkResult evaluate(byte[] text, int from, int to, ExpressionLimits limits) {
    Evaluator evaluator = new Evaluator(limits);
    ResultWriter out = new ResultWriter((to - from) / 2);
    int lines = 0;
    int errors = 0;
    int start = from;
    while (start < to) {
      int newline = start;
      while (newline < to && text[newline] != '\n') {
        newline++;
      }
      int end = newline > start && text[newline - 1] == '\r' ? newline - 1 : newline;
      if (!evaluator.evaluate(text, start, end, out)) {
        errors++;
      }
      lines++;
      start = newline + 1;
    }
    return new ChunkResult(out.toBytes(), lines, errors);
  }
}
