package herd.calc;

import static org.assertj.core.api.Assertions.assertThat;

import herd.testing.FreePorts;
import herd.testing.TcpClient;
import herd.testing.TestNodes;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The calculation service of a real node, over loopback sockets, byte for byte. */
@ExtendWith(VertxExtension.class)
class CalcServiceTest {

  private static int startNode(Vertx vertx, String name, JsonObject extra) {
    int port = FreePorts.next();
    TestNodes.deploy(vertx, TestNodes.config(name).put("calcPort", port).mergeIn(extra));
    return port;
  }

  private static byte[] request(byte[] body) {
    return ByteBuffer.allocate(8 + body.length).putLong(body.length).put(body).array();
  }

  private static byte[] request(String body) {
    return request(body.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** The reply as it must arrive: its length in 8 bytes, then the lines. */
  private static byte[] reply(String lines) {
    return request(lines);
  }

  private static byte[] exchange(int port, byte[] request) {
    try (TcpClient client = new TcpClient(port)) {
      client.send(request);
      client.shutdownOutput();
      return client.readAllBytes();
    }
  }

  @Test
  void answersEveryLineInOrderAndCloses(Vertx vertx) {
    int port = startNode(vertx, "CalcA", new JsonObject());
    assertThat(exchange(port, request("1+1\n7/2\n\n1/0\nimport sys;sys.exit()\n2 * (3 - -1.5)\r\n10/3")))
        .isEqualTo(reply("2\n3.5\n\nerror: division by zero\nerror: syntax error at column 1\n9.0\n"
            + "3.3333333333333335\n"));
  }

  @Test
  void anEmptyRequestGetsEightZeroBytes(Vertx vertx) {
    int port = startNode(vertx, "CalcB", new JsonObject());
    assertThat(exchange(port, request(""))).isEqualTo(new byte[8]);
  }

  @Test
  void aClientThatKeepsItsOutputOpenIsAnsweredToo(Vertx vertx) {
    int port = startNode(vertx, "CalcC", new JsonObject());
    try (TcpClient client = new TcpClient(port)) {
      client.send(request("6*7\n"));
      assertThat(client.readAllBytes()).isEqualTo(reply("42\n"));
    }
  }

  @Test
  void aRequestOverTheLimitGetsOneErrorLine(Vertx vertx) {
    int port = startNode(vertx, "CalcD", new JsonObject().put("calcMaxRequestBytes", 1000));
    assertThat(exchange(port, request("1+1\n".repeat(251)))).isEqualTo(reply("error: request too large\n"));
    assertThat(exchange(port, request("1+1\n".repeat(250)))).isEqualTo(reply("2\n".repeat(250)));
  }

  @Test
  void aReplyOverTheLimitGetsOneErrorLine(Vertx vertx) {
    int port = startNode(vertx, "CalcK", new JsonObject().put("calcMaxReplyBytes", 1000));
    assertThat(exchange(port, request("1/3\n".repeat(60_000)))).isEqualTo(reply("error: reply too large\n"));
    assertThat(exchange(port, request("1/4\n".repeat(200)))).isEqualTo(reply("0.25\n".repeat(200)));
  }

  @Test
  void aRequestBeyondTheNodesMemoryBudgetIsTurnedAway(Vertx vertx) {
    int port = startNode(vertx, "CalcL", new JsonObject().put("calcMaxBufferedBytes", 1000));
    assertThat(exchange(port, request("1+1\n".repeat(300)))).isEqualTo(reply("error: server busy\n"));
    assertThat(exchange(port, request("1+1\n".repeat(100)))).isEqualTo(reply("2\n".repeat(100)));
    assertThat(exchange(port, request("1+1\n".repeat(100)))).isEqualTo(reply("2\n".repeat(100)));
  }

  /**
   * Three uploads declare 10 MB, send 300,000 bytes each and stall: they hold 900,000 of the 1,000,000 bytes the
   * node may hold (what arrived, not what was declared), so a small request still fits and a larger one is busy
   * until the idle timeout closes them.
   */
  @Test
  void stalledUploadsHoldOnlyWhatTheySentAndAreClosedAtTheIdleTimeout(Vertx vertx) throws Exception {
    int port = startNode(vertx, "CalcO", new JsonObject().put("calcMaxBufferedBytes", 1_000_000)
        .put("calcMaxRequestBytes", 10_000_000).put("idleTimeoutSeconds", 1));
    List<TcpClient> stalled = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        stalled.add(new TcpClient(port).send(ByteBuffer.allocate(8 + 300_000).putLong(10_000_000)
            .put("1+1\n".repeat(75_000).getBytes(StandardCharsets.US_ASCII)).array()));
      }
      Thread.sleep(300);
      assertThat(exchange(port, request("1+1\n"))).isEqualTo(reply("2\n"));
      assertThat(exchange(port, request("1+1\n".repeat(50_000)))).isEqualTo(reply("error: server busy\n"));
      for (TcpClient upload : stalled) {
        assertThat(upload.readAllBytes()).isEmpty();
      }
      assertThat(exchange(port, request("1+1\n".repeat(50_000)))).isEqualTo(reply("2\n".repeat(50_000)));
    } finally {
      stalled.forEach(TcpClient::close);
    }
  }

