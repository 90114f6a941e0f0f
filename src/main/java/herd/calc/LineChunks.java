package herd.calc;

import java.util.ArrayList;
import java.util.List;

/** Cuts a request into pieces of whole lines, each about {@code targetBytes} long, to evaluate in parallel. */
final class LineChunks {

  private LineChunks() {
  }

  /** The chunks' boundaries: chunk i is {@code [bounds[i], bounds[i+1])}; each ends just after a {@code \n}
   * or at the end of the text. Empty text has no chunk. */
  static int[] split(byte[] text, int targetBytes) {
    List<Integer> bounds = new ArrayList<>();
    bounds.add(0);
    int from = 0;
    while (from < text.length) {
      int to = Math.min(text.length, from + targetBytes);
      while (to < text.length && text[to - 1] != '\n') {
        to++;
      }
      bounds.add(to);
      from = to;
    }
    return bounds.stream().mapToInt(Integer::intValue).toArray();
  }
}
