package herd.calc.client;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Sends a file of expressions to a node's calculation service and writes the results to another file, as
 * bluserver's client does: {@code java -cp herd.jar herd.calc.client.CalcClient HOST PORT INFILE OUTFILE}.
 * Plain blocking NIO (no Vert.x), so that it starts fast.
 */
public final class CalcClient {

  /** What one exchange moved and how long it took, from connecting to the last result byte written. */
  public record Exchange(long sentBytes, long resultBytes, long nanos) {
  }

  private CalcClient() {
  }

  public static void main(String[] args) {
    if (args.length != 4) {
      System.err.println("usage: java -cp herd.jar herd.calc.client.CalcClient HOST PORT INFILE OUTFILE");
      System.exit(2);
    }
    try {
      Exchange done = exchange(args[0], Integer.parseInt(args[1]), Path.of(args[2]), Path.of(args[3]));
      System.err.printf("sent %d bytes, received %d bytes of results in %.1f ms%n", done.sentBytes(),
          done.resultBytes(), done.nanos() / 1e6);
    } catch (IOException | NumberFormatException e) {
      System.err.println("calc client: " + e);
      System.exit(1);
    }
  }

  public static Exchange exchange(String host, int port, Path input, Path output) throws IOException {
    long start = System.nanoTime();
    try (SocketChannel socket = SocketChannel.open(new InetSocketAddress(host, port));
        FileChannel in = FileChannel.open(input, StandardOpenOption.READ);
        FileChannel out = FileChannel.open(output, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      long size = in.size();
      writeFully(socket, ByteBuffer.allocate(8).putLong(0, size));
      for (long sent = 0; sent < size; ) {
        sent += in.transferTo(sent, size - sent, socket);
      }
      socket.shutdownOutput();
      ByteBuffer header = ByteBuffer.allocate(8);
      readFully(socket, header);
      long length = header.getLong(0);
      long received = 0;
      while (received < length) {
        long moved = out.transferFrom(socket, received, length - received);
        if (moved == 0) {
          throw new EOFException("server closed after " + received + " of " + length + " result bytes");
        }
        received += moved;
      }
      return new Exchange(size, length, System.nanoTime() - start);
    }
  }

  private static void writeFully(SocketChannel socket, ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      socket.write(bytes);
    }
  }

  private static void readFully(SocketChannel socket, ByteBuffer into) throws IOException {
    while (into.hasRemaining()) {
      if (socket.read(into) < 0) {
        throw new EOFException("server closed before the result length");
      }
    }
  }
}