  @Test
  void aClientThatNeverSendsItsRequestIsClosedAtTheIdleTimeout(Vertx vertx) {
    int port = startNode(vertx, "CalcP", new JsonObject().put("idleTimeoutSeconds", 1));
    try (TcpClient client = new TcpClient(port)) {
      client.send(new byte[] {0, 0, 0});
      long start = System.nanoTime();
      assertThat(client.readAllBytes()).isEmpty();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(700), Duration.ofSeconds(3));
    }
  }

  /**
   * With the node's single evaluation thread held, a huge request queues its chunks, then a small request queues
   * its one; once the thread is free, the small request must be answered while the huge one is still evaluating.
   */
  @Test
  void aSmallRequestIsNotQueuedBehindAHugeOne(Vertx vertx) throws Exception {
    int port = startNode(vertx, "CalcM", new JsonObject().put("calcWorkers", 1).put("calcPoolThreads", 1));
    WorkerExecutor sameThread = vertx.createSharedWorkerExecutor(CalcServer.poolName("CalcM"), 1);
    CountDownLatch release = new CountDownLatch(1);
    sameThread.executeBlocking(() -> release.await(10, TimeUnit.SECONDS), false);
    try (TcpClient big = new TcpClient(port)) {
      big.send(request("12345 * 678 / 9 + 3.5 - 77 * 2\n".repeat(200_000)));
      big.shutdownOutput();
      Thread.sleep(500);
      CompletableFuture<byte[]> small = CompletableFuture.supplyAsync(() -> exchange(port, request("1+1\n")));
      Thread.sleep(200);
      release.countDown();
      assertThat(small.get()).isEqualTo(reply("2\n"));
      assertThat(big.readAvailable(Duration.ofMillis(1)).length).as("bytes of the huge reply so far").isZero();
      assertThat(big.readAllBytes()).isEqualTo(reply("929839.5\n".repeat(200_000)));
    } finally {
      release.countDown();
      sameThread.close();
    }
  }

  @Test
  void aRequestCutShortGetsAnErrorLine(Vertx vertx) {
    int port = startNode(vertx, "CalcE", new JsonObject());
    byte[] cut = ByteBuffer.allocate(8 + 3).putLong(100).put("1+1".getBytes(StandardCharsets.US_ASCII)).array();
    assertThat(exchange(port, cut)).isEqualTo(reply("error: request truncated\n"));
    assertThat(exchange(port, new byte[] {0, 0, 0})).isEqualTo(reply("error: request truncated\n"));
    assertThat(exchange(port, new byte[0])).isEmpty();
  }

  @Test
  void hostileLinesEachGetAnErrorAndSpoilNoOther(Vertx vertx) {
    int port = startNode(vertx, "CalcF", new JsonObject());
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes("1+2\nimport time;time.sleep(3600)\n".getBytes(StandardCharsets.US_ASCII));
    body.writeBytes(("(".repeat(1_000_000) + "\n").getBytes(StandardCharsets.US_ASCII));
    body.writeBytes(("9".repeat(10 * 1024 * 1024) + "\n").getBytes(StandardCharsets.US_ASCII));
    body.writeBytes(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, '\n', '4', (byte) 0xc3, (byte) 0x28, '\n'});
    body.writeBytes("(".repeat(201).getBytes(StandardCharsets.US_ASCII));
    body.writeBytes("1\n3*3\n".getBytes(StandardCharsets.US_ASCII));
    assertThat(exchange(port, request(body.toByteArray()))).isEqualTo(reply(
        "3\nerror: syntax error at column 1\nerror: too long\nerror: too long\nerror: syntax error at column 1\n"
            + "error: syntax error at column 2\nerror: too deep\n9\n"));
  }

  @Test
  void aLargeRequestComesBackWholeAndInOrder(Vertx vertx) {
    int port = startNode(vertx, "CalcG", new JsonObject().put("calcWorkers", 3));
    StringBuilder body = new StringBuilder();
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 60_000; i++) {
      body.append(i).append(" * 3 + 1\n");
      expected.append(3L * i + 1).append('\n');
    }
    assertThat(exchange(port, request(body.toString()))).isEqualTo(reply(expected.toString()));
  }

  @Test
  void aReplyFarLargerThanTheSocketBuffersArrivesWhole(Vertx vertx) {
    int port = startNode(vertx, "CalcN", new JsonObject());
    byte[] answer = exchange(port, request("x\n".repeat(1_000_000)));
    assertThat(answer.length).isEqualTo(8 + 32_000_000);
    assertThat(answer).isEqualTo(reply("error: syntax error at column 1\n".repeat(1_000_000)));
  }

  @Test
  void manyClientsAtOnceEachGetTheirOwnAnswer(Vertx vertx) throws Exception {
    int port = startNode(vertx, "CalcH", new JsonObject());
    ExecutorService clients = Executors.newFixedThreadPool(16);
    try {
      List<CompletableFuture<byte[]>> answers = new ArrayList<>();
      for (int c = 0; c < 32; c++) {
        String body = (c + "*1000+7\n").repeat(1000 + c * 100);
        answers.add(CompletableFuture.supplyAsync(() -> exchange(port, request(body)), clients));
      }
      for (int c = 0; c < 32; c++) {
        assertThat(answers.get(c).get()).isEqualTo(reply((c * 1000 + 7 + "\n").repeat(1000 + c * 100)));
      }
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void eachRequestIsLoggedWithItsFigures(Vertx vertx) throws IOException, InterruptedException {
    Files.deleteIfExists(TestNodes.logFile("CalcI"));
    int port = startNode(vertx, "CalcI", new JsonObject().put("calcWorkers", 1));
    exchange(port, request("1\n2/0\n"));
    String pattern = "calc +req=\\d+ from=127\\.0\\.0\\.1:\\d+ bytes=6 lines=2 errors=1 workers=1 chunks=1 "
        + "evalMs=\\d+ totalMs=\\d+";
    assertThat(TestNodes.logOnceItContains("CalcI", pattern)).containsPattern(pattern);
  }

  @Test
  void aNodeWithoutCalcPortRunsWithoutTheService(Vertx vertx) throws IOException, InterruptedException {
    Files.deleteIfExists(TestNodes.logFile("CalcJ"));
    TestNodes.deploy(vertx, TestNodes.config("CalcJ"));
    assertThat(TestNodes.logOnceItContains("CalcJ", "calculation service off"))
        .contains("calculation service off: no calcPort");
  }
}
