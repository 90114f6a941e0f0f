package herd.log;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
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

  /** The appender the writer thread passes events to, counting them as it does (an AsyncAppender takes only one). */
  @Override
  public void addAppender(Appender<ILoggingEvent> appender) {
    Counted counted = new Counted(appender);
    counted.setContext(getContext());
    counted.setName(appender.getName());
    counted.start();
    super.addAppender(counted);
  }

  @Override
  public void start() {
    super.start();
    STARTED.add(this);
  }

  @Override
  public void stop() {
    STARTED.remove(this);
    super.stop();
  }

  private final class Counted extends UnsynchronizedAppenderBase<ILoggingEvent> {

    private final Appender<ILoggingEvent> target;

    Counted(Appender<ILoggingEvent> target) {
      this.target = target;
    }

    @Override
    protected void append(ILoggingEvent event) {
      target.doAppend(event);
      written.incrementAndGet();
    }

    @Override
    public void stop() {
      target.stop();
      super.stop();
    }
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
