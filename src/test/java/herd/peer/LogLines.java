package herd.peer;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;

/** A logger of its own for one test node, whose lines the test can read back. */
final class LogLines {

  private static final AtomicInteger LOGGERS = new AtomicInteger();

  private final Logger logger;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  LogLines(String name) {
    logger = (Logger) LoggerFactory.getLogger("peer-test." + name + "." + LOGGERS.incrementAndGet());
    appender.start();
    logger.addAppender(appender);
  }

  org.slf4j.Logger logger() {
    return logger;
  }

  /** The formatted lines so far; the appender appends under its own lock. */
  List<String> lines() {
    synchronized (appender) {
      return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
  }

  long count(String fragment) {
    return lines().stream().filter(line -> line.contains(fragment)).count();
  }
}
