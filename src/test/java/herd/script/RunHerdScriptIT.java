package herd.script;

import static org.assertj.core.api.Assertions.assertThat;

import herd.testing.Herd;
import herd.testing.TcpClient;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run-herd.sh} with real processes: start five nodes (with a herd key the script makes, as on a first start),
 * talk to two, stop them all.
 */
class RunHerdScriptIT {

  private static final Pattern NODE_LINE =
      Pattern.compile("(\\w+) +port (\\d+)(?:, \\w+ \\d+)*, pid (\\d+), log (\\S+)");

  @TempDir
  Path dir;

  private final List<Long> pids = new ArrayList<>();

  @AfterEach
  void killLeftovers() {
    pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
  }

  @Test
  void startsTheHerdServesItAndStopsEveryProcessItStarted() throws Exception {
    Herd herd = writeConfigs();

    Result start = run("start");
    assertThat(start.exitCode()).as(start.output()).isZero();
    assertThat(start.output()).as("no colour codes").doesNotContain("\u001b");
    List<String> lines = start.output().lines().filter(line -> NODE_LINE.matcher(line).matches()).toList();
    assertThat(lines).as(start.output()).hasSize(5);
    for (int i = 0; i < 5; i++) {
      Matcher m = NODE_LINE.matcher(lines.get(i));
      assertThat(m.matches()).isTrue();
      String name = Herd.NAMES.get(i);
      assertThat(m.group(1)).isEqualTo(name);
      assertThat(Integer.parseInt(m.group(2))).isEqualTo(herd.port(name));
      assertThat(m.group(4)).isEqualTo(dir.resolve(name + ".log").toString());
      long pid = Long.parseLong(m.group(3));
      pids.add(pid);
      assertThat(ProcessHandle.of(pid).flatMap(p -> p.info().commandLine()).orElse(""))
          .as("started by bin/herd-node, with or writing the class-data archive").contains("-Xlog:cds=off")
          .containsAnyOf("-XX:SharedArchiveFile=", "-XX:ArchiveClassesAtExit=").contains("-jar ")
          .contains("-Xmx96m").contains("-conf " + dir.resolve("conf").resolve(name + ".json"));
    }

    Path key = dir.resolve("run").resolve("herd.key");
    assertThat(start.output()).contains("made a new herd key in " + key);
    assertThat(Files.readString(key)).matches("[A-Za-z0-9+/]{43}=");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");

    String client = "script.test";
    assertThat(TcpClient.exchange(herd.port("Goloman"), "IAMAT " + client + " +1-1 1700000000\n"))
        .startsWith("AT Goloman +").endsWith(" " + client + " +1-1 1700000000\n");
    assertThat(awaitWhatsat(herd.port("Hands"), client)).startsWith("AT Goloman +");

    assertThat(run("status").output()).contains("Goloman  up").contains("Wilkes   up");
    assertThat(statusOnceItShows(" up since ")).containsPattern("(?m)^ +links: .*\\b(Hands|Holiday|Wilkes) up since ");
    for (String name : Herd.NAMES) {
      assertThat(Files.readString(dir.resolve("run").resolve(name + ".out"))).as("%s's console", name)
          .contains(" INFO  " + name + " serving on ").doesNotContain(" WARN ", " ERROR ");
    }

    Result stop = run("stop");
    assertThat(stop.exitCode()).as(stop.output()).isZero();
    for (long pid : pids) {
      assertThat(ProcessHandle.of(pid)).as("process %d after stop", pid).isEmpty();
    }
    try (var pidFiles = Files.list(dir.resolve("run"))) {
      assertThat(pidFiles.filter(file -> file.toString().endsWith(".pid"))).isEmpty();
    }
    assertThat(run("status").output()).contains("Goloman  down").contains("Wilkes   down");
  }

  /** The status once it contains {@code text} (each node's links come from its HTTP face), within ten seconds. */
  private String statusOnceItShows(String text) throws Exception {
    String output = run("status").output();
    for (int attempt = 0; attempt < 50 && !output.contains(text); attempt++) {
      Thread.sleep(200);
      output = run("status").output();
    }
    return output;
  }

  private Herd writeConfigs() throws IOException {
    Herd herd = new Herd().withHttp();
    Files.createDirectories(dir.resolve("conf"));
    for (String name : Herd.NAMES) {
      JsonObject config = herd.config(name).copy().put("logFile", dir.resolve(name + ".log").toString());
      config.remove("instances");
      Files.writeString(dir.resolve("conf").resolve(name + ".json"), config.encodePrettily());
    }
    return herd;
  }

  private static String awaitWhatsat(int port, String client) throws InterruptedException {
    String reply = "";
    for (int attempt = 0; attempt < 100 && !reply.startsWith("AT "); attempt++) {
      reply = TcpClient.exchange(port, "WHATSAT " + client + " 1 1\n");
      Thread.sleep(100);
    }
    return reply;
  }

  private record Result(int exitCode, String output) {
  }

  private Result run(String command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder("bash", "run-herd.sh", command).redirectErrorStream(true);
    builder.environment().put("HERD_CONF_DIR", dir.resolve("conf").toString());
    builder.environment().put("HERD_RUN_DIR", dir.resolve("run").toString());
    builder.environment().put("JAVA_OPTS", "-Xmx96m");
    builder.environment().remove("HERD_SECRET");
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }
}
