package herd.peer;

import herd.peer.Handshake.Role;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * One end of a peer connection played by the test over a blocking socket: it speaks the handshake line by line, with
 * whatever key and name the test gives it, and records what it sent.
 */
final class FakeNeighbour implements AutoCloseable {

  private final Socket socket;
  private final InputStream in;
  final StringBuilder sent = new StringBuilder();

  FakeNeighbour(Socket socket) {
    try {
      this.socket = socket;
      socket.setSoTimeout(10_000);
      socket.setTcpNoDelay(true);
      this.in = new BufferedInputStream(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static FakeNeighbour dial(int port) {
    try {
      return new FakeNeighbour(new Socket("127.0.0.1", port));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Dials {@code port} as {@code self} and completes the handshake with {@code key}; returns once linked. */
  static FakeNeighbour link(int port, String self, String node, byte[] key) {
    FakeNeighbour fake = dial(port);
    String answer = fake.hello(self);
    fake.prove(key, self, node, answer);
    if (!fake.readLine().equals("LINKED")) {
      throw new AssertionError("not linked");
    }
    return fake;
  }

  private String nonce;

  /** Sends the dialler's hello as {@code self}; returns the acceptor's answer. */
  String hello(String self) {
    nonce = Handshake.nonce();
    send(Handshake.hello(self, nonce));
    return readLine();
  }

  /** Sends the dialler's proof for the acceptor's {@code answer}. */
  void prove(byte[] key, String self, String node, String answer) {
    String theirNonce = answer.split(" ")[2];
    send(Handshake.proofLine(Handshake.proof(key, Role.DIALLER, self, node, nonce, theirNonce)));
  }

  /** Acceptor side: reads the node's hello, answers as {@code self} with {@code key}; returns the node's nonce. */
  String answer(String self, byte[] key) {
    String[] hello = readLine().split(" ");
    String theirNonce = hello[2];
    nonce = Handshake.nonce();
    send(Handshake.answer(self, nonce, Handshake.proof(key, Role.ACCEPTOR, hello[1], self, theirNonce, nonce)));
    return theirNonce;
  }

  FakeNeighbour send(String text) {
    try {
      socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      sent.append(text);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The next line without its newline, or null at the end of the stream. */
  String readLine() {
    try {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      for (int b = in.read(); b != '\n'; b = in.read()) {
        if (b < 0) {
          return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
        }
        line.write(b);
      }
      return line.toString(StandardCharsets.ISO_8859_1);
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no line within the socket timeout", e);
    } catch (IOException e) {
      return null;
    }
  }

  /** Everything until the node closes the connection (lines joined with \n), failing if it stays open 10 s. */
  String readToEnd() {
    try {
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the node did not close the connection", e);
    } catch (IOException e) {
      return "";
    }
  }

  int localPort() {
    return socket.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
