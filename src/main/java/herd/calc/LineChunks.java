package herd.calc;

/**
 * Cuts a request into pieces of whole lines, each about {@code targetBytes} long, to evaluate in parallel. One
 * piece at a time, so that the event loop only ever scans from the target to the end of the line it falls in.
 */
final class LineChunks {

  private LineChunks() {
  }

  /** Where the chunk that starts at {@code from} ends: just after a {@code \n}, or at the end of the text. */
  static int end(byte[] text, int from, int targetBytes) {
    int to = (int) Math.min(text.length, (long) from + targetBytes);
    while (to < text.length && text[to - 1] != '\n') {
      to++;
    }
    return to;
  }
}
