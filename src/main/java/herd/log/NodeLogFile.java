package herd.log;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.sift.AbstractDiscriminator;

/**
 * Sorts a node's events into its own log file, for a {@code SiftingAppender}: the value is the file its config
 * names ({@code logFile}), found from the node's name at the end of the logger's name. Several nodes in one JVM (the
 * tests) so keep separate files, without the MDC, which cannot tell nodes apart on shared event-loop threads.
 */
public final class NodeLogFile extends AbstractDiscriminator<ILoggingEvent> {

  private String key = "logFile";

  @Override
  public String getDiscriminatingValue(ILoggingEvent event) {
    return NodeLogs.fileOf(event.getLoggerName());
  }

  @Override
  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }
}
