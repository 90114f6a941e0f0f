package herd.metrics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A raw client socket for tests: sends bytes as given and reads whole replies, each ending with a blank line. */
final class Wire implements AutoCloseable {

  private final Socket socket;
  private final InputStream in;

  Wire(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(5_000);
    in = socket.getInputStream();
  }

  Wire send(String text) throws IOException {
    socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
    socket.getOutputStream().flush();
    return this;
  }

  void endOutput() throws IOException {
    socket.shutdownOutput();
  }

  /** The next {@code count} replies, as the bytes arrived. */
  String replies(int count) throws IOException {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    int previous = -1;
    while (count > 0) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed after " + got.toString(StandardCharsets.ISO_8859_1));
      }
      got.write(b);
      if (b == '\n' && previous == '\n') {
        count--;
      }
      previous = b;
    }
    return got.toString(StandardCharsets.ISO_8859_1);
  }

  /** Everything until the server closes the connection. */
  String rest() throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
