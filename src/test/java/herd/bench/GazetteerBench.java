package herd.bench;

import herd.places.offline.Gazetteer;
import herd.places.offline.GazetteerPlace;
import herd.places.offline.Haversine;
import herd.places.offline.OfflinePlaces;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;

/**
 * The offline gazetteer: how long it takes to load (against just inflating and reading its lines), how much heap
 * it keeps, and how long a search takes (against scanning every place). Run:
 * {@code mvn -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt &&
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) herd.bench.GazetteerBench}
 */
public final class GazetteerBench {

  private static final int SEARCHES = 2_000;
  private static final int SCANS = 100;

  private GazetteerBench() {
  }

  public static void main(String[] args) throws IOException {
    long heapBefore = usedHeapAfterGc();
    long started = System.nanoTime();
    Gazetteer gazetteer = load();
    double firstLoadMs = millisSince(started);
    long heapKept = usedHeapAfterGc() - heapBefore;
    System.out.printf("first load (cold JVM): %.0f ms, %d places, heap kept %.1f MB%n", firstLoadMs,
        gazetteer.size(), heapKept / 1e6);

    double readMs = bestOf(5, GazetteerBench::readLinesOnly);
    double loadMs = bestOf(5, () -> load().size());
    System.out.printf("warm: inflate+read lines %.0f ms (anchor), full load %.0f ms, ratio %.2f%n", readMs, loadMs,
        loadMs / readMs);

    Random random = new Random(7);
    double[][] centres = new double[SEARCHES][];
    for (int i = 0; i < SEARCHES; i++) {
      centres[i] = new double[] {Math.toDegrees(Math.asin(2 * random.nextDouble() - 1)),
          360 * random.nextDouble() - 180};
    }
    List<GazetteerPlace> every = gazetteer.within(0, 0, 21_000_000, Integer.MAX_VALUE);
    double scanUs = bestOf(3, () -> {
      int found = 0;
      for (int i = 0; i < SCANS; i++) {
        found += scanAll(every, centres[i][0], centres[i][1]);
      }
      return found;
    }) * 1000 / SCANS;
    double gridUs = bestOf(3, () -> {
      int found = 0;
      for (double[] centre : centres) {
        found += gazetteer.within(centre[0], centre[1], 50_000, 20).size();
      }
      return found;
    }) * 1000 / SEARCHES;
    double denseUs = bestOf(3, () -> {
      int found = 0;
      for (int i = 0; i < SEARCHES; i++) {
        found += gazetteer.within(48.85 + i % 10 * 0.01, 2.35, 50_000, 20).size();
      }
      return found;
    }) * 1000 / SEARCHES;
    System.out.printf("search 50 km, 20 items: random centres %.1f us, Paris %.1f us; full scan %.0f us (anchor); "
        + "scan/grid ratio %.0f (random), %.0f (Paris)%n", gridUs, denseUs, scanUs, scanUs / gridUs,
        scanUs / denseUs);
    System.out.printf("JVM: %s, %d cores%n", System.getProperty("java.vm.version"),
        Runtime.getRuntime().availableProcessors());
  }

  private static Gazetteer load() {
    try (InputStream in = resource()) {
      return Gazetteer.load(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int readLinesOnly() {
    int lines = 0;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(resource(), 1 << 16),
        StandardCharsets.UTF_8), 1 << 16)) {
      while (in.readLine() != null) {
        lines++;
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return lines;
  }

  private static int scanAll(List<GazetteerPlace> every, double lat, double lng) {
    List<double[]> near = new ArrayList<>();
    for (GazetteerPlace place : every) {
      double metres = Haversine.metres(lat, lng, place.latE5() / 1e5, place.lngE5() / 1e5);
      if (metres <= 50_000) {
        near.add(new double[] {metres, place.geonameId()});
      }
    }
    near.sort(Comparator.comparingDouble(pair -> pair[0]));
    return Math.min(20, near.size());
  }

  private static InputStream resource() {
    return GazetteerBench.class.getClassLoader().getResourceAsStream(OfflinePlaces.RESOURCE);
  }

  private interface Work {
    int run();
  }

  /** The fastest of {@code runs} runs, in milliseconds. */
  private static double bestOf(int runs, Work work) {
    double best = Double.MAX_VALUE;
    int sink = 0;
    for (int i = 0; i < runs; i++) {
      long started = System.nanoTime();
      sink += work.run();
      best = Math.min(best, millisSince(started));
    }
    if (sink == 42) {
      System.out.print("");
    }
    return best;
  }

  private static double millisSince(long started) {
    return (System.nanoTime() - started) / 1e6;
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
