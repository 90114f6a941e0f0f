package herd.script;

import static org.assertj.core.api.Assertions.assertThat;

import herd.testing.FreePorts;
import herd.testing.TcpClient;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/herd-node} with real processes, on a copy of target/herd.jar in a temporary directory (so that its
 * class-data archive, herd.jsa beside the copy, is the test's to spoil), and the build's care for that jar.
 */
class HerdNodeScriptIT {

  @TempDir
  Path dir;

  private Path jar;
  private String javaOpts = "-Xmx96m";
  private final List<Process> started = new ArrayList<>();

  @BeforeEach
  void copyTheJar() throws IOException {
    jar = dir.resolve("herd.jar");
    Files.copy(Path.of("target", "herd.jar"), jar, StandardCopyOption.COPY_ATTRIBUTES);
  }

  @AfterEach
  void stopNodes() throws InterruptedException {
    for (Process process : started) {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  @Test
  void startsANodeFromItsConfigAndAnswersIt() throws Exception {
    int port = startNode("Goloman");

    assertThat(TcpClient.exchange(port, "IAMAT script.node +1-1 1700000000\n"))
        .startsWith("AT Goloman +").endsWith(" script.node +1-1 1700000000\n");
  }

  @Test
  void createsTheArchiveOnRequestAndANodeUsesIt() throws Exception {
    assertThat(run(List.of("bin/herd-node", "--archive")).exitCode()).isZero();
    assertThat(archive()).isNotEmptyFile();

    Process node = start("Hands");

    assertThat(node.info().commandLine().orElse("")).contains("-XX:SharedArchiveFile=" + archive());
  }

  @Test
  void aFirstLaunchWritesTheArchiveWhenItExitsAndTheNextLaunchTakesIt() throws Exception {
    int port = startNode("Holiday");
    assertThat(TcpClient.exchange(port, "IAMAT a +1-1 1\n")).startsWith("AT Holiday +");
    stopNodes();
    started.clear();

    Process next = start("Holiday");

    assertThat(archive()).isNotEmptyFile();
    assertThat(next.info().commandLine().orElse("")).contains("-XX:SharedArchiveFile=" + archive());
  }

  @Test
  void anArchiveOverwrittenWithGarbageDoesNotStopANode() throws Exception {
    assertANodeStartsAfterSpoilingTheArchive("Welsh", file -> {
      byte[] garbage = new byte[(int) file.length()];
      new Random(1).nextBytes(garbage);
      file.seek(0);
      file.write(garbage);
    });
  }

  @Test
  void anArchiveWithGarbageInsideDoesNotStopANode() throws Exception {
    assertANodeStartsAfterSpoilingTheArchive("Wilkes", file -> {
      for (long at = 4096; at < file.length(); at += 1 << 20) {
        file.seek(at);
        file.write("garbage".getBytes(StandardCharsets.US_ASCII));
      }
    });
  }

  @Test
  void aTruncatedArchiveDoesNotStopANode() throws Exception {
    assertANodeStartsAfterSpoilingTheArchive("Goloman", file -> file.setLength(file.length() / 2));
  }

  private interface Spoiler {
    void spoil(RandomAccessFile archive) throws IOException;
  }

  private void assertANodeStartsAfterSpoilingTheArchive(String name, Spoiler spoiler) throws Exception {
    assertThat(run(List.of("bin/herd-node", "--archive")).exitCode()).isZero();
    assertThat(archive().toFile().setWritable(true)).as("the JVM writes the archive read-only").isTrue();
    try (RandomAccessFile file = new RandomAccessFile(archive().toFile(), "rw")) {
      spoiler.spoil(file);
    }

    int port = startNode(name);

    assertThat(TcpClient.exchange(port, "IAMAT a +1-1 1\n")).startsWith("AT " + name + " +");
  }

  @Test
  void aNodeThatCannotStartSaysWhyInOneLineAndExitsWith15() throws Exception {
    Path data = Files.createDirectories(dir.resolve("Foreign-data"));
    Files.writeString(data.resolve("notes.txt"), "not a store");
    Path conf = dir.resolve("Foreign.json");
    Files.writeString(conf, config("Foreign", FreePorts.next()).encodePrettily());

    Result result = run(List.of("bin/herd-node", conf.toString()));

    assertThat(result.exitCode()).isEqualTo(15);
    assertThat(result.output().lines().filter(line -> line.contains("ERROR")).toList()).singleElement().asString()
        .endsWith("ERROR Failed in deploying verticle: data directory " + data + " holds files but no herd store (no"
            + " RocksDB CURRENT file); move them away or point dataDir elsewhere");
  }

  /** Its ports open before it has restored its store: a stop then must not wait for a start that will not end. */
  @Test
  void aNodeAskedToStopAsSoonAsItsPortOpensStopsAtOnce() throws Exception {
    int port = FreePorts.next();
    Path conf = dir.resolve("Brief.json");
    Files.writeString(conf, config("Brief", port).encodePrettily());
    Process node = command(List.of("bin/herd-node", conf.toString()), Path.of("."))
        .redirectOutput(dir.resolve("Brief.out").toFile()).start();
    started.add(node);
    while (!answers(port) && node.isAlive()) {
      Thread.sleep(1);
    }

    node.destroy();

    assertThat(node.waitFor(20, TimeUnit.SECONDS)).as(output("Brief")).isTrue();
    assertThat(node.exitValue()).isEqualTo(143);
  }

  @Test
  void theLaunchersInstancesOptionIsRefusedInOneLine() throws Exception {
    Result result = run(List.of("bin/herd-node", config("Copied", FreePorts.next()).toString(), "-instances", "2"));

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output().lines().filter(line -> line.contains("ERROR")).toList()).singleElement().asString()
        .contains("-instances 2 would start 2 copies of this node").contains("set the config key \"instances\"");
    assertThat(result.output()).doesNotContain("cannot write the log file");
  }

  @Test
  void anOperatorsLogbackFileReplacesTheNodesOwnLogging() throws Exception {
    Path logback = dir.resolve("operator-logback.xml");
    Files.writeString(logback, """
        <configuration>
          <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
            <encoder><pattern>OPERATOR %logger %msg%n</pattern></encoder>
          </appender>
          <root level="INFO"><appender-ref ref="out"/></root>
        </configuration>
        """);
    javaOpts = "-Xmx96m -Dlogback.configurationFile=" + logback;

    startNode("Opera");

    assertThat(output("Opera")).contains("OPERATOR herd.places.Opera provider offline (GeoNames gazetteer)");
    assertThat(dir.resolve("Opera.log")).isEmptyFile();
  }

  @Test
  void theJarsLogbackXmlLogsAsTheNodesDoWithoutIt() throws Exception {
    javaOpts = "-Xmx96m -Dlogback.configurationFile=herd/log/logback.xml";

    startNode("Xml");

    assertThat(onceItContains(dir.resolve("Xml.log"), "provider")).containsPattern(
        "(?m)^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z INFO  places provider offline");
    assertThat(onceItContains(dir.resolve("Xml.out"), "serving on")).containsPattern(
        "(?m)^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  Xml serving on 127\\.0\\.0\\.1:");
  }

  /** A second package of unchanged sources leaves the jar (and so the nodes on it and its archive) alone. */
  @Test
  void aSecondPackageOfUnchangedSourcesLeavesTheJarAlone() throws Exception {
    Path project = dir.resolve("project");
    copyTree(Path.of("src", "main"), project.resolve("src").resolve("main"));
    Files.copy(Path.of("pom.xml"), project.resolve("pom.xml"));
    List<String> mvn = List.of("mvn", "-B", "-ntp", "-q", "-Dmaven.test.skip=true", "package");
    Result first = run(mvn, project);
    assertThat(first.exitCode()).as(first.output()).isZero();
    Path built = project.resolve("target").resolve("herd.jar");
    BasicFileAttributes before = Files.readAttributes(built, BasicFileAttributes.class);

    Result second = run(mvn, project);

    assertThat(second.exitCode()).as(second.output()).isZero();
    assertThat(second.output()).doesNotContain("WARNING");
    BasicFileAttributes after = Files.readAttributes(built, BasicFileAttributes.class);
    assertThat(after.fileKey()).isEqualTo(before.fileKey());
    assertThat(after.lastModifiedTime()).isEqualTo(before.lastModifiedTime());
    assertThat(project.resolve("target").resolve("herd.jar.new")).doesNotExist();
  }

  private Path archive() throws IOException {
    return dir.toRealPath().resolve("herd.jsa");
  }

  private JsonObject config(String name, int port) {
    return new JsonObject().put("name", name).put("port", port).put("instances", 1)
        .put("logFile", dir.resolve(name + ".log").toString()).put("dataDir", dir.resolve(name + "-data").toString());
  }

  /** Starts a node on a free port and returns the port once it answers. */
  private int startNode(String name) throws Exception {
    int port = FreePorts.next();
    start(name, port);
    return port;
  }

  private Process start(String name) throws Exception {
    return start(name, FreePorts.next());
  }

  private Process start(String name, int port) throws Exception {
    Path conf = dir.resolve(name + ".json");
    Files.writeString(conf, config(name, port).encodePrettily());
    ProcessBuilder builder = command(List.of("bin/herd-node", conf.toString()), Path.of("."))
        .redirectOutput(dir.resolve(name + ".out").toFile());
    Process process = builder.start();
    started.add(process);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!answers(port)) {
      assertThat(process.isAlive()).as("node %s: %s", name, output(name)).isTrue();
      assertThat(System.nanoTime()).as("node %s did not answer: %s", name, output(name)).isLessThan(deadline);
      Thread.sleep(20);
    }
    return process;
  }

  private static String onceItContains(Path file, String text) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    String content = Files.readString(file);
    while (!content.contains(text) && System.nanoTime() < deadline) {
      Thread.sleep(20);
      content = Files.readString(file);
    }
    return content;
  }

  private String output(String name) throws IOException {
    return Files.readString(dir.resolve(name + ".out"));
  }

  private static boolean answers(int port) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private ProcessBuilder command(List<String> command, Path workDir) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
    builder.environment().put("HERD_JAR", jar.toString());
    builder.environment().put("JAVA_OPTS", javaOpts);
    return builder;
  }

  private record Result(int exitCode, String output) {
  }

  private Result run(List<String> command) throws IOException, InterruptedException {
    return run(command, Path.of("."));
  }

  private Result run(List<String> command, Path workDir) throws IOException, InterruptedException {
    Process process = command(command, workDir).start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var paths = Files.walk(from)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }
}
