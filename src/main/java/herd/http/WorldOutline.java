package herd.http;

import herd.places.offline.OfflinePlaces;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.zip.GZIPInputStream;

/**
 * The inhabited world as the page's map draws it: every cell of a one-degree grid that holds a place of the offline
 * gazetteer, as JSON {@code {"step":1,"points":[lat,lon,lat,lon,…]}} (about 60 KB). Made once per process, off the
 * event loop, from the gazetteer the jar already ships.
 */
final class WorldOutline {

  private static Future<Buffer> outline;

  private WorldOutline() {
  }

  static synchronized Future<Buffer> json(Vertx vertx) {
    if (outline == null || outline.failed()) {
      outline = vertx.executeBlocking(WorldOutline::build, false);
    }
    return outline;
  }

  static Buffer build() {
    BitSet cells = new BitSet(180 * 360);
    try (InputStream raw = WorldOutline.class.getClassLoader().getResourceAsStream(OfflinePlaces.RESOURCE)) {
      if (raw == null) {
        throw new IOException("no gazetteer " + OfflinePlaces.RESOURCE + " in the jar");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw, 1 << 16),
          StandardCharsets.UTF_8), 1 << 16);
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] fields = line.split("\t", 4);
        if (fields.length < 3) {
          continue;
        }
        int lat = (int) Math.floor(Integer.parseInt(fields[1]) / 100_000.0);
        int lon = (int) Math.floor(Integer.parseInt(fields[2]) / 100_000.0);
        cells.set(Math.floorMod(lat + 90, 180) * 360 + Math.floorMod(lon + 180, 360));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder json = new StringBuilder(cells.cardinality() * 9).append("{\"step\":1,\"points\":[");
    for (int cell = cells.nextSetBit(0); cell >= 0; cell = cells.nextSetBit(cell + 1)) {
      if (json.charAt(json.length() - 1) != '[') {
        json.append(',');
      }
      json.append(cell / 360 - 90).append(',').append(cell % 360 - 180);
    }
    return Buffer.buffer(json.append("]}").toString());
  }
}
