package herd.protocol;

import herd.testing.TcpClient;
import herd.testing.TestNodes;
import herd.testing.Transcript;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 100,000 hostile lines with a fixed seed (random bytes, control characters, non-UTF-8, over-long lines, near-valid
 * commands, valid IAMATs) over one real socket; every reply is checked, byte for byte, against a model of the
 * protocol's reply rules written from the README, not from the parser.
 */
@ExtendWith(VertxExtension.class)
class HerdFuzzTest {

  private static final long SEED = 20261124L;
  private static final int LINES = 100_000;
  private static final int MAX_LINE_BYTES = 65_536;
  private static final Instant NOW = Instant.ofEpochSecond(1520023935L, 182837383L);
  private static final byte[] SPACES = {' ', '\t', '\f', 0x0b};
  private static final Pattern COORDINATES = Pattern.compile("([+-][0-9]+(?:\\.[0-9]+)?)([+-][0-9]+(?:\\.[0-9]+)?)");
  private static final Pattern TIME = Pattern.compile("[+-]?[0-9]+(?:\\.[0-9]*)?|[+-]?\\.[0-9]+");

  private static final Pattern RADIUS = Pattern.compile("\\+?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)");
  private static final Pattern ITEMS = Pattern.compile("\\+?[0-9]{1,9}");

  private final Random random = new Random(SEED);
  /** The clients whose locations the node holds. */
  private final Set<String> known = new HashSet<>();

  @Test
  void everyReplyToHostileLinesFollowsTheProtocolsRules(Vertx vertx) {
    JsonObject config = TestNodes.config("Fuzzed");
    TestNodes.deploy(vertx, config, Clock.fixed(NOW, ZoneOffset.UTC));
    Transcript transcript = new Transcript();
    while (transcript.lines() < LINES) {
      byte[] line = line();
      byte[] reply = reply(line);
      if (reply != null) {
        transcript.add(line, reply);
      }
    }
    transcript.check(TcpClient.exchangeWhileReading(config.getInteger("port"), transcript.request()));
  }

  private byte[] line() {
    int kind = random.nextInt(1000);
    if (kind < 300) {
      return iamat();
    } else if (kind < 450) {
      return mutate(random.nextBoolean() ? iamat() : whatsat());
    } else if (kind < 550) {
      return whatsat();
    } else if (kind < 570) {
      return ascii("PEER " + word());
    } else if (kind < 820) {
      return randomBytes(random.nextInt(120), 0, 256);
    } else if (kind < 900) {
      return randomBytes(random.nextInt(40), 0, 32);
    } else if (kind < 960) {
      return spaces(random.nextInt(4));
    } else if (kind < 961) {
      return randomBytes(MAX_LINE_BYTES - 3 + random.nextInt(8) + (random.nextInt(4) == 0 ? 100_000 : 0), 0, 256);
    }
    return ascii(word() + " " + word());
  }

  private byte[] iamat() {
    String latitude = signed(random.nextInt(10) == 0 ? 95 : 90);
    String longitude = signed(random.nextInt(10) == 0 ? 185 : 180);
    String time = switch (random.nextInt(6)) {
      case 0 -> "" + random.nextInt(2_000_000_000);
      case 1 -> "+." + random.nextInt(1000);
      case 2 -> "-" + random.nextInt(1000) + ".";
      default -> "1520023934." + random.nextInt(1_000_000_000);
    };
    return join(List.of(ascii("IAMAT"), clientId("c"), ascii(latitude + longitude), ascii(time)));
  }

  private byte[] whatsat() {
    String radius = switch (random.nextInt(4)) {
      case 0 -> "" + random.nextInt(60);
      case 1 -> "." + random.nextInt(100);
      default -> random.nextInt(50) + "." + random.nextInt(10);
    };
    return join(List.of(ascii("WHATSAT"), clientId("w"), ascii(radius), ascii("" + random.nextInt(25))));
  }

