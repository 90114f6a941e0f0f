package herd.log;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackgroundAppenderTest {

  private final LoggerContext context = new LoggerContext();
  private final List<String> written = Collections.synchronizedList(new ArrayList<>());
  private final List<String> writingThreads = Collections.synchronizedList(new ArrayList<>());
  private final BackgroundAppender background = new BackgroundAppender();

  /** A slow appender behind the background one: each event takes a millisecond to write. */
  private final class SlowList extends AppenderBase<ILoggingEvent> {
    @Override
    protected void append(ILoggingEvent event) {
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      written.add(event.getFormattedMessage());
      writingThreads.add(Thread.currentThread().getName());
    }
  }

  private Logger logger(int queueSize) {
    context.setMDCAdapter(new LogbackMDCAdapter());
    SlowList slow = new SlowList();
    slow.setContext(context);
    slow.start();
    background.setContext(context);
    background.setQueueSize(queueSize);
    background.addAppender(slow);
    background.start();
    Logger logger = context.getLogger("herd.test");
    logger.setLevel(Level.INFO);
    logger.addAppender(background);
    return logger;
  }

  @AfterEach
  void stop() {
    background.stop();
    context.stop();
  }

  @Test
  void eventsAreWrittenInOrderOnTheWritersThreadAndAwaitedOnStop() {
    Logger logger = logger(8192);

    IntStream.range(0, 200).forEach(i -> logger.info("line {}", i));
    BackgroundAppender.awaitWritten(10_000);

    assertThat(written).containsExactlyElementsOf(IntStream.range(0, 200).mapToObj(i -> "line " + i).toList());
    assertThat(writingThreads).containsOnly("herd-log-writer");
  }

  @Test
  void aFullQueueMakesTheLoggerWaitRatherThanDropEvents() {
    Logger logger = logger(2);

    long started = System.nanoTime();
    IntStream.range(0, 100).forEach(i -> logger.info("line {}", i));
    long loggingMillis = (System.nanoTime() - started) / 1_000_000;
    BackgroundAppender.awaitWritten(10_000);

    assertThat(written).hasSize(100).startsWith("line 0").endsWith("line 99");
    // with room for two events, the logger could only go as fast as the slow appender (a millisecond each)
    assertThat(loggingMillis).isGreaterThanOrEqualTo(90);
  }

  @Test
  void whatIsQueuedWhenItStopsIsStillWritten() {
    Logger logger = logger(8192);

    IntStream.range(0, 50).forEach(i -> logger.info("line {}", i));
    background.stop();

    assertThat(written).hasSize(50);
  }
}
