package herd.metrics;

import herd.testing.FreePorts;
import herd.testing.TcpClient;
import herd.testing.TestNodes;
import herd.testing.Transcript;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 100,000 hostile metrics lines with a fixed seed (random bytes, control characters, over-long lines, near-valid
 * puts and gets, numbers Python reads and numbers it does not) over one real socket; every reply is checked, byte
 * for byte, against a model of the protocol (a map of keys to points, and Python's float repr) written from the
 * README, not from the parser.
 */
@ExtendWith(VertxExtension.class)
class MetricsFuzzTest {

  private static final long SEED = 1619445320L;
  private static final int LINES = 100_000;
  private static final int MAX_LINE_BYTES = 8 * 1024;
  private static final byte[] OK = ascii("ok\n\n");
  private static final byte[] ERROR = ascii("error\nwrong command\n\n");
  private static final Pattern VALUE = Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
  private static final Pattern TIMESTAMP = Pattern.compile("[+-]?[0-9]+");
  private static final String[] NUMBERS = {"1e5", "1E-7", "-0", "0.1", "1e308", "1e309", "-2.5e-3", "nan", "inf",
      "0x10", "1_0", ".", "+.", "5.", ".5", "1e", "1e+", "123456789012345678", "9.999999999999999e22", "4.35",
      "-1.5e-10", "1e16", "1e15", "0.0001", "0.00001", "+7", "2.675", "\u0661"};

  private final Random random = new Random(SEED);
  /** The model's store: keys in the order first stored, each key's points by timestamp, values as printed. */
  private final Map<String, TreeMap<Long, String>> store = new LinkedHashMap<>();

  @Test
  void everyReplyToHostileLinesFollowsTheProtocolsRules(Vertx vertx) {
    int port = FreePorts.next();
    TestNodes.deploy(vertx, TestNodes.config("MetricsFuzzed").put("metricsPort", port));
    Transcript transcript = new Transcript();
    while (transcript.lines() < LINES) {
      byte[] line = line();
      transcript.add(line, reply(line));
    }
    transcript.check(TcpClient.exchangeWhileReading(port, transcript.request()));
  }

  private byte[] line() {
    int kind = random.nextInt(1000);
    if (kind < 450) {
      return join("put", key(), value(), timestamp());
    } else if (kind < 550) {
      return join("get", random.nextInt(20) == 0 ? "*" : key());
    } else if (kind < 700) {
      return mutate(random.nextBoolean() ? join("put", key(), value(), timestamp()) : join("get", key()));
    } else if (kind < 900) {
      return randomBytes(random.nextInt(80), random.nextInt(3) == 0 ? 32 : 256);
    } else if (kind < 960) {
      return join(random.nextBoolean() ? "PUT" : "get", key(), "1", "2", "3");
    } else if (kind < 962) {
      return randomBytes(MAX_LINE_BYTES - 3 + random.nextInt(8) + (random.nextInt(4) == 0 ? 20_000 : 0), 256);
    }
    return new byte[] {' ', '\t'};
  }

  private String key() {
    return switch (random.nextInt(10)) {
      case 0 -> "k\u00ff" + random.nextInt(5);
      case 1 -> "*";
      default -> "serv" + random.nextInt(40) + ".cpu";
    };
  }

  private String value() {
    return switch (random.nextInt(4)) {
      case 0 -> NUMBERS[random.nextInt(NUMBERS.length)];
      case 1 -> Double.toString(random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20));
      default -> (random.nextBoolean() ? "-" : "") + random.nextInt(1000) + "." + random.nextInt(100);
    };
  }

  private String timestamp() {
    return switch (random.nextInt(8)) {
      case 0 -> "9223372036854775808";
      case 1 -> "-" + random.nextInt(100);
      case 2 -> "1.5";
      default -> "" + (1_619_445_320L + random.nextInt(60));
    };
  }

  private byte[] join(String... fields) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (random.nextInt(5) == 0) {
      out.write(' ');
    }
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        out.writeBytes(ascii(random.nextInt(6) == 0 ? "\t \u000b" : " "));
      }
      out.writeBytes(fields[i].getBytes(StandardCharsets.ISO_8859_1));
    }
    if (random.nextInt(10) == 0) {
      out.write('\r');
    }
    return out.toByteArray();
  }

  private byte[] mutate(byte[] line) {
    byte[] out = line.clone();
    if (out.length > 0) {
      int b = "0123456789.eE+- \t*\u00ff\u0000xg".charAt(random.nextInt(21));
      out[random.nextInt(out.length)] = (byte) b;
    }
    return out;
  }

  private byte[] randomBytes(int n, int range) {
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) {
      int b = random.nextInt(range);
      out[i] = (byte) (b == '\n' ? 'n' : b);
    }
    return out;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  // ---- the model: the README's reply rules ----

  private byte[] reply(byte[] sent) {
    int length = sent.length > 0 && sent[sent.length - 1] == '\r' ? sent.length - 1 : sent.length;
    if (length > MAX_LINE_BYTES) {
      return ERROR;
    }
    List<String> fields = new ArrayList<>();
    for (String field : new String(sent, 0, length, StandardCharsets.ISO_8859_1).split("[ \\t\\r\\n\\f\\x0b]+")) {
      if (!field.isEmpty()) {
        fields.add(field);
      }
    }
    if (fields.isEmpty()) {
      return new byte[0];
    }
    if (fields.size() == 4 && fields.get(0).equals("put") && VALUE.matcher(fields.get(2)).matches()
        && TIMESTAMP.matcher(fields.get(3)).matches() && fitsInLong(fields.get(3))
        && Double.isFinite(Double.parseDouble(fields.get(2)))) {
      store.computeIfAbsent(fields.get(1), k -> new TreeMap<>())
          .put(Long.parseLong(fields.get(3)), repr(Double.parseDouble(fields.get(2))));
      return OK;
    }
    if (fields.size() == 2 && fields.get(0).equals("get")) {
      StringBuilder out = new StringBuilder("ok\n");
      store.forEach((key, points) -> {
        if (fields.get(1).equals("*") || fields.get(1).equals(key)) {
          points.forEach((timestamp, value) -> out.append(key).append(' ').append(value).append(' ')
              .append(timestamp).append('\n'));
        }
      });
      return ascii(out.append('\n').toString());
    }
    return ERROR;
  }

  private static boolean fitsInLong(String digits) {
    BigDecimal value = new BigDecimal(digits);
    return value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
        && value.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0;
  }

  /**
   * Python's {@code repr(float)}: the shortest decimal that reads back as the value (the nearest one when several
   * are as short), positional from 1e-4 up to 1e16, otherwise {@code d.ddde±XX}.
   */
  static String repr(double value) {
    if (value == 0) {
      return 1 / value < 0 ? "-0.0" : "0.0";
    }
    BigDecimal exact = new BigDecimal(value);
    BigDecimal shortest = exact;
    for (int digits = 1; digits <= 17; digits++) {
      BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
      if (rounded.doubleValue() == value) {
        shortest = rounded;
        break;
      }
    }
    String sign = value < 0 ? "-" : "";
    String mantissa = shortest.unscaledValue().abs().toString().replaceAll("0+$", "");
    int exponent = shortest.precision() - shortest.scale() - 1;
    if (exponent < -4 || exponent >= 16) {
      String fraction = mantissa.length() > 1 ? "." + mantissa.substring(1) : "";
      return sign + mantissa.charAt(0) + fraction + "e" + (exponent < 0 ? "-" : "+")
          + String.format("%02d", Math.abs(exponent));
    }
    String plain = shortest.abs().stripTrailingZeros().toPlainString();
    return sign + (plain.contains(".") ? plain : plain + ".0");
  }
}
