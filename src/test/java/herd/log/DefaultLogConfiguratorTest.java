package herd.log;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.sift.SiftingAppender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.status.Status;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nodes' logging set up in code is the jar's {@code herd/log/logback.xml}, setting for setting. */
class DefaultLogConfiguratorTest {

  private static final List<String> PROPERTIES = List.of("herd.log.format", "herd.log.level", "herd.log.wire",
      "herd.log.maxFileSize", "herd.log.maxHistory", "herd.log.totalSizeCap", "herd.log.rolledSuffix",
      "herd.log.directIo");

  @TempDir
  Path dir;

  private final List<LoggerContext> contexts = new ArrayList<>();

  @AfterEach
  void stopContextsAndClearProperties() {
    contexts.forEach(LoggerContext::stop);
    PROPERTIES.forEach(System::clearProperty);
  }

  @Test
  void byDefaultTheCodeSetsUpWhatTheXmlDescribes() throws Exception {
    assertThat(sameInCodeAsInXml())
        .contains("BatchedFileAppender text-", "TextLineEncoder", "maxFileSize=50 MB", "directIo=true");
  }

  @Test
  void everyPropertyAdjustsTheCodeAsItAdjustsTheXml() throws Exception {
    System.setProperty("herd.log.format", "json");
    System.setProperty("herd.log.level", "WARN");
    System.setProperty("herd.log.wire", "DEBUG");
    System.setProperty("herd.log.maxFileSize", "10MB");
    System.setProperty("herd.log.maxHistory", "3");
    System.setProperty("herd.log.totalSizeCap", "200MB");
    System.setProperty("herd.log.rolledSuffix", ".gz");
    System.setProperty("herd.log.directIo", "false");
    assertThat(sameInCodeAsInXml())
        .contains("BatchedFileAppender json-", "LogstashEncoder", "maxHistory=3", "herd.wire DEBUG");
  }

  @Test
  void theWireLevelFollowsTheLevelOfEveryTopicUnlessSet() throws Exception {
    System.setProperty("herd.log.level", "ERROR");
    assertThat(sameInCodeAsInXml()).contains("herd.wire ERROR");
  }

  @Test
  void valuesItCannotUseAreNamedAndTheDefaultsTaken() throws Exception {
    System.setProperty("herd.log.format", "yaml");
    System.setProperty("herd.log.level", "LOUD");
    System.setProperty("herd.log.maxFileSize", "big");
    LoggerContext context = inCode();
    assertThat(warnings(context)).containsExactlyInAnyOrder(
        "herd.log.level is not a level: \"LOUD\", using INFO",
        "herd.log.format is text or json, not \"yaml\": writing text",
        "herd.log.maxFileSize cannot be \"big\", using 50MB");
    PROPERTIES.forEach(System::clearProperty);
    assertThat(describe(context)).isEqualTo(describe(inCode()));
  }

  /** The description of the configuration in code, once it is found to be that of the XML. */
  private String sameInCodeAsInXml() throws Exception {
    String code = describe(inCode());
    assertThat(code).isEqualTo(describe(fromXml()));
    return code;
  }

  private LoggerContext inCode() {
    LoggerContext context = context();
    assertThat(new DefaultLogConfigurator().configure(context))
        .isEqualTo(DefaultLogConfigurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
    return context;
  }

  private LoggerContext fromXml() throws Exception {
    LoggerContext context = context();
    JoranConfigurator joran = new JoranConfigurator();
    joran.setContext(context);
    joran.doConfigure(getClass().getResource("/herd/log/logback.xml"));
    assertThat(warnings(context)).isEmpty();
    return context;
  }

  private static List<String> warnings(LoggerContext context) {
    return context.getStatusManager().getCopyOfStatusList().stream().filter(status -> status.getLevel() >= Status.WARN)
        .map(Status::getMessage).toList();
  }

  private LoggerContext context() {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    contexts.add(context);
    return context;
  }

  /** Every logger the configuration sets, its appenders and theirs, and what each encoder makes of one event. */
  private String describe(LoggerContext context) throws Exception {
    StringBuilder text = new StringBuilder();
    Map<String, Supplier<?>> conversions = new TreeMap<>(
        (Map<String, Supplier<?>>) context.getObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS));
    conversions.forEach((word, converter) ->
        text.append("%").append(word).append(' ').append(converter.get().getClass().getName()).append('\n'));
    for (Logger logger : context.getLoggerList()) {
      if (logger.getLevel() == null && !logger.iteratorForAppenders().hasNext()) {
        continue;
      }
      text.append(logger.getName()).append(' ').append(logger.getLevel()).append(" additive=")
          .append(logger.isAdditive()).append('\n');
      describeAppenders(logger, "  ", text);
    }
    return text.toString();
  }

