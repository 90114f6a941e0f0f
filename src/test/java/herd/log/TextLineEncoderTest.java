package herd.log;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The encoder writes, byte for byte, what the pattern it stands for writes through Logback's own layout. */
class TextLineEncoderTest {

  private final LoggerContext context = new LoggerContext();

  /** Logback's own layout of the pattern the encoder stands for. */
  static PatternLayout layout(LoggerContext context) {
    PatternLayout layout = new PatternLayout();
    layout.setContext(context);
    layout.getInstanceConverterMap().put("topic", TopicConverter::new);
    layout.getInstanceConverterMap().put("cause", OneLineThrowableConverter::new);
    layout.setPattern(TextLineEncoder.PATTERN);
    layout.start();
    return layout;
  }

  private LoggingEvent event(String logger, Level level, long millis, Throwable error, String message,
      Object... args) {
    LoggingEvent event = new LoggingEvent(TextLineEncoderTest.class.getName(), context.getLogger(logger), level,
        message, error, args);
    event.setTimeStamp(millis);
    return event;
  }

  @Test
  void writesWhatThePatternWrites() {
    Random random = new Random(42);
    List<LoggingEvent> events = new ArrayList<>();
    String[] loggers = {"herd.wire.Goloman", "herd.node.Hands", "herd.places.Holiday", "herd.metrics.Welsh",
        "herd.calc.Wilkes", "herd", "io.vertx.core.impl.ContextImpl"};
    Level[] levels = {Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR};
    for (int i = 0; i < 2_000; i++) {
      long millis = 1_700_000_000_000L + random.nextInt(5_000) * (random.nextBoolean() ? 1L : 999_983L);
      Throwable error = i % 7 == 0 ? new IllegalStateException("outer", new java.io.IOException("disk full")) : null;
      events.add(event(loggers[i % loggers.length], levels[i % levels.length], millis, error,
          "{}", WireText.of(WireText.heading("herd conn=" + i + " 127.0.0.1:4" + i + " <-"),
              Buffer.buffer(randomLine(random)), 256)));
    }
    events.add(event("herd.node.Goloman", Level.INFO, 0, new RuntimeException(), "no message"));
    events.add(event("herd.node.Goloman", Level.WARN, 999, null, "{} left, {}", 3, null));

    PatternLayout layout = layout(context);
    TextLineEncoder encoder = new TextLineEncoder();
    for (LoggingEvent event : events) {
      assertThat(new String(encoder.encode(event), StandardCharsets.UTF_8)).isEqualTo(layout.doLayout(event));
    }
  }

  @Test
  void writesUtf8WhateverThePlatformCharset() {
    byte[] line = new TextLineEncoder().encode(event("herd.node.Goloman", Level.INFO, 0, null, "café ☕"));
    assertThat(new String(line, StandardCharsets.UTF_8)).endsWith(" INFO  node   café ☕" + System.lineSeparator());
  }

  private static byte[] randomLine(Random random) {
    byte[] line = new byte[random.nextInt(300)];
    for (int i = 0; i < line.length; i++) {
      line[i] = (byte) (random.nextInt(4) == 0 ? random.nextInt(256) : 'a' + random.nextInt(26));
    }
    return line;
  }
}
