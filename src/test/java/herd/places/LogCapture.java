package herd.places;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Collects the formatted lines logged to one logger, to check what a log would show. */
public final class LogCapture {

  private final Logger logger;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  public LogCapture(String name) {
    logger = (Logger) LoggerFactory.getLogger(name);
    appender.start();
    logger.addAppender(appender);
  }

  public org.slf4j.Logger logger() {
    return logger;
  }

  public List<String> lines() {
    return appender.list.stream().map(event -> event.getLevel() + " " + event.getFormattedMessage()).toList();
  }
}
