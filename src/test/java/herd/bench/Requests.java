package herd.bench;

/** The request lines a load sends, each ending with {@code \n}; {@code sequence} counts up per connection from 0. */
@FunctionalInterface
public interface Requests {

  String line(int connection, long sequence);

  /** {@code put bench.c<connection> <value> <sequence>}: a metrics put, one new point each. */
  static Requests metricsPut() {
    return (connection, sequence) -> "put bench.c" + connection + " " + value(sequence) + " " + sequence + "\n";
  }

  /** {@code HSET bench.c<connection> <sequence> <value>}: Redis's inline command for the same point. */
  static Requests redisHset() {
    return (connection, sequence) -> "HSET bench.c" + connection + " " + sequence + " " + value(sequence) + "\r\n";
  }

  /** {@code IAMAT bench.c<connection> <location> <time>}: a herd location, newer each time. */
  static Requests herdIamat() {
    return (connection, sequence) ->
        "IAMAT bench.c" + connection + " +34.068930-118.445127 " + (1_700_000_000L + sequence) + ".5\n";
  }

  private static String value(long sequence) {
    return (sequence % 1000) + "." + (sequence % 7);
  }
}
