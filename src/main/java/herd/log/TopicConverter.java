package herd.log;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %topic}: the topic of a node's logger ({@code wire} of {@code herd.wire.Goloman}), else the logger's name. */
public final class TopicConverter extends ClassicConverter {

  @Override
  public String convert(ILoggingEvent event) {
    return NodeLogs.topic(event.getLoggerName());
  }
}
