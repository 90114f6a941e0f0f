package herd.log;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's {@link AsyncAppender}, less the formatting of each message on the thread that logs it: the event loop
 * only queues the event, and the appender's own thread formats it (escaping client bytes, see {@link WireText})
 * when it writes it. Arguments must therefore not change once logged; the thread's name is taken at once.
 */
public final class BackgroundAppender extends AsyncAppender {

  @Override
  protected void preprocess(ILoggingEvent event) {
    event.getThreadName();
    event.getMDCPropertyMap();
  }
}
