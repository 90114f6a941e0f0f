package herd.log;

import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.util.FileSize;
import ch.qos.logback.core.util.FileUtil;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A rolling log file written through a buffer that is flushed every {@code flushMillis} (100 by default) rather than
 * after every event: at tens of thousands of lines a second a system call per line would cost more than the
 * protocol itself. A {@code kill -9} may lose the last interval; a normal stop loses nothing (a node that stops
 * flushes, {@link BackgroundAppender#awaitWritten}). Unless {@code directIo} is false, the file is written around
 * the page cache where its file system allows ({@link DirectLogStream}).
 */
public final class BatchedFileAppender<E> extends RollingFileAppender<E> {

  private static final ScheduledExecutorService FLUSHER = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "herd-log-flusher");
    thread.setDaemon(true);
    return thread;
  });

  private static final Set<BatchedFileAppender<?>> STARTED = new CopyOnWriteArraySet<>();

  private long flushMillis = 100;
  private boolean directIo = true;
  private int bufferBytes = (int) DEFAULT_BUFFER_SIZE;
  private ScheduledFuture<?> flushing;

  public void setFlushMillis(long flushMillis) {
    this.flushMillis = flushMillis;
  }

  public void setDirectIo(boolean directIo) {
    this.directIo = directIo;
  }

  @Override
  public void setBufferSize(FileSize bufferSize) {
    super.setBufferSize(bufferSize);
    bufferBytes = (int) Math.min(bufferSize.getSize(), Integer.MAX_VALUE);
  }

  @Override
  public void openFile(String fileName) throws IOException {
    if (!directIo || isPrudent()) {
      super.openFile(fileName);
      return;
    }
    streamWriteLock.lock();
    try {
      File file = new File(fileName);
      if (!FileUtil.createMissingParentDirectories(file)) {
        addError("Failed to create parent directories for [" + file.getAbsolutePath() + "]");
      }
      DirectLogStream direct = DirectLogStream.open(file, isAppend(), bufferBytes, getContext(), this::addWarn);
      if (direct == null) {
        super.openFile(fileName);
      } else {
        setOutputStream(direct);
      }
    } finally {
      streamWriteLock.unlock();
    }
  }

  @Override
  public void start() {
    setImmediateFlush(false);
    super.start();
    if (isStarted()) {
      flushing = FLUSHER.scheduleWithFixedDelay(this::flush, flushMillis, flushMillis, TimeUnit.MILLISECONDS);
      STARTED.add(this);
    }
  }

  /** Flushes every such file now. */
  static void flushAll() {
    STARTED.forEach(BatchedFileAppender::flush);
  }

  @Override
  public void stop() {
    STARTED.remove(this);
    if (flushing != null) {
      flushing.cancel(false);
    }
    super.stop();
  }

  private void flush() {
    streamWriteLock.lock();
    try {
      OutputStream out = getOutputStream();
      if (out != null) {
        out.flush();
      }
    } catch (IOException e) {
      // the appender reports write failures itself; the next flush tries again
    } finally {
      streamWriteLock.unlock();
    }
  }
}
