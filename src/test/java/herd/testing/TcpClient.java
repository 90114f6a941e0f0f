package herd.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A plain blocking TCP client, as graders and {@code nc} talk to a node. */
public final class TcpClient implements AutoCloseable {

  private final Socket socket;
  private final InputStream in;

  public TcpClient(int port) {
    try {
      socket = new Socket("127.0.0.1", port);
      socket.setSoTimeout(10_000);
      socket.setTcpNoDelay(true);
      in = socket.getInputStream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends the text, half-closes, and returns everything the server writes until it closes. */
  public static String exchange(int port, String text) {
    try (TcpClient client = new TcpClient(port)) {
      client.send(text);
      client.socket.shutdownOutput();
      return client.readToEnd();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Sends a byte every 100 ms, never ending a line, for at most five seconds: how long the server took to close the
   * connection, after checking that it answered nothing.
   */
  public static Duration trickleUntilClosed(int port) {
    long start = System.nanoTime();
    try (TcpClient client = new TcpClient(port)) {
      for (int i = 0; i < 50; i++) {
        try {
          client.send("G");
          Thread.sleep(100);
        } catch (UncheckedIOException closed) {
          break;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      if (client.readAllBytes().length > 0) {
        throw new AssertionError("the server answered a line that never ended");
      }
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /**
   * Sends the bytes from a thread of its own while reading, half-closes, and returns everything the server writes
   * until it closes: for exchanges too large to send before reading.
   */
  public static byte[] exchangeWhileReading(int port, byte[] request) {
    try (TcpClient client = new TcpClient(port)) {
      Thread writer = new Thread(() -> {
        client.send(request);
        client.shutdownOutput();
      }, "test-writer");
      writer.start();
      byte[] reply = client.readAllBytes();
      writer.join();
      return reply;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public TcpClient send(String text) {
    return send(text.getBytes(StandardCharsets.UTF_8));
  }

  public TcpClient send(byte[] bytes) {
    try {
      socket.getOutputStream().write(bytes);
      socket.getOutputStream().flush();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads exactly as many bytes as {@code expectedLength}, or fails after the timeout. */
  public String read(int expectedLength) {
    try {
      byte[] bytes = in.readNBytes(expectedLength);
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads until the reply ends with {@code terminator}. */
  public String readUntil(String terminator) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      while (!out.toString(StandardCharsets.UTF_8).endsWith(terminator)) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        out.write(b);
      }
      return out.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whatever arrives within {@code wait}: for checking that nothing does. */
  public byte[] readAvailable(Duration wait) {
    try {
      socket.setSoTimeout((int) wait.toMillis());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] chunk = new byte[4096];
      try {
        int n;
        while ((n = in.read(chunk)) > 0) {
          out.write(chunk, 0, n);
        }
      } catch (SocketTimeoutException expected) {
        // nothing more came
      }
      socket.setSoTimeout(10_000);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public byte[] readAllBytes() {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String readToEnd() {
    return new String(readAllBytes(), StandardCharsets.UTF_8);
  }

  public void shutdownOutput() {
    try {
      socket.shutdownOutput();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
