package herd.log;

import ch.qos.logback.classic.ClassicConstants;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.sift.SiftingAppender;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.pattern.DynamicConverter;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;
import ch.qos.logback.core.util.Loader;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import net.logstash.logback.encoder.LogstashEncoder;

/**
 * The nodes' logging when nothing else is given, set up in code: exactly what the jar's {@code herd/log/logback.xml}
 * describes (a test holds the two together), without parsing XML, which took a tenth of the CPU a node needs to
 * open its ports.
 * Logback's own choices come first: with {@code -Dlogback.configurationFile}, or a {@code logback-test.xml} or
 * {@code logback.xml} on the class path, Logback configures itself from that file. Registered as a service, which
 * Logback asks before its XML configurator.
 */
public final class DefaultLogConfigurator extends ContextAwareBase implements Configurator {

  private static final String CONSOLE_PATTERN = "%d{HH:mm:ss.SSS} %-5level %msg%cause%n";
  /**
   * Warns when a gauge is registered again, which Vert.x's metrics do on purpose for each connection's gauges
   * (vertx-micrometer-metrics#259, micrometer#6931): a warning at every start, about nothing.
   */
  private static final String MICROMETER_REGISTRY = "io.micrometer.core.instrument.MeterRegistry";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty(ClassicConstants.CONFIG_FILE_PROPERTY) != null || onClassPath("logback-test.xml")
        || onClassPath("logback.xml")) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    setContext(context);
    Map<String, Supplier<DynamicConverter>> conversions = new HashMap<>();
    conversions.put("cause", OneLineThrowableConverter::new);
    conversions.put("topic", TopicConverter::new);
    context.putObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, conversions);

    BackgroundAppender nodes = new BackgroundAppender();
    nodes.setQueueSize(8192);
    nodes.addAppender(start(nodeFiles(), "format"));
    Level topics = level("herd.log.level", Level.INFO);
    Logger herd = logger(context, "herd", topics);
    herd.setAdditive(false);
    herd.addAppender(start(nodes, "nodes"));
    logger(context, "herd.wire", level("herd.log.wire", topics));
    logger(context, "io.netty", Level.WARN);
    logger(context, MICROMETER_REGISTRY, Level.ERROR);
    logger(context, org.slf4j.Logger.ROOT_LOGGER_NAME, Level.INFO).addAppender(start(console(), "console"));
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  private boolean onClassPath(String resource) {
    return Loader.getResource(resource, Loader.getClassLoaderOfObject(this)) != null;
  }

  private ConsoleAppender<ILoggingEvent> console() {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setPattern(CONSOLE_PATTERN);
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setTarget("System.err");
    console.setEncoder(start(encoder));
    return console;
  }

  /** Each node's events in the file its config names, rolled by size and day. */
  private SiftingAppender nodeFiles() {
    String format = System.getProperty("herd.log.format", "text");
    if (!format.equals("text") && !format.equals("json")) {
      addWarn("herd.log.format is text or json, not \"" + format + "\": writing text");
      format = "text";
    }
    Supplier<Encoder<ILoggingEvent>> encoder = format.equals("json") ? LogstashEncoder::new : TextLineEncoder::new;
    String prefix = format + "-";
    boolean directIo = Boolean.parseBoolean(System.getProperty("herd.log.directIo", "true"));
    FileSize maxFileSize = property("herd.log.maxFileSize", "50MB", FileSize::valueOf);
    int maxHistory = property("herd.log.maxHistory", "7", Integer::valueOf);
    FileSize totalSizeCap = property("herd.log.totalSizeCap", "1GB", FileSize::valueOf);
    String rolledSuffix = System.getProperty("herd.log.rolledSuffix", "");

    SiftingAppender sift = new SiftingAppender();
    NodeLogFile discriminator = new NodeLogFile();
    discriminator.start();
    sift.setDiscriminator(discriminator);
    sift.setAppenderFactory((context, logFile) -> {
      BatchedFileAppender<ILoggingEvent> file = new BatchedFileAppender<>();
      file.setContext(context);
      file.setName(prefix + logFile);
      file.setFile(logFile);
      file.setBufferSize(FileSize.valueOf("256KB"));
      file.setDirectIo(directIo);
      SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
      rolling.setContext(context);
      rolling.setParent(file);
      rolling.setFileNamePattern(logFile + ".%d{yyyy-MM-dd}.%i" + rolledSuffix);
      rolling.setMaxFileSize(maxFileSize);
      rolling.setMaxHistory(maxHistory);
      rolling.setTotalSizeCap(totalSizeCap);
      rolling.start();
      file.setRollingPolicy(rolling);
      Encoder<ILoggingEvent> lines = encoder.get();
      lines.setContext(context);
      lines.start();
      file.setEncoder(lines);
      file.start();
      return file;
    });
    return sift;
  }

  private Level level(String property, Level otherwise) {
    String value = System.getProperty(property);
    if (value == null) {
      return otherwise;
    }
    Level level = Level.toLevel(value, null);
    if (level == null) {
      addWarn(property + " is not a level: \"" + value + "\", using " + otherwise);
      return otherwise;
    }
    return level;
  }

  private <T> T property(String property, String otherwise, Function<String, T> parse) {
    String value = System.getProperty(property, otherwise);
    try {
      return parse.apply(value);
    } catch (IllegalArgumentException e) {
      addWarn(property + " cannot be \"" + value + "\", using " + otherwise);
      return parse.apply(otherwise);
    }
  }

  private Logger logger(LoggerContext context, String name, Level level) {
    Logger logger = context.getLogger(name);
    logger.setLevel(level);
    return logger;
  }

  private <A extends Appender<ILoggingEvent>> A start(A appender, String name) {
    appender.setContext(getContext());
    appender.setName(name);
    appender.start();
    return appender;
  }

  private <E extends Encoder<ILoggingEvent>> E start(E encoder) {
    encoder.setContext(getContext());
    encoder.start();
    return encoder;
  }
}
