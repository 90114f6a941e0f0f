package herd.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.TurboFilterList;
import ch.qos.logback.core.spi.FilterReply;

/**
 * A wire line's log event. Logback makes every event ready for another thread by formatting its message into a
 * string, at once; a wire line's message is only formatted if a layout asks for it, from its {@link WireText}, whose
 * bytes never change, and the text encoder writes those bytes without a string of them at all.
 */
public final class WireEvent extends LoggingEvent {

  private static final String FQCN = WireEvent.class.getName();
  private static final String MESSAGE = "{}";

  private WireEvent(Logger logger, WireText text) {
    super(FQCN, logger, Level.INFO, MESSAGE, null, new Object[] {text});
  }

  /** Logs {@code text} at INFO as {@code log.info("{}", text)} would (turbo filters and levels alike). */
  public static void info(org.slf4j.Logger log, WireText text) {
    if (!(log instanceof Logger logback)) {
      log.info(MESSAGE, text);
      return;
    }
    TurboFilterList filters = logback.getLoggerContext().getTurboFilterList();
    FilterReply reply = filters.isEmpty() ? FilterReply.NEUTRAL
        : filters.getTurboFilterChainDecision(null, logback, Level.INFO, MESSAGE, new Object[] {text}, null);
    if (reply == FilterReply.ACCEPT || reply == FilterReply.NEUTRAL && logback.isInfoEnabled()) {
      logback.callAppenders(new WireEvent(logback, text));
    }
  }

  WireText text() {
    return (WireText) getArgumentArray()[0];
  }

  @Override
  public void prepareForDeferredProcessing() {
    getThreadName();
    getMDCPropertyMap();
  }
}
