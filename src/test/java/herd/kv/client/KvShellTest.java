package herd.kv.client;

import static org.assertj.core.api.Assertions.assertThat;

import herd.kv.KvTestNodes;
import herd.testing.FreePorts;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The command-line client against real nodes: its commands, its key file, and its failover. */
@ExtendWith(VertxExtension.class)
class KvShellTest {

  @TempDir
  Path dir;

  private record Run(int status, String out, String err) {
  }

  private static Run run(String input, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = KvShell.run(args, new BufferedReader(new StringReader(input)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static String address(JsonObject config) {
    return "127.0.0.1:" + config.getInteger("httpPort");
  }

  @Test
  void commandsRunNonInteractivelyAndTheTokenIsKeptInTheKeyFile(Vertx vertx) throws Exception {
    JsonObject node = KvTestNodes.start(vertx, "Shell");
    String keys = dir.resolve("key.txt").toString();

    assertThat(run("", address(node), "--key-file", keys, "set", "db", "k={\"a\": 1}"))
        .isEqualTo(new Run(0, "authorized: token saved in " + keys + "\nok: 1 set\n", ""));
    assertThat(Files.readString(Path.of(keys))).matches("[0-9a-f-]{36}\n");
    assertThat(run("", address(node), "--key-file", keys, "set", "-r", "db", "t=two words"))
        .isEqualTo(new Run(0, "ok: 1 set\n", ""));
    assertThat(run("", address(node), "--key-file", keys, "get", "db", "k&t&x"))
        .isEqualTo(new Run(0, "k = {\"a\":1}\nt = \"two words\"\nx: not found\n", ""));
    assertThat(run("", address(node), "--key-file", keys, "get", "--raw", "db", "k"))
        .isEqualTo(new Run(0, "{\"entries\":{\"k\":{\"key\":\"k\",\"value\":{\"a\":1}}},\"not_found_keys\":[]}\n", ""));
  }

  @Test
  void filesOfValuesAndKeys(Vertx vertx) throws Exception {
    JsonObject node = KvTestNodes.start(vertx, "Shell");
    String keys = dir.resolve("key.txt").toString();
    Path values = Files.writeString(dir.resolve("values.json"), "{\"a\": [1], \"b\": \"x\"}");
    Path wanted = Files.writeString(dir.resolve("keys.json"), "[\"b\", \"a\"]");

    assertThat(run("", address(node), "--key-file", keys, "set", "-f", "db", values.toString()).out())
        .endsWith("ok: 2 set\n");
    assertThat(run("", address(node), "--key-file", keys, "get", "-f", "db", wanted.toString()))
        .isEqualTo(new Run(0, "b = \"x\"\na = [1]\n", ""));
  }

  @Test
  void thePromptRunsCommandsUntilExit(Vertx vertx) {
    JsonObject node = KvTestNodes.start(vertx, "Shell");
    String keys = dir.resolve("key.txt").toString();

    Run run = run("auth\nset db k=1\n\nbogus\nget db k\nexit\nget db k\n", address(node), "--key-file", keys);

    assertThat(run).isEqualTo(new Run(0, "> authorized: token saved in " + keys + "\n> ok: 1 set\n> > > k = 1\n> ",
        "error: unknown command \"bogus\"; " + ShellCommand.USAGE + "\n"));
  }

  @Test
  void aBadCommandOrAnUnknownTokenIsOneErrorLineAndStatus1(Vertx vertx) throws Exception {
    JsonObject node = KvTestNodes.start(vertx, "Shell");
    Path keys = Files.writeString(dir.resolve("key.txt"), "00000000-0000-4000-8000-000000000000\n");

    assertThat(run("", address(node), "--key-file", keys.toString(), "set", "db", "k={not json"))
        .isEqualTo(new Run(1, "", "error: the value of k is not JSON (use -r to set it as text)\n"));
    assertThat(run("", address(node), "--key-file", keys.toString(), "get", "db", "k"))
        .isEqualTo(new Run(1, "", "error: the herd does not know the token in " + keys + ": run auth\n"));
    assertThat(run("", address(node), "frobnicate"))
        .isEqualTo(new Run(1, "", "error: unknown command \"frobnicate\"; " + ShellCommand.USAGE + "\n"));
  }

  @Test
  void whenNoNodeAnswersTheErrorNamesThemAll() {
    int dead = FreePorts.next();

    assertThat(run("", "127.0.0.1:" + dead, "--key-file", dir.resolve("k").toString(), "auth"))
        .isEqualTo(new Run(1, "", "error: no node answers (tried 127.0.0.1:" + dead + ")\n"));
  }

  @Test
  void anAddressThatIsNoneIsOneErrorLine() {
    assertThat(run("", "bad host:1", "--key-file", dir.resolve("k").toString(), "auth"))
        .isEqualTo(new Run(1, "", "error: not a node address: bad host:1\n"));
  }

  @Test
  void whenTheFirstNodeGivenIsDownTheNextAnswers(Vertx vertx) {
    JsonObject node = KvTestNodes.start(vertx, "Shell");
    String keys = dir.resolve("key.txt").toString();

    assertThat(run("", "127.0.0.1:" + FreePorts.next() + "," + address(node), "--key-file", keys, "set", "db", "k=1"))
        .isEqualTo(new Run(0, "authorized: token saved in " + keys + "\nok: 1 set\n", ""));
  }

  @Test
  void aNodeThatGoesDownIsPassedOverForOneLearntFromClusterinfo(Vertx vertx) throws Exception {
    List<JsonObject> herd = KvTestNodes.linkedPair(vertx, "ShellA", "ShellB");
    KvClient client = new KvClient(address(herd.get(0)), Duration.ofSeconds(2));
    KvShell shell = new KvShell(client, dir.resolve("key.txt"), new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(new ByteArrayOutputStream()));
    client.learnNodes();
    assertThat(shell.execute(ShellCommand.parse("set db k=1"))).isTrue();

    KvTestNodes.stop(vertx, herd.get(0));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    KvShell again = new KvShell(client, dir.resolve("key.txt"), new PrintStream(out, true, StandardCharsets.UTF_8),
        System.err);
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!out.toString(StandardCharsets.UTF_8).contains("k = 1") && System.nanoTime() < deadline) {
      again.execute(ShellCommand.parse("get db k"));
      Thread.sleep(100);
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("k = 1\n");
    assertThat(client.nodes()).containsExactly("http://" + address(herd.get(0)), "http://" + address(herd.get(1)));
  }
}
