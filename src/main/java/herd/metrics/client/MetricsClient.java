package herd.metrics.client;

import herd.protocol.Fields;
import herd.text.PythonFloat;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A client of the metrics protocol: connects when constructed and keeps the connection until closed. Calls are
 * blocking and may come from several threads; each waits at most the timeout for its reply. A timeout leaves the
 * connection's replies out of step, so it closes the connection and later calls fail too.
 */
public final class MetricsClient implements AutoCloseable {

  /** The longest reply line accepted; longer is treated as unparsable. */
  private static final int MAX_LINE_BYTES = 1 << 20;

  private final String address;
  private final Duration timeout;
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private boolean closed;

  public MetricsClient(String host, int port, Duration timeout) {
    this.address = host + ":" + port;
    this.timeout = timeout;
    this.socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      in = new BufferedInputStream(socket.getInputStream());
      out = socket.getOutputStream();
    } catch (IOException e) {
      closeQuietly();
      throw new ClientError("cannot connect to " + address + ": " + e.getMessage(), e);
    }
  }

  /** Stores the value at the current time, in whole seconds. */
  public void put(String key, double value) {
    put(key, value, System.currentTimeMillis() / 1000);
  }

  public void put(String key, double value, long timestamp) {
    checkKey(key);
    if (!Double.isFinite(value)) {
      throw new ClientError("value must be a finite number, not " + value);
    }
    Replies.ok(exchange("put " + key + " " + PythonFloat.repr(value) + " " + timestamp + "\n"));
  }

  /**
   * The points stored for the key, or for every key if it is {@code *}: keys in the server's order, each key's
   * points in ascending timestamp order; empty if there are none.
   */
  public Map<String, List<Point>> get(String key) {
    checkKey(key);
    return Replies.points(exchange("get " + key + "\n"));
  }

  @Override
  public synchronized void close() {
    closed = true;
    closeQuietly();
  }

  private static void checkKey(String key) {
    if (key == null || key.isEmpty() || key.chars().anyMatch(c -> Fields.isSpace((char) c) || c > 0xff)) {
      throw new ClientError("a key is one word of Latin-1 characters, not \"" + key + "\"");
    }
  }

  /** Sends a request and returns the lines of its reply, without the blank line that ends it. */
  private synchronized List<String> exchange(String request) {
    if (closed) {
      throw new ClientError("connection to " + address + " is closed");
    }
    try {
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      List<String> lines = new ArrayList<>();
      for (String line = readLine(); !line.isEmpty(); line = readLine()) {
        lines.add(line);
      }
      return lines;
    } catch (SocketTimeoutException e) {
      close();
      throw new ClientError("no reply from " + address + " within " + timeout.toMillis() + " ms; connection closed");
    } catch (IOException e) {
      close();
      throw new ClientError("connection to " + address + " failed: " + e.getMessage(), e);
    }
  }

  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(64);
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("closed by the server");
      }
      if (line.size() >= MAX_LINE_BYTES) {
        throw new IOException("reply line over " + MAX_LINE_BYTES + " bytes");
      }
      line.write(b);
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }

  private void closeQuietly() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // nothing left to release
    }
  }
}
