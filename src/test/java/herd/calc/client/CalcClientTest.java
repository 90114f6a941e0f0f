package herd.calc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herd.testing.FreePorts;
import herd.testing.TestNodes;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class CalcClientTest {

  @Test
  void sendsTheFileAndWritesTheResultLines(Vertx vertx, @TempDir Path dir) throws IOException {
    int port = FreePorts.next();
    TestNodes.deploy(vertx, TestNodes.config("CalcClientA").put("calcPort", port));
    Path input = Files.writeString(dir.resolve("in.txt"), "1 + 2 * 3\n4 / 8\nimport sys;sys.exit()\n");
    Path output = dir.resolve("out.txt");
    CalcClient.Exchange done = CalcClient.exchange("127.0.0.1", port, input, output);
    assertThat(Files.readString(output)).isEqualTo("7\n0.5\nerror: syntax error at column 1\n");
    assertThat(done.sentBytes()).isEqualTo(Files.size(input));
    assertThat(done.resultBytes()).isEqualTo(Files.size(output));
  }

  @Test
  void anEmptyFileGivesAnEmptyResultFile(Vertx vertx, @TempDir Path dir) throws IOException {
    int port = FreePorts.next();
    TestNodes.deploy(vertx, TestNodes.config("CalcClientB").put("calcPort", port));
    Path output = Files.writeString(dir.resolve("out.txt"), "old contents");
    CalcClient.exchange("127.0.0.1", port, Files.writeString(dir.resolve("in.txt"), ""), output);
    assertThat(Files.readString(output)).isEmpty();
  }

  @Test
  void aFileOverTheLimitGetsTheErrorLineWhileStillBeingSent(Vertx vertx, @TempDir Path dir) throws IOException {
    int port = FreePorts.next();
    TestNodes.deploy(vertx, TestNodes.config("CalcClientC").put("calcPort", port).put("calcMaxRequestBytes", 1000));
    Path input = Files.writeString(dir.resolve("in.txt"), "12345 * 678\n".repeat(400_000));
    Path output = dir.resolve("out.txt");
    CalcClient.exchange("127.0.0.1", port, input, output);
    assertThat(Files.readString(output)).isEqualTo("error: request too large\n");
  }

  @Test
  void aServerThatClosesWithoutAnswerIsAnError(Vertx vertx, @TempDir Path dir) throws IOException {
    int port = FreePorts.next();
    vertx.createNetServer().connectHandler(socket -> socket.close()).listen(port, "127.0.0.1").await();
    Path input = Files.writeString(dir.resolve("in.txt"), "1\n");
    assertThatThrownBy(() -> CalcClient.exchange("127.0.0.1", port, input, dir.resolve("out.txt")))
        .isInstanceOf(IOException.class);
  }
}
