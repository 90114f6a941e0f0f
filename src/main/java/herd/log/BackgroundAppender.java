package herd.log;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Logback's {@link AsyncAppender}, less the formatting of each message on the thread that logs it: the event loop
 * only queues the event, and the appender's own thread formats it (escaping client bytes, see {@link WireText})
 * when it writes it. Arguments must therefore not change once logged; the thread's name is taken at once. A node
 * that stops waits for what it logged to be written ({@link #awaitWritten}), so a normal stop loses nothing.
 */
public final class BackgroundAppender extends AsyncAppender {

  private static final Set<BackgroundAppender> STARTED = new CopyOnWriteArraySet<>();

  private final AtomicLong queued = new AtomicLong();
  private final AtomicLong written = new AtomicLong();

  @Override
  protected void preprocess(ILoggingEvent event) {
    event.getThreadName();
    event.getMDCPropertyMap();
    queued.incrementAndGet();
  }

  /** Counts, after the configured appenders, each event the writer thread has passed on. */
  @Override
  public void start() {
    AppenderBase<ILoggingEvent> counter = new AppenderBase<>() {
      @Override
      protected void append(ILoggingEvent event) {
        written.incrementAndGet();
      }
    };
    counter.setContext(getContext());
    counter.setName(getName() + "-written");
    counter.start();
    addAppender(counter);
    super.start();
    STARTED.add(this);
  }

  @Override
  public void stop() {
    STARTED.remove(this);
    super.stop();
  }

  /** Waits, at most {@code millis}, until every event queued so far has been written, then flushes the files. */
  public static void awaitWritten(long millis) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    for (BackgroundAppender appender : STARTED) {
      long target = appender.queued.get();
      while (appender.written.get() < target && System.nanoTime() < deadline) {
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
}
