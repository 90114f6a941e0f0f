package herd.log;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * One node's log file. Every logger a node's components use is named {@code node.<name>.<topic>} and writes to
 * that node's file only, so several nodes in one JVM (as in the herd tests) keep separate logs. Events are written
 * by a background thread, so an event loop never waits on the disk; none is dropped (a full queue blocks instead).
 * The file is written through a buffer flushed every {@value #FLUSH_MILLIS} ms rather than after every event: at
 * tens of thousands of lines a second a system call per line would cost more than the protocol itself.
 */
public final class NodeLogs {

  private static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %-6logger{0} %msg%n";
  private static final long FLUSH_MILLIS = 100;
  private static final ScheduledExecutorService FLUSHER = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "herd-log-flusher");
    thread.setDaemon(true);
    return thread;
  });

  private final String prefix;
  private final AsyncAppender appender;
  private final ScheduledFuture<?> flushing;

  private NodeLogs(String prefix, AsyncAppender appender, FileAppender<ILoggingEvent> file) {
    this.prefix = prefix;
    this.appender = appender;
    this.flushing = FLUSHER.scheduleWithFixedDelay(() -> flush(file), FLUSH_MILLIS, FLUSH_MILLIS,
        TimeUnit.MILLISECONDS);
  }

  private static void flush(FileAppender<ILoggingEvent> file) {
    OutputStream out = file.getOutputStream();
    if (out != null) {
      try {
        out.flush();
      } catch (IOException e) {
        // the appender reports write failures itself; the next flush tries again
      }
    }
  }

  public static NodeLogs open(String nodeName, Path file) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    FileAppender<ILoggingEvent> appender = new FileAppender<>();
    appender.setContext(context);
    appender.setName("node-" + nodeName);
    appender.setFile(file.toString());
    appender.setAppend(true);
    appender.setEncoder(encoder);
    appender.setImmediateFlush(false);
    appender.setBufferSize(new FileSize(64 * 1024));
    appender.start();
    if (!appender.isStarted()) {
      throw new IllegalStateException("cannot write the log file " + file);
    }
    AsyncAppender async = new AsyncAppender();
    async.setContext(context);
    async.setName("node-" + nodeName + "-async");
    async.setQueueSize(8192);
    async.setDiscardingThreshold(0);
    async.setNeverBlock(false);
    async.addAppender(appender);
    async.start();
    String prefix = "node." + nodeName;
    Logger root = context.getLogger(prefix);
    root.detachAndStopAllAppenders();
    root.addAppender(async);
    root.setAdditive(false);
    return new NodeLogs(prefix, async, appender);
  }

  public org.slf4j.Logger logger(String topic) {
    return LoggerFactory.getLogger(prefix + "." + topic);
  }

  public void close() {
    flushing.cancel(false);
    ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(prefix).detachAppender(appender);
    appender.stop();
  }
}
