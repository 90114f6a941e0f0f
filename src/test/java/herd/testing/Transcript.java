package herd.testing;

import herd.log.LogText;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lines for a line protocol and the replies a model of the protocol expects, in order; checks what a node answered
 * and names the first line whose reply differs.
 */
public final class Transcript {

  private final ByteArrayOutputStream request = new ByteArrayOutputStream();
  private final ByteArrayOutputStream expected = new ByteArrayOutputStream();
  private final List<byte[]> lines = new ArrayList<>();
  private final List<Integer> replyEnds = new ArrayList<>();

  /** A line (without its {@code \n}) and the reply it must get, empty for none. */
  public void add(byte[] line, byte[] reply) {
    request.writeBytes(line);
    request.write('\n');
    expected.writeBytes(reply);
    lines.add(line);
    replyEnds.add(expected.size());
  }

  public int lines() {
    return lines.size();
  }

  public byte[] request() {
    return request.toByteArray();
  }

  public void check(byte[] actual) {
    byte[] wanted = expected.toByteArray();
    int at = Arrays.mismatch(wanted, actual);
    if (at < 0) {
      return;
    }
    int line = 0;
    while (line < replyEnds.size() - 1 && replyEnds.get(line) <= at) {
      line++;
    }
    int from = line == 0 ? 0 : replyEnds.get(line - 1);
    throw new AssertionError("line " + line + " " + quote(lines.get(line), 0, lines.get(line).length)
        + " wanted " + quote(wanted, from, replyEnds.get(line)) + " but the node answered "
        + quote(actual, from, Math.min(actual.length, from + replyEnds.get(line) - from + 40))
        + " (" + actual.length + " of " + wanted.length + " bytes)");
  }

  private static String quote(byte[] bytes, int from, int to) {
    int end = Math.min(to, from + 300);
    return LogText.quote(Buffer.buffer(Arrays.copyOfRange(bytes, from, Math.max(from, end))));
  }
}
