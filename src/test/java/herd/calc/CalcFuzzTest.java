package herd.calc;

import static org.assertj.core.api.Assertions.assertThat;

import herd.testing.FreePorts;
import herd.testing.TcpClient;
import herd.testing.TestNodes;
import herd.testing.Transcript;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 100,000 lines with a fixed seed, in ten requests over real sockets: cases of the CPython reference table,
 * generated integer expressions evaluated here with BigInteger, and hostile lines whose error the README fixes
 * (random bytes after a character no expression starts with, nesting past the limit, over-long lines, integers
 * past the bit limit, division by zero); every result line is checked.
 */
@ExtendWith(VertxExtension.class)
class CalcFuzzTest {

  private static final long SEED = 42L;
  private static final int REQUESTS = 10;
  private static final int LINES = 10_000;
  private static final String NOT_A_START = "abcxyzXYZ#@!$%^&*/;:'\"[]{}<>?,~`|=_";

  private final Random random = new Random(SEED);
  private List<String> cases;
  private List<String> expected;

  @Test
  void everyResultFollowsTheReferenceOrTheRules(Vertx vertx) throws IOException {
    cases = lines("expr/calc-cases.txt");
    expected = lines("expr/calc-expected.txt");
    int port = FreePorts.next();
    TestNodes.deploy(vertx, TestNodes.config("CalcFuzzed").put("calcPort", port));
    for (int r = 0; r < REQUESTS; r++) {
      Transcript transcript = new Transcript();
      while (transcript.lines() < LINES) {
        add(transcript);
      }
      byte[] body = transcript.request();
      byte[] request = ByteBuffer.allocate(8 + body.length).putLong(body.length).put(body).array();
      byte[] reply = TcpClient.exchangeWhileReading(port, request);
      assertThat(reply.length).isGreaterThanOrEqualTo(8);
      assertThat(ByteBuffer.wrap(reply).getLong()).isEqualTo(reply.length - 8);
      transcript.check(Arrays.copyOfRange(reply, 8, reply.length));
    }
  }

  private void add(Transcript transcript) {
    int kind = random.nextInt(100);
    if (kind < 30) {
      int i = random.nextInt(cases.size());
      transcript.add(ascii(cases.get(i)), ascii(expected.get(i) + "\n"));
    } else if (kind < 65) {
      StringBuilder text = new StringBuilder();
      BigInteger value = expression(text, 3);
      transcript.add(ascii(text + (random.nextInt(10) == 0 ? "\r" : "")), ascii(value + "\n"));
    } else if (kind < 85) {
      byte[] line = new byte[1 + random.nextInt(100)];
      for (int i = 0; i < line.length; i++) {
        int b = random.nextInt(256);
        line[i] = (byte) (b == '\n' ? 'n' : b);
      }
      line[0] = random.nextBoolean() ? (byte) NOT_A_START.charAt(random.nextInt(NOT_A_START.length()))
          : (byte) (0x80 + random.nextInt(128));
      if (line[line.length - 1] == '\r') {
        line[line.length - 1] = 'r';
      }
      transcript.add(line, ascii("error: syntax error at column 1\n"));
    } else if (kind < 90) {
      int depth = random.nextBoolean() ? 1 + random.nextInt(200) : 201 + random.nextInt(3000);
      transcript.add(ascii("(".repeat(depth) + "1" + ")".repeat(depth)),
          ascii(depth <= 200 ? "1\n" : "error: too deep\n"));
    } else if (kind < 92) {
      transcript.add(ascii("1+".repeat(5000 + random.nextInt(100)) + "1"), ascii("error: too long\n"));
    } else if (kind < 94) {
      transcript.add(ascii("9".repeat(2500 + random.nextInt(2000))), ascii("error: overflow\n"));
    } else if (kind < 98) {
      StringBuilder text = new StringBuilder("(");
      expression(text, 2);
      transcript.add(ascii(text.append(")/0").toString()), ascii("error: division by zero\n"));
    } else {
      transcript.add(new byte[0], ascii("\n"));
    }
  }

  /** Writes a random integer expression of + - * and parentheses, and returns its value. */
  private BigInteger expression(StringBuilder out, int depth) {
    BigInteger value = term(out, depth);
    for (int n = random.nextInt(3); n > 0; n--) {
      boolean plus = random.nextBoolean();
      out.append(space()).append(plus ? '+' : '-').append(space());
      BigInteger next = term(out, depth);
      value = plus ? value.add(next) : value.subtract(next);
    }
    return value;
  }

  private BigInteger term(StringBuilder out, int depth) {
    BigInteger value = factor(out, depth);
    for (int n = random.nextInt(3); n > 0; n--) {
      out.append(space()).append('*').append(space());
      value = value.multiply(factor(out, depth));
    }
    return value;
  }

  private BigInteger factor(StringBuilder out, int depth) {
    boolean negative = random.nextInt(5) == 0;
    if (negative) {
      out.append('-');
    }
    BigInteger value;
    if (depth > 0 && random.nextInt(3) == 0) {
      out.append('(').append(space());
      value = expression(out, depth - 1);
      out.append(space()).append(')');
    } else {
      value = BigInteger.valueOf(random.nextInt(1_000_000));
      out.append(value);
    }
    return negative ? value.negate() : value;
  }

  private String space() {
    return switch (random.nextInt(6)) {
      case 0 -> " ";
      case 1 -> "\t ";
      default -> "";
    };
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static List<String> lines(String resource) throws IOException {
    try (InputStream in = CalcFuzzTest.class.getResourceAsStream(resource)) {
      String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      return Arrays.asList(text.substring(0, text.length() - 1).split("\n", -1));
    }
  }
}
