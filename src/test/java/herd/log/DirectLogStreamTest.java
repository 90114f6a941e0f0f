package herd.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.core.ContextBase;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DirectLogStreamTest {

  /** Under target, not /tmp: the project's own file system, the one a node's logs are likely to be on. */
  private Path dir;
  private final List<String> warnings = new ArrayList<>();

  @BeforeEach
  void makeDir() throws IOException {
    dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "direct-log-test")), "t");
  }

  @AfterEach
  void removeDir() throws IOException {
    try (var files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    Files.delete(dir);
  }

  private DirectLogStream open(File file, boolean append, int bufferSize) {
    DirectLogStream stream = DirectLogStream.open(file, append, bufferSize, new ContextBase(), warnings::add);
    assumeTrue(stream != null, "this file system does not take direct writes");
    return stream;
  }

  private record Failing(DirectLogStream stream, FailingChannel channel) {
  }

  private Failing openFailing(File file) {
    FailingChannel[] channel = new FailingChannel[1];
    DirectLogStream stream = DirectLogStream.open(file, false, 8192, new ContextBase(), warnings::add,
        opened -> channel[0] = new FailingChannel(opened));
    assumeTrue(stream != null, "this file system does not take direct writes");
    return new Failing(stream, channel[0]);
  }

  @Test
  void theFileHoldsExactlyWhatWasWrittenAfterEveryFlush() throws IOException {
    File file = dir.resolve("node.log").toFile();
    Random random = new Random(42);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    try (DirectLogStream stream = open(file, false, 8192)) {
      for (int line = 0; line < 3000; line++) {
        String text = "line " + line + " " + "x".repeat(random.nextInt(300)) + "\n";
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        stream.write(bytes, 0, bytes.length);
        expected.write(bytes);
        if (random.nextInt(50) == 0) {
          stream.flush();
          assertThat(Files.readAllBytes(file.toPath())).isEqualTo(expected.toByteArray());
        }
      }
    }
    assertThat(expected.size()).isGreaterThan(50 * 8192);
    assertThat(Files.readAllBytes(file.toPath())).isEqualTo(expected.toByteArray());
    assertThat(warnings).isEmpty();
  }

  @Test
  void afterAFailedWriteTheFileGoesOnThroughThePageCacheWithNothingLostOrDoubled() throws IOException {
    File file = dir.resolve("node.log").toFile();
    Failing failing = openFailing(file);
    DirectLogStream stream = failing.stream();
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    for (int line = 0; line < 2000; line++) {
      if (line == 700) {
        stream.flush();
        failing.channel().failFromNowOn();
      }
      byte[] bytes = ("line " + line + " of the log\n").getBytes(StandardCharsets.US_ASCII);
      stream.write(bytes, 0, bytes.length);
      expected.write(bytes);
      if (line == 1500) {
        stream.flush();
        assertThat(Files.readAllBytes(file.toPath())).isEqualTo(expected.toByteArray());
      }
    }
    stream.close();

    assertThat(Files.readAllBytes(file.toPath())).isEqualTo(expected.toByteArray());
    assertThat(warnings).singleElement().asString().contains("No space left on device")
        .contains("writing through the page cache instead");
  }

  @Test
  void aFlushThatFailsHandsItsBytesOverFlushed() throws IOException {
    File file = dir.resolve("node.log").toFile();
    Failing failing = openFailing(file);
    DirectLogStream stream = failing.stream();
    stream.write("first line\n".getBytes(StandardCharsets.US_ASCII));
    stream.flush();
    stream.write("second line\n".getBytes(StandardCharsets.US_ASCII));
    failing.channel().failFromNowOn();
    stream.flush();
    assertThat(Files.readString(file.toPath())).isEqualTo("first line\nsecond line\n");
    stream.write("third line\n".getBytes(StandardCharsets.US_ASCII));
    stream.close();

    assertThat(Files.readString(file.toPath())).isEqualTo("first line\nsecond line\nthird line\n");
    assertThat(warnings).hasSize(1);
  }

  @Test
  void aFlushWithNothingNewLeavesTheFileAlone() throws IOException {
    File file = dir.resolve("node.log").toFile();
    try (DirectLogStream stream = open(file, false, 4096)) {
      stream.write("one line\n".getBytes(StandardCharsets.US_ASCII));
      stream.flush();
      long modified = file.lastModified();
      Files.setLastModifiedTime(file.toPath(), java.nio.file.attribute.FileTime.fromMillis(modified - 60_000));
      stream.flush();
      assertThat(file.lastModified()).isEqualTo(modified - 60_000);
    }
    assertThat(Files.readString(file.toPath())).isEqualTo("one line\n");
  }

  @Test
  void appendingRewritesTheLastPartialBlockWithTheNewBytesAfterIt() throws IOException {
    Path path = dir.resolve("node.log");
    String before = "earlier run\n".repeat(500);
    Files.writeString(path, before);
    assertThat(before.length() % 4096).isNotZero();
    try (DirectLogStream stream = open(path.toFile(), true, 4096)) {
      stream.write("after the restart\n".repeat(1000).getBytes(StandardCharsets.US_ASCII));
    }
    assertThat(Files.readString(path)).isEqualTo(before + "after the restart\n".repeat(1000));
  }

  @Test
  void withoutAppendAnOldFileIsEmptied() throws IOException {
    Path path = dir.resolve("node.log");
    Files.writeString(path, "old\n".repeat(5000));
    try (DirectLogStream stream = open(path.toFile(), false, 4096)) {
      stream.write("new\n".getBytes(StandardCharsets.US_ASCII));
    }
    assertThat(Files.readString(path)).isEqualTo("new\n");
  }
}
