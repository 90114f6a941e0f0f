package herd.log;

import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * Prints an exception as {@code ": <root cause message>"} on the same line, so that a node that cannot start says
 * why in one line rather than a stack trace.
 */
public final class OneLineThrowableConverter extends ThrowableHandlingConverter {

  @Override
  public String convert(ILoggingEvent event) {
    return oneLine(event.getThrowableProxy());
  }

  /** {@code ": <root cause message>"}, or nothing for no exception. */
  static String oneLine(IThrowableProxy error) {
    if (error == null) {
      return "";
    }
    while (error.getCause() != null) {
      error = error.getCause();
    }
    String message = error.getMessage();
    return ": " + (message == null ? error.getClassName() : message);
  }
}
