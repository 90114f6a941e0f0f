package herd.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A blocking metrics connection for the benchmark's bulk loads and timed reads, without parsing replies. */
final class MetricsWire implements AutoCloseable {

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final byte[] chunk = new byte[1 << 16];
  private int position;
  private int limit;
  private byte previous;

  MetricsWire(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(60_000);
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  void send(String requests) throws IOException {
    out.write(requests.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /** Reads replies up to and including the {@code count}-th blank line; returns how many bytes they took. */
  long awaitReplies(int count) throws IOException {
    long bytes = 0;
    while (count > 0) {
      if (position == limit) {
        limit = in.read(chunk);
        position = 0;
        if (limit < 0) {
          limit = 0;
          throw new IOException("connection closed by the node");
        }
      }
      byte b = chunk[position++];
      bytes++;
      if (b == '\n' && previous == '\n') {
        count--;
        b = 0;
      }
      previous = b;
    }
    return bytes;
  }

  /** Sends puts in batches, each followed by its replies. */
  void load(int keys, int pointsPerKey, int batch) throws IOException {
    StringBuilder lines = new StringBuilder();
    int pending = 0;
    for (int t = 0; t < pointsPerKey; t++) {
      for (int k = 0; k < keys; k++) {
        lines.append("put load.k").append(k).append(' ').append(t % 100).append(".5 ").append(1_600_000_000 + t)
            .append('\n');
        if (++pending == batch) {
          send(lines.toString());
          awaitReplies(pending);
          lines.setLength(0);
          pending = 0;
        }
      }
    }
    if (pending > 0) {
      send(lines.toString());
      awaitReplies(pending);
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
