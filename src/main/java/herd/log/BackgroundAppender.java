package herd.log;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.spi.AppenderAttachableImpl;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Hands the events of the node loggers to its appenders on one background thread, which formats them (escaping
 * client bytes, see {@link WireText}) as it writes them: a thread that logs, an event loop, only queues the event.
 * Arguments must therefore not change once logged; the thread's name is taken at once.
 *
 * <p>The writer takes whatever queued in one go, then lets a millisecond pass before it looks again, so a busy node
 * wakes it about a thousand times a second however many lines it logs (Logback's {@code AsyncAppender} wakes its
 * worker for each event that finds it waiting, two system calls a line); an idle writer sleeps until the next event.
 * At most {@code queueSize} events wait: past that, loggers wait for room rather than drop events. A node that stops
 * waits for what it logged to be written ({@link #awaitWritten}), so a normal stop loses nothing.
 */
public final class BackgroundAppender extends UnsynchronizedAppenderBase<ILoggingEvent>
    implements AppenderAttachable<ILoggingEvent> {

  private static final Set<BackgroundAppender> STARTED = new CopyOnWriteArraySet<>();
  private static final long BATCH_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final long FULL_WAIT_NANOS = TimeUnit.MICROSECONDS.toNanos(100);
  private static final long STOP_WAIT_MILLIS = 5_000;

  private final AppenderAttachableImpl<ILoggingEvent> appenders = new AppenderAttachableImpl<>();
  private final ConcurrentLinkedQueue<ILoggingEvent> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger waiting = new AtomicInteger();
  private final AtomicLong queued = new AtomicLong();
  private final AtomicLong written = new AtomicLong();
  private volatile boolean writerIdle;
  private int queueSize = 8192;
  private Thread writer;

  /** How many events may wait for the writer before loggers wait for room. */
  public void setQueueSize(int queueSize) {
    this.queueSize = queueSize;
  }

  @Override
  public void start() {
    if (queueSize < 1) {
      addError("queueSize must be at least 1");
      return;
    }
    writer = new Thread(this::writeLoop, "herd-log-writer");
    writer.setDaemon(true);
    super.start();
    writer.start();
    STARTED.add(this);
  }

  @Override
  public void stop() {
    if (!isStarted()) {
      return;
    }
    STARTED.remove(this);
    super.stop();
    LockSupport.unpark(writer);
    try {
      writer.join(STOP_WAIT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    appenders.detachAndStopAllAppenders();
  }

  @Override
  protected void append(ILoggingEvent event) {
    event.getThreadName();
    event.getMDCPropertyMap();
    queued.incrementAndGet();
    while (waiting.get() >= queueSize && isStarted()) {
      wakeWriter();
      LockSupport.parkNanos(FULL_WAIT_NANOS);
    }
    queue.add(event);
    waiting.incrementAndGet();
    if (writerIdle) {
      wakeWriter();
    }
  }

  private void wakeWriter() {
    writerIdle = false;
    LockSupport.unpark(writer);
  }

  private void writeLoop() {
    while (true) {
      if (writeQueued() > 0) {
        LockSupport.parkNanos(BATCH_NANOS);
      } else if (!isStarted()) {
        return;
      } else {
        // a logger queues, then reads writerIdle; this writes it, then looks at the queue: one of the two sees the
        // other, so no event waits for a wake-up that never comes
        writerIdle = true;
        if (queue.isEmpty() && isStarted()) {
          LockSupport.park(this);
        }
        writerIdle = false;
      }
    }
  }

  private int writeQueued() {
    int count = 0;
    for (ILoggingEvent event = queue.poll(); event != null; event = queue.poll()) {
      waiting.decrementAndGet();
      appenders.appendLoopOnAppenders(event);
      written.incrementAndGet();
      count++;
    }
    return count;
  }

  /** Waits, at most {@code millis}, until every event queued so far has been written, then flushes the files. */
  public static void awaitWritten(long millis) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    for (BackgroundAppender appender : STARTED) {
      long target = appender.queued.get();
      while (appender.written.get() < target && System.nanoTime() < deadline) {
        LockSupport.unpark(appender.writer);
        try {
          Thread.sleep(1);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
    BatchedFileAppender.flushAll();
  }

  @Override
  public void addAppender(Appender<ILoggingEvent> appender) {
    appenders.addAppender(appender);
  }

  @Override
  public Iterator<Appender<ILoggingEvent>> iteratorForAppenders() {
    return appenders.iteratorForAppenders();
  }

  @Override
  public Appender<ILoggingEvent> getAppender(String name) {
    return appenders.getAppender(name);
  }

  @Override
  public boolean isAttached(Appender<ILoggingEvent> appender) {
    return appenders.isAttached(appender);
  }

  @Override
  public void detachAndStopAllAppenders() {
    appenders.detachAndStopAllAppenders();
  }

  @Override
  public boolean detachAppender(Appender<ILoggingEvent> appender) {
    return appenders.detachAppender(appender);
  }

  @Override
  public boolean detachAppender(String name) {
    return appenders.detachAppender(name);
  }
}
