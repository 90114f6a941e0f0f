package herd.log;

import ch.qos.logback.core.Context;
import ch.qos.logback.core.recovery.ResilientFileOutputStream;
import com.sun.nio.file.ExtendedOpenOption;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A log file written around the page cache ({@code O_DIRECT}): whole blocks from one aligned buffer, handed to the
 * disk without a copy into the kernel. A node logging every wire line writes a hundred megabytes a second; through
 * the page cache each of those pages is a new page of memory for the kernel to take, which on the benchmark's
 * virtual machine cost ten times the copy itself (4.5 GB/s into recycled pages, 380 MB/s into fresh ones). Written
 * directly, the log also leaves the cache to the data.
 *
 * <p>A flush writes the last, partial block padded with zeros and cuts the file back to its length, so a reader sees
 * exactly the bytes logged; the next write rewrites that block (a {@code kill -9} between the write and the cut
 * leaves at most one block of zeros in the file). Where the file system refuses direct writes
 * ({@link #open} returns null) or a write fails, the file is written through the page cache instead, by Logback's
 * own resilient stream. Not thread-safe: the appender writes and flushes under its lock.
 */
final class DirectLogStream extends OutputStream {

  /**
   * The alignment of every direct write: a multiple of every disk's logical block (512 or 4096 bytes). Asking the
   * file system would read the mount table at every node's start; a disk that wanted more would fail the first
   * write, and the file would go on through the page cache.
   */
  private static final int BLOCK = 4096;

  private final File file;
  private final Context context;
  private final Consumer<String> warn;
  private final FileChannel channel;
  private final ByteBuffer buffer;
  /** Where the buffer's first byte belongs in the file, a multiple of the block size. */
  private long bufferAt;
  /** How many of the buffer's first bytes the file already holds (the partial block of the last flush). */
  private int inFile;
  private OutputStream fallback;

  private DirectLogStream(File file, Context context, Consumer<String> warn, FileChannel channel, int capacity) {
    this.file = file;
    this.context = context;
    this.warn = warn;
    this.channel = channel;
    this.buffer = ByteBuffer.allocateDirect(capacity + BLOCK).alignedSlice(BLOCK);
  }

  /**
   * Opens {@code file} for direct writes through a buffer of about {@code bufferSize} bytes, at its end when
   * {@code append}, else emptied; null when its file system does not take direct writes.
   */
  static DirectLogStream open(File file, boolean append, int bufferSize, Context context, Consumer<String> warn) {
    return open(file, append, bufferSize, context, warn, UnaryOperator.identity());
  }

  /** As above, the channel passed through {@code channels} first (a test's way to make writes fail). */
  static DirectLogStream open(File file, boolean append, int bufferSize, Context context, Consumer<String> warn,
      UnaryOperator<FileChannel> channels) {
    Path path = file.toPath();
    FileChannel channel = null;
    try {
      channel = channels.apply(FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT));
      int capacity = Math.max(BLOCK, bufferSize - bufferSize % BLOCK);
      DirectLogStream stream = new DirectLogStream(file, context, warn, channel, capacity);
      stream.start(append);
      return stream;
    } catch (IOException | UnsupportedOperationException e) {
      closeQuietly(channel);
      return null;
    }
  }

  /** Takes the file's last partial block into the buffer, so that appending rewrites it whole. */
  private void start(boolean append) throws IOException {
    if (!append) {
      channel.truncate(0);
      return;
    }
    long size = channel.size();
    bufferAt = size - size % BLOCK;
    int partial = (int) (size % BLOCK);
    if (partial > 0) {
      buffer.limit(BLOCK);
      if (channel.read(buffer, bufferAt) != partial) {
        throw new IOException("could not read the end of " + file);
      }
      buffer.limit(buffer.capacity());
      inFile = partial;
    }
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    if (fallback != null) {
      fallback.write(bytes, offset, length);
      return;
    }
    int at = offset;
    int left = length;
    while (left > 0) {
      int taken = Math.min(left, buffer.remaining());
      buffer.put(bytes, at, taken);
      at += taken;
      left -= taken;
      if (!buffer.hasRemaining()) {
        writeFullBuffer();
        if (fallback != null) {
          fallback.write(bytes, at, left);
          return;
        }
      }
    }
  }

  private void writeFullBuffer() throws IOException {
    try {
      writeAt(buffer.duplicate().flip(), bufferAt);
    } catch (IOException e) {
      fallBack(e);
      return;
    }
    bufferAt += buffer.capacity();
    buffer.clear();
    inFile = 0;
  }

  /** Writes what the buffer holds, its last block padded, and cuts the file back to the bytes logged. */
  @Override
  public void flush() throws IOException {
    if (fallback != null) {
      fallback.flush();
      return;
    }
    int used = buffer.position();
    if (used == inFile) {
      return;
    }
    int padded = (used + BLOCK - 1) / BLOCK * BLOCK;
    for (int i = used; i < padded; i++) {
      buffer.put(i, (byte) 0);
    }
    try {
      writeAt(buffer.duplicate().position(0).limit(padded), bufferAt);
      channel.truncate(bufferAt + used);
    } catch (IOException e) {
      fallBack(e);
      fallback.flush();
      return;
    }
    int whole = used - used % BLOCK;
    if (whole > 0) {
      ByteBuffer partial = buffer.duplicate().position(whole).limit(used);
      buffer.clear();
      buffer.put(partial);
      bufferAt += whole;
    }
    inFile = buffer.position();
  }

  private void writeAt(ByteBuffer bytes, long position) throws IOException {
    long at = position;
    while (bytes.hasRemaining()) {
      at += channel.write(bytes, at);
    }
  }

  /**
   * After a failed direct write: the file cut back to what it surely holds, then it and the bytes still buffered
   * handed to Logback's resilient stream, which writes through the page cache and retries after failures.
   */
  private void fallBack(IOException cause) throws IOException {
    warn.accept("direct writes to " + file + " failed (" + cause + "): writing through the page cache instead");
    try {
      channel.truncate(bufferAt + inFile);
    } catch (IOException e) {
      // the file may end in a block's zero padding; the log goes on after it
    }
    closeQuietly(channel);
    ResilientFileOutputStream resilient = new ResilientFileOutputStream(file, true, buffer.capacity());
    resilient.setContext(context);
    fallback = resilient;
    byte[] pending = new byte[buffer.position() - inFile];
    buffer.duplicate().position(inFile).get(pending);
    fallback.write(pending);
  }

  @Override
  public void close() throws IOException {
    flush();
    if (fallback != null) {
      fallback.close();
    } else {
      channel.close();
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      // nothing more to do with a channel that cannot even close
    }
  }
}
