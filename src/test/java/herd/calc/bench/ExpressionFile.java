package herd.calc.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The benchmark's input, like the file in bluserver's log: one expression a line, 3 to 11 integer operands from 1
 * to 99 joined by random operators with a space either side (300,000 lines make about 9.7 MB). Seeded.
 */
final class ExpressionFile {

  private static final char[] OPERATORS = {'+', '-', '*', '/'};

  private ExpressionFile() {
  }

  static void write(Path file, int lines, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      StringBuilder line = new StringBuilder(64);
      for (int i = 0; i < lines; i++) {
        line.setLength(0);
        int operands = random.nextInt(3, 12);
        line.append(random.nextInt(1, 100));
        for (int j = 1; j < operands; j++) {
          line.append(' ').append(OPERATORS[random.nextInt(OPERATORS.length)]).append(' ')
              .append(random.nextInt(1, 100));
        }
        out.write(line.append('\n').toString().getBytes(StandardCharsets.US_ASCII));
      }
    }
  }
}
