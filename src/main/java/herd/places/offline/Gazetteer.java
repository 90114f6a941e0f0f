package herd.places.offline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The populated places of the world in a grid of one-degree cells: a search looks only at the cells its circle can
 * touch. Immutable once loaded, so any thread may search it. The resource format is that of
 * {@code tools/build-gazetteer.mjs}: gzipped lines of
 * {@code geonameid, lat*1e5, lng*1e5, featureCode, population, name, vicinity}, separated by tabs.
 */
public final class Gazetteer {

  private static final int ROWS = 180;
  private static final int COLUMNS = 360;
  private static final double METRES_PER_DEGREE = Haversine.EARTH_RADIUS_METRES * Math.PI / 180;

  /** Index of the first place of each cell (and one past the last cell), places sorted by cell. */
  private final int[] cellStart;
  private final int[] ids;
  private final int[] latE5;
  private final int[] lngE5;
  private final String[] names;
  private final String[] vicinities;

  private Gazetteer(int[] cellStart, int[] ids, int[] latE5, int[] lngE5, String[] names, String[] vicinities) {
    this.cellStart = cellStart;
    this.ids = ids;
    this.latE5 = latE5;
    this.lngE5 = lngE5;
    this.names = names;
    this.vicinities = vicinities;
  }

  public static Gazetteer load(InputStream gzipped) throws IOException {
    List<String[]> rows = new ArrayList<>(140_000);
    Map<String, String> shared = new HashMap<>();
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(new GZIPInputStream(gzipped, 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
      String line;
      while ((line = in.readLine()) != null) {
        String[] fields = line.split("\t", -1);
        if (fields.length != 7) {
          throw new IOException("gazetteer line " + (rows.size() + 1) + " has " + fields.length + " fields, not 7");
        }
        fields[6] = shared.computeIfAbsent(fields[6], v -> v);
        rows.add(fields);
      }
    }
    return index(rows);
  }

  private static Gazetteer index(List<String[]> rows) throws IOException {
    int n = rows.size();
    int[] cells = new int[n];
    int[] counts = new int[ROWS * COLUMNS + 1];
    int[] id = new int[n];
    int[] lat = new int[n];
    int[] lng = new int[n];
    try {
      for (int i = 0; i < n; i++) {
        id[i] = Integer.parseInt(rows.get(i)[0]);
        lat[i] = Integer.parseInt(rows.get(i)[1]);
        lng[i] = Integer.parseInt(rows.get(i)[2]);
        cells[i] = cell(lat[i] / 1e5, lng[i] / 1e5);
        counts[cells[i] + 1]++;
      }
    } catch (NumberFormatException e) {
      throw new IOException("gazetteer id or position is not a number: " + e.getMessage(), e);
    }
    for (int c = 0; c < ROWS * COLUMNS; c++) {
      counts[c + 1] += counts[c];
    }
    int[] cellStart = counts.clone();
    int[] next = counts.clone();
    int[] ids = new int[n];
    int[] sortedLat = new int[n];
    int[] sortedLng = new int[n];
    String[] names = new String[n];
    String[] vicinities = new String[n];
    for (int i = 0; i < n; i++) {
      int at = next[cells[i]]++;
      String[] row = rows.get(i);
      ids[at] = id[i];
      sortedLat[at] = lat[i];
      sortedLng[at] = lng[i];
      names[at] = row[5];
      vicinities[at] = row[6];
    }
    return new Gazetteer(cellStart, ids, sortedLat, sortedLng, names, vicinities);
  }

  public int size() {
    return ids.length;
  }

  /** The places within {@code radiusMetres} of the centre, nearest first (ties by GeoNames id), at most max. */
  public List<GazetteerPlace> within(double lat, double lng, double radiusMetres, int max) {
    List<GazetteerPlace> found = new ArrayList<>();
    double dLat = radiusMetres / METRES_PER_DEGREE;
    int firstRow = row(Math.max(-90, lat - dLat));
    int lastRow = row(Math.min(90, lat + dLat));
    double widest = Math.max(Math.abs(lat - dLat), Math.abs(lat + dLat));
    double dLng = widest >= 89.99 ? 180 : dLat / Math.cos(Math.toRadians(widest));
    int firstColumn = (int) Math.floor(lng - dLng + 180);
    int columns = Math.min(COLUMNS, (int) Math.floor(lng + dLng + 180) - firstColumn + 1);
    // A cheap box test (in whole 1e-5 degrees) spares the haversine for most places of the cells.
    int centreLat = (int) Math.round(lat * 1e5);
    int centreLng = (int) Math.round(lng * 1e5);
    long boxLat = (long) Math.ceil(dLat * 1e5) + 1;
    long boxLng = (long) Math.ceil(dLng * 1e5) + 1;
    for (int r = firstRow; r <= lastRow; r++) {
      for (int k = 0; k < columns; k++) {
        int cell = r * COLUMNS + Math.floorMod(firstColumn + k, COLUMNS);
        for (int i = cellStart[cell]; i < cellStart[cell + 1]; i++) {
          long eastWest = Math.abs((long) lngE5[i] - centreLng);
          if (Math.abs((long) latE5[i] - centreLat) > boxLat
              || Math.min(eastWest, 36_000_000 - eastWest) > boxLng) {
            continue;
          }
          double metres = Haversine.metres(lat, lng, latE5[i] / 1e5, lngE5[i] / 1e5);
          if (metres <= radiusMetres) {
            found.add(new GazetteerPlace(ids[i], latE5[i], lngE5[i], names[i], vicinities[i], metres));
          }
        }
      }
    }
    found.sort(Comparator.comparingDouble(GazetteerPlace::metres).thenComparingInt(GazetteerPlace::geonameId));
    return found.size() <= max ? found : List.copyOf(found.subList(0, max));
  }

  private static int cell(double lat, double lng) {
    return row(lat) * COLUMNS + Math.floorMod((int) Math.floor(lng + 180), COLUMNS);
  }

  private static int row(double lat) {
    return Math.min(ROWS - 1, Math.max(0, (int) Math.floor(lat + 90)));
  }
}
