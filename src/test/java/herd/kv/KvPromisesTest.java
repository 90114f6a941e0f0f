package herd.kv;

import static org.assertj.core.api.Assertions.assertThat;

import herd.kv.Http.Reply;
import herd.testing.TcpClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What issue 9 promises over real HTTP: a hostile client stores nothing, harms nothing and keeps no one else waiting;
 * last writer wins by version across nodes; a client reads its own writes on the node it wrote to.
 */
@ExtendWith(VertxExtension.class)
class KvPromisesTest {

  private static final String SLOW_BODY = "{\"db_name\": \"d\", \"keys\": [{\"key\": \"slow\", \"value\": 1}]}";

  @Test
  void aBodySentOneByteASecondIsCutOffWhileAnotherClientIsServed(Vertx vertx) throws Exception {
    JsonObject config = KvTestNodes.config("Slow").put("httpBodyTimeoutSeconds", 2);
    KvTestNodes.deploy(vertx, config);
    Http http = new Http(config.getInteger("httpPort"));
    String token = http.auth();

    long start = System.nanoTime();
    boolean closed = false;
    try (Socket socket = new Socket("127.0.0.1", config.getInteger("httpPort"))) {
      socket.setSoTimeout(1000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(("POST /set HTTP/1.1\r\nHost: x\r\nAuthorization: " + token + "\r\nContent-Length: "
          + SLOW_BODY.length() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      byte[] body = SLOW_BODY.getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < body.length && !closed; i++) {
        try {
          out.write(body[i]);
          out.flush();
          if (i == 1) {  // while the slow client holds its connection, another is served at once
            assertThat(http.post("/set", token, "{\"db_name\": \"d\", \"keys\": [{\"key\": \"quick\", \"value\": 2}]}"))
                .isEqualTo(new Reply(200, "{\"set\":1}"));
          }
          closed = in.read() == -1;  // waits a second for the close (the node answers nothing before)
        } catch (java.net.SocketTimeoutException stillOpen) {
          // the node is still waiting for the body: send the next byte
        } catch (IOException reset) {
          closed = true;
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;

    assertThat(closed).as("closed before the body was whole").isTrue();
    assertThat(seconds).isBetween(1.5, 10.0);
    assertThat(http.post("/get", token, "{\"db_name\": \"d\", \"keys\": [\"slow\", \"quick\"]}")).isEqualTo(new Reply(404,
        "{\"entries\":{\"quick\":{\"key\":\"quick\",\"value\":2}},\"not_found_keys\":[\"slow\"]}"));
    assertThat(http.send("GET", "/health", null, null).status()).isEqualTo(200);
  }

  @Test
  void manyHeadersAre431AndAWrongShapedTokenIs401AndNeitherStoresAnything(Vertx vertx) {
    JsonObject config = KvTestNodes.start(vertx, "Hostile");
    int port = config.getInteger("httpPort");
    Http http = new Http(port);
    String token = http.auth();
    String body = "{\"db_name\": \"d\", \"keys\": [{\"key\": \"k\", \"value\": 1}]}";
    StringBuilder headers = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      headers.append("X-H").append(i).append(": v\r\n");
    }

    String many = TcpClient.exchange(port, "POST /set HTTP/1.1\r\nHost: x\r\nAuthorization: " + token + "\r\n"
        + headers + "Content-Length: " + body.length() + "\r\n\r\n" + body);
    List<Reply> wrongShapes = new ArrayList<>();
    for (String wrong : new String[] {token.toUpperCase(), token + "0", "Basic " + token, "../../" + token,
        token.replace('-', '_'), token.substring(1), "Bearer"}) {
      wrongShapes.add(http.post("/set", wrong, body));
    }
    String unicode = TcpClient.exchange(port, "POST /set HTTP/1.1\r\nHost: x\r\nAuthorization: ключ-" + token
        + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);

    assertThat(many).matches("(?s)HTTP/1\\.[01] 431 .*").doesNotContain("Exception");
    assertThat(wrongShapes).allSatisfy(reply -> assertThat(reply.status()).isEqualTo(401));
    assertThat(unicode).matches("(?s)HTTP/1\\.[01] 401 .*");
    assertThat(http.post("/get", token, "{\"db_name\": \"d\", \"keys\": [\"k\"]}").status()).isEqualTo(404);
    assertThat(new Http(port).post("/set", token, "{\"db_name\": \"d\", \"keys\": [{\"key\": \"after\", \"value\": 3}]}"))
        .isEqualTo(new Reply(200, "{\"set\":1}"));
    assertThat(http.send("GET", "/health", null, null).status()).isEqualTo(200);
  }

  @Test
  void twoNodesWritingOneKeyAtOnceEndWithTheSameValueAndEachReadsItsOwnWrites(Vertx vertx) throws Exception {
    List<JsonObject> pair = KvTestNodes.linkedPair(vertx, "Left", "Right");
    Http left = new Http(pair.get(0).getInteger("httpPort"));
    Http right = new Http(pair.get(1).getInteger("httpPort"));
    String token = "Bearer " + left.auth();
    ExecutorService writers = Executors.newFixedThreadPool(2);
    try {
      Future<Integer> fromLeft = writers.submit(writer(left, token, "left"));
      Future<Integer> fromRight = writers.submit(writer(right, token, "right"));

      assertThat(fromLeft.get()).as("read-your-writes violations on Left").isZero();
      assertThat(fromRight.get()).as("read-your-writes violations on Right").isZero();
    } finally {
      writers.shutdownNow();
    }
    Reply onLeft = null;
    Reply onRight = null;
    for (int i = 0; i < 100; i++) {  // the last floods may still be on the way
      onLeft = left.send("GET", "/v1/kv/d/shared", token, null);
      onRight = right.send("GET", "/v1/kv/d/shared", token, null);
      if (onLeft.equals(onRight)) {
        break;
      }
      Thread.sleep(50);
    }
    assertThat(onLeft).isEqualTo(onRight);
    assertThat(onLeft.body()).matches("\\{\"key\":\"shared\",\"value\":\"(left|right) \\d+\"}");
  }

  /**
   * Writes the shared key 200 times on one node, and after each 200 a key of its own, read back at once from the same
   * node: how many of those reads missed.
   */
  private static Callable<Integer> writer(Http node, String token, String name) {
    return () -> {
      int violations = 0;
      for (int i = 0; i < 200; i++) {
        assertThat(node.send("PUT", "/v1/kv/d/shared", token, "\"" + name + " " + i + "\"").status()).isEqualTo(200);
        String own = "/v1/kv/d/" + name + i;
        assertThat(node.send("PUT", own, token, String.valueOf(i)).status()).isEqualTo(200);
        if (!node.send("GET", own, token, null).equals(new Reply(200, "{\"key\":\"" + name + i + "\",\"value\":" + i
            + "}"))) {
          violations++;
        }
      }
      return violations;
    };
  }
}
