package herd.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A node's log line, {@code 2026-11-24T13:51:53.177Z INFO  wire   <message>[: <root cause>]}: what the pattern
 * {@value #PATTERN} writes, in UTF-8, but put together as bytes from parts it keeps (the second's date and time, each
 * level and topic) instead of through a pattern layout and a string per line. A node logging every line in and out
 * writes hundreds of thousands of lines a second; an operator who wants another layout configures a pattern of their
 * own.
 */
public final class TextLineEncoder extends EncoderBase<ILoggingEvent> {

  static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %-6topic %msg%cause%n";

  private static final DateTimeFormatter DATE_AND_SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.");
  private static final DateTimeFormatter ZONE_OFFSET = DateTimeFormatter.ofPattern("XXX");
  private static final byte[] NEWLINE = System.lineSeparator().getBytes(StandardCharsets.US_ASCII);
  /** Each level's name padded to five, as {@code %-5level} writes it. */
  private static final Map<Level, byte[]> LEVELS = Stream.of(Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN,
      Level.ERROR).collect(Collectors.toMap(level -> level, level -> padded(level.toString(), 5)));

  private final ZoneId zone = ZoneId.systemDefault();
  private final Map<String, byte[]> topics = new ConcurrentHashMap<>();
  private long second = Long.MIN_VALUE;
  private byte[] dateAndSecond;
  private byte[] zoneOffset;

  @Override
  public byte[] headerBytes() {
    return null;
  }

  @Override
  public byte[] footerBytes() {
    return null;
  }

  @Override
  public synchronized byte[] encode(ILoggingEvent event) {
    long millis = event.getTimeStamp();
    stampSecond(Math.floorDiv(millis, 1000));
    byte[] level = LEVELS.get(event.getLevel());
    byte[] topic = topics.computeIfAbsent(event.getLoggerName(), TextLineEncoder::paddedTopic);
    byte[] message = event instanceof WireEvent wire ? wire.text().message()
        : event.getFormattedMessage().getBytes(StandardCharsets.UTF_8);
    byte[] cause = OneLineThrowableConverter.oneLine(event.getThrowableProxy()).getBytes(StandardCharsets.UTF_8);

    byte[] line = new byte[dateAndSecond.length + 3 + zoneOffset.length + 1 + level.length + 1 + topic.length + 1
        + message.length + cause.length + NEWLINE.length];
    int at = put(dateAndSecond, line, 0);
    int milli = (int) Math.floorMod(millis, 1000);
    line[at++] = (byte) ('0' + milli / 100);
    line[at++] = (byte) ('0' + milli / 10 % 10);
    line[at++] = (byte) ('0' + milli % 10);
    at = put(zoneOffset, line, at);
    line[at++] = ' ';
    at = put(level, line, at);
    line[at++] = ' ';
    at = put(topic, line, at);
    line[at++] = ' ';
    at = put(message, line, at);
    at = put(cause, line, at);
    put(NEWLINE, line, at);
    return line;
  }

  private void stampSecond(long epochSecond) {
    if (epochSecond != second) {
      Instant instant = Instant.ofEpochSecond(epochSecond);
      dateAndSecond = DATE_AND_SECOND.withZone(zone).format(instant).getBytes(StandardCharsets.US_ASCII);
      zoneOffset = ZONE_OFFSET.withZone(zone).format(instant).getBytes(StandardCharsets.US_ASCII);
      second = epochSecond;
    }
  }

  private static byte[] paddedTopic(String loggerName) {
    return padded(NodeLogs.topic(loggerName), 6);
  }

  private static byte[] padded(String text, int width) {
    StringBuilder out = new StringBuilder(text);
    while (out.length() < width) {
      out.append(' ');
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static int put(byte[] part, byte[] line, int at) {
    System.arraycopy(part, 0, line, at, part.length);
    return at + part.length;
  }
}
