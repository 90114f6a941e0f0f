package herd.bench;

import herd.metrics.MetricStore;
import herd.replica.Version;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;

/**
 * Bytes per stored point: fills a {@link MetricStore} in this JVM with {@code keys x pointsPerKey} points (10,000 x
 * 1,000 by default, ascending timestamps as metrics arrive) and compares the heap in use after a full GC before and
 * after. Run with a heap large enough for the points, e.g. {@code java -Xmx4g}.
 */
public final class StoreFootprint {

  private StoreFootprint() {
  }

  public static void main(String[] args) throws Exception {
    int keys = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int pointsPerKey = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    Vertx vertx = Vertx.vertx();
    String[] names = new String[keys];
    for (int k = 0; k < keys; k++) {
      names[k] = "serv" + (k / 10) + ".metric" + (k % 10);
    }
    long before = usedHeapAfterGc();
    MetricStore store = new MetricStore(vertx, "Footprint", Long.MAX_VALUE);
    long started = System.nanoTime();
    long clock = System.currentTimeMillis() * 1000;
    for (int t = 0; t < pointsPerKey; t++) {
      for (int k = 0; k < keys; k++) {
        store.offer(names[k], 1_600_000_000L + 10L * t, t % 100 + 0.5, new Version(clock++, "Footprint"));
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    long after = usedHeapAfterGc();
    long points = store.points();
    System.out.printf(Locale.ROOT, "%n== store footprint: %,d points (%,d keys x %,d), stored in %.1f s (%.0f points/s"
            + " in one thread)%n", points, keys, pointsPerKey, seconds, points / seconds);
    System.out.printf(Locale.ROOT, "heap in use after GC: %,d bytes more = %.1f bytes per point%n", after - before,
        (after - before) / (double) points);
    vertx.close().await();
    System.exit(0);
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
