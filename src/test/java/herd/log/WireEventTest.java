package herd.log;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.spi.FilterReply;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;

/** A wire event is what {@code log.info("{}", text)} would log, and the text encoder writes it as the pattern does. */
class WireEventTest {

  private final LoggerContext context = new LoggerContext();
  private final Logger logger = context.getLogger("herd.wire.Goloman");
  private final ListAppender<ILoggingEvent> appended = new ListAppender<>();

  WireEventTest() {
    appended.setContext(context);
    appended.start();
    logger.addAppender(appended);
  }

  private static WireText text(String line) {
    return WireText.of(WireText.heading("herd conn=3 127.0.0.1:4000 <-"), Buffer.buffer(line), 256);
  }

  @Test
  void isWhatInfoWouldLog() {
    WireEvent.info(logger, text("IAMAT kiwi\u001b +1+2 1.5\nmore"));
    logger.info("{}", text("IAMAT kiwi\u001b +1+2 1.5\nmore"));

    ILoggingEvent wire = appended.list.get(0);
    ILoggingEvent plain = appended.list.get(1);
    assertThat(wire).isInstanceOf(WireEvent.class);
    assertThat(wire.getFormattedMessage()).isEqualTo(plain.getFormattedMessage())
        .isEqualTo("herd conn=3 127.0.0.1:4000 <- \"IAMAT kiwi\\x1b +1+2 1.5\\n\" +4 bytes");
    assertThat(wire.getLevel()).isEqualTo(plain.getLevel());
    assertThat(wire.getLoggerName()).isEqualTo(plain.getLoggerName());
    assertThat(wire.getThreadName()).isEqualTo(plain.getThreadName());
  }

  @Test
  void theTextEncoderWritesItAsThePatternDoes() {
    WireEvent.info(logger, text("AT Goloman +0.5 kiwi +1+2 1.5\n"));
    ILoggingEvent wire = appended.list.get(0);
    assertThat(new String(new TextLineEncoder().encode(wire), StandardCharsets.UTF_8))
        .isEqualTo(TextLineEncoderTest.layout(context).doLayout(wire));
  }

  @Test
  void obeysTheLevel() {
    logger.setLevel(Level.WARN);
    WireEvent.info(logger, text("IAMAT"));
    assertThat(appended.list).isEmpty();
  }

  @Test
  void obeysTurboFilters() {
    context.addTurboFilter(verdict(FilterReply.DENY));
    WireEvent.info(logger, text("IAMAT"));
    assertThat(appended.list).isEmpty();

    context.resetTurboFilterList();
    logger.setLevel(Level.WARN);
    context.addTurboFilter(verdict(FilterReply.ACCEPT));
    WireEvent.info(logger, text("IAMAT"));
    assertThat(appended.list).hasSize(1);
  }

  private static TurboFilter verdict(FilterReply reply) {
    TurboFilter filter = new TurboFilter() {
      @Override
      public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
          Throwable t) {
        return reply;
      }
    };
    filter.start();
    return filter;
  }
}