  /** Fields joined by runs of white space, sometimes with white space around them and a CR at the end. */
  private byte[] join(List<byte[]> fields) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(spaces(random.nextInt(3) == 0 ? 1 : 0));
    for (int i = 0; i < fields.size(); i++) {
      out.writeBytes(i == 0 ? new byte[0] : spaces(1 + random.nextInt(2)));
      out.writeBytes(fields.get(i));
    }
    out.writeBytes(spaces(random.nextInt(4) == 0 ? 1 : 0));
    if (random.nextInt(10) == 0) {
      out.write('\r');
    }
    return out.toByteArray();
  }

  private byte[] mutate(byte[] line) {
    byte[] out = line.clone();
    int at = out.length == 0 ? 0 : random.nextInt(out.length);
    return switch (random.nextInt(4)) {
      case 0 -> delete(out, at);
      case 1 -> insert(out, at, (byte) random.nextInt(256));
      case 2 -> {
        out[at] = (byte) ("0123456789.+-eE \t\u00ff\u0000".charAt(random.nextInt(18)));
        yield out;
      }
      default -> {
        ByteArrayOutputStream longer = new ByteArrayOutputStream();
        longer.writeBytes(out);
        longer.writeBytes(ascii(" " + word()));
        yield longer.toByteArray();
      }
    };
  }

  private static byte[] delete(byte[] line, int at) {
    if (line.length == 0) {
      return line;
    }
    byte[] out = new byte[line.length - 1];
    System.arraycopy(line, 0, out, 0, at);
    System.arraycopy(line, at + 1, out, at, line.length - at - 1);
    return out;
  }

  private static byte[] insert(byte[] line, int at, byte b) {
    byte[] out = new byte[line.length + 1];
    System.arraycopy(line, 0, out, 0, at);
    out[at] = b == '\n' ? (byte) 'n' : b;
    System.arraycopy(line, at, out, at + 1, line.length - at);
    return out;
  }

  private String signed(int max) {
    String digits = random.nextInt(max + 1) + (random.nextBoolean() ? "." + random.nextInt(1_000_000) : "");
    return (random.nextBoolean() ? "+" : "-") + digits;
  }

  /** A client id: bytes that are not white space, Latin-1 and UTF-8 among them. */
  private byte[] clientId(String prefix) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(ascii(prefix + random.nextInt(50)));
    if (random.nextInt(5) == 0) {
      out.writeBytes(random.nextBoolean() ? "ü.é".getBytes(StandardCharsets.UTF_8) : new byte[] {(byte) 0xff, 0x01});
    }
    return out.toByteArray();
  }

  private String word() {
    return Long.toString(random.nextLong() & Long.MAX_VALUE, 36).substring(0, 1 + random.nextInt(8));
  }

  private byte[] spaces(int n) {
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) {
      out[i] = SPACES[random.nextInt(SPACES.length)];
    }
    return out;
  }

  /** {@code n} random bytes from {@code [from, to)}, never a newline. */
  private byte[] randomBytes(int n, int from, int to) {
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) {
      int b = from + random.nextInt(to - from);
      out[i] = (byte) (b == '\n' ? '\r' : b);
    }
    return out;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  // ---- the model: the README's reply rules ----

  /**
   * The reply the README promises for a line (sent without its newline), or null for a WHATSAT the model cannot
   * answer (places near a client it knows, whose JSON comes from the gazetteer).
   */
  private byte[] reply(byte[] sent) {
    byte[] line = sent.length > 0 && sent[sent.length - 1] == '\r' ? Arrays.copyOf(sent, sent.length - 1) : sent;
    if (line.length > MAX_LINE_BYTES) {
      return echo(Arrays.copyOf(line, MAX_LINE_BYTES));
    }
    List<String> fields = fields(new String(line, StandardCharsets.ISO_8859_1));
    if (fields.isEmpty()) {
      return new byte[0];
    }
    if (fields.size() == 4 && fields.get(0).equals("IAMAT") && validPosition(fields.get(2))
        && TIME.matcher(fields.get(3)).matches()) {
      BigDecimal now = BigDecimal.valueOf(NOW.getEpochSecond()).add(BigDecimal.valueOf(NOW.getNano(), 9));
      BigDecimal skew = now.subtract(new BigDecimal(fields.get(3))).setScale(9, RoundingMode.HALF_EVEN);
      String signed = skew.signum() < 0 ? skew.toPlainString() : "+" + skew.toPlainString();
      known.add(fields.get(1));
      return ascii("AT Fuzzed " + signed + " " + fields.get(1) + " " + fields.get(2) + " " + fields.get(3) + "\n");
    }
    if (fields.size() == 4 && fields.get(0).equals("WHATSAT") && known.contains(fields.get(1))
        && validWhatsat(fields.get(2), fields.get(3))) {
      return null;
    }
    return echo(line);
  }

  /** A radius over 0 and at most 50 km, and 1 to 20 items. */
  private static boolean validWhatsat(String radius, String items) {
    return RADIUS.matcher(radius).matches() && ITEMS.matcher(items).matches()
        && new BigDecimal(radius).signum() > 0 && new BigDecimal(radius).compareTo(BigDecimal.valueOf(50)) <= 0
        && Integer.parseInt(items) >= 1 && Integer.parseInt(items) <= 20;
  }

  private static boolean validPosition(String text) {
    var m = COORDINATES.matcher(text);
    return m.matches() && new BigDecimal(m.group(1)).abs().compareTo(BigDecimal.valueOf(90)) <= 0
        && new BigDecimal(m.group(2)).abs().compareTo(BigDecimal.valueOf(180)) <= 0;
  }

  private static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    for (String field : line.split("[ \\t\\r\\n\\f\\x0b]+")) {
      if (!field.isEmpty()) {
        fields.add(field);
      }
    }
    return fields;
  }

  private static byte[] echo(byte[] line) {
    byte[] out = new byte[line.length + 3];
    out[0] = '?';
    out[1] = ' ';
    System.arraycopy(line, 0, out, 2, line.length);
    out[out.length - 1] = '\n';
    return out;
  }
}