  private void describeAppenders(AppenderAttachable<ILoggingEvent> parent, String indent, StringBuilder text)
      throws Exception {
    for (var appenders = parent.iteratorForAppenders(); appenders.hasNext(); ) {
      describe(appenders.next(), indent, text);
    }
  }

  private void describe(Appender<ILoggingEvent> appender, String indent, StringBuilder text) throws Exception {
    text.append(indent).append(appender.getClass().getSimpleName()).append(' ')
        .append(appender.getName().replace(dir.toString(), "DIR")).append(" started=").append(appender.isStarted());
    if (appender instanceof BackgroundAppender background) {
      text.append(" queueSize=").append(field(background, "queueSize")).append('\n');
      describeAppenders(background, indent + "  ", text);
    } else if (appender instanceof SiftingAppender sift) {
      text.append(" discriminator=").append(sift.getDiscriminator().getClass().getName()).append('\n');
      String file = dir.resolve("node.log").toString();
      describe(sift.getAppenderTracker().getOrCreate(file, 0), indent + "  ", text);
    } else if (appender instanceof ConsoleAppender<ILoggingEvent> console) {
      text.append(" target=").append(console.getTarget()).append('\n');
      describe(console.getEncoder(), indent + "  ", text);
    } else if (appender instanceof BatchedFileAppender<ILoggingEvent> file) {
      text.append(" file=").append(file.getFile().replace(dir.toString(), "DIR"))
          .append(" append=").append(file.isAppend())
          .append(" bufferSize=").append(field(file, FileAppender.class, "bufferSize"))
          .append(" directIo=").append(field(file, "directIo"))
          .append(" flushMillis=").append(field(file, "flushMillis")).append('\n');
      var rolling = (SizeAndTimeBasedRollingPolicy<ILoggingEvent>) file.getRollingPolicy();
      text.append(indent).append("  ").append(rolling.getClass().getSimpleName())
          .append(" fileNamePattern=").append(rolling.getFileNamePattern().replace(dir.toString(), "DIR"))
          .append(" compression=").append(rolling.getCompressionMode())
          .append(" maxFileSize=").append(field(rolling, "maxFileSize"))
          .append(" maxHistory=").append(rolling.getMaxHistory())
          .append(" totalSizeCap=").append(field(rolling, TimeBasedRollingPolicy.class, "totalSizeCap"))
          .append(" started=").append(rolling.isStarted()).append('\n');
      describe(file.getEncoder(), indent + "  ", text);
    } else {
      throw new AssertionError("an appender this test does not know: " + appender.getClass());
    }
  }

  private void describe(Encoder<ILoggingEvent> encoder, String indent, StringBuilder text) {
    text.append(indent).append(encoder.getClass().getName());
    if (encoder instanceof PatternLayoutEncoder pattern) {
      text.append(" pattern=").append(pattern.getPattern());
    }
    LoggingEvent event = new LoggingEvent(getClass().getName(), context().getLogger("herd.wire.Goloman"),
        Level.WARN, "a line", error(), null);
    event.setThreadName("vert.x-eventloop-thread-0");
    event.setTimeStamp(1_700_000_000_123L);
    text.append(" writes ").append(new String(encoder.encode(event), StandardCharsets.UTF_8)).append('\n');
  }

  /** An exception with a cause and the same (empty) stack wherever it is made. */
  private static Exception error() {
    RuntimeException root = new RuntimeException("root");
    IllegalStateException error = new IllegalStateException("outer", root);
    for (Exception each : List.of(root, error)) {
      each.setStackTrace(new StackTraceElement[0]);
    }
    return error;
  }

  private static Object field(Object owner, String name) throws Exception {
    return field(owner, owner.getClass(), name);
  }

  /** A setting Logback (or the appender) keeps without a getter. */
  private static Object field(Object owner, Class<?> declaring, String name) throws Exception {
    Field field = declaring.getDeclaredField(name);
    field.setAccessible(true);
    return field.get(owner);
  }
}
