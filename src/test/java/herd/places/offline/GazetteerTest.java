package herd.places.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gazetteer on its real data, checked against a brute-force haversine search over every place. */
class GazetteerTest {

  private static final int ALL = Integer.MAX_VALUE;
  private static Gazetteer world;
  private static List<GazetteerPlace> everyPlace;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = GazetteerTest.class.getClassLoader().getResourceAsStream(OfflinePlaces.RESOURCE)) {
      world = Gazetteer.load(in);
    }
    everyPlace = world.within(0, 0, 21_000_000, ALL);
  }

  /** The textbook formula, written out independently of the one under test. */
  private static double haversine(double lat1, double lng1, double lat2, double lng2) {
    double p1 = lat1 * Math.PI / 180;
    double p2 = lat2 * Math.PI / 180;
    double h = Math.sin((p2 - p1) / 2) * Math.sin((p2 - p1) / 2)
        + Math.cos(p1) * Math.cos(p2) * Math.sin((lng2 - lng1) * Math.PI / 360)
        * Math.sin((lng2 - lng1) * Math.PI / 360);
    return 2 * 6_371_008.8 * Math.atan2(Math.sqrt(h), Math.sqrt(1 - h));
  }

  private static double metresFrom(double lat, double lng, GazetteerPlace place) {
    return haversine(lat, lng, place.latE5() / 1e5, place.lngE5() / 1e5);
  }

  private static List<Integer> bruteForce(double lat, double lng, double radius, int max) {
    return everyPlace.stream()
        .filter(place -> metresFrom(lat, lng, place) <= radius)
        .sorted(Comparator.comparingDouble((GazetteerPlace place) -> metresFrom(lat, lng, place))
            .thenComparingInt(GazetteerPlace::geonameId))
        .limit(max)
        .map(GazetteerPlace::geonameId)
        .toList();
  }

  @Test
  void holdsTheCitiesWithAThousandPeople() {
    assertThat(world.size()).isBetween(130_000, 150_000);
    assertThat(everyPlace).hasSize(world.size());
  }

  @Test
  void tenKilometresAroundUclaListsTheWestsideCitiesNearestFirst() {
    List<GazetteerPlace> found = world.within(34.068930, -118.445127, 10_000, ALL);
    assertThat(found).extracting(GazetteerPlace::name)
        .contains("Beverly Hills", "Culver City", "Santa Monica", "West Hollywood")
        .doesNotContain("Los Angeles", "Pasadena");
    assertThat(found).extracting(place -> metresFrom(34.068930, -118.445127, place))
        .allSatisfy(metres -> assertThat(metres).isLessThanOrEqualTo(10_000))
        .isSorted();
    assertThat(found).filteredOn(place -> place.name().equals("Santa Monica")).singleElement()
        .satisfies(place -> assertThat(place.vicinity()).isEqualTo("California, United States"));
  }

  @Test
  void theMiddleOfAnOceanHasNoPlaces() {
    assertThat(world.within(0, -140, 50_000, ALL)).isEmpty();
    assertThat(world.within(-40, -25, 50_000, ALL)).isEmpty();
  }

  @Test
  void givesAtMostMaxItemsAndThoseAreTheNearest() {
    List<GazetteerPlace> twenty = world.within(34.068930, -118.445127, 50_000, 20);
    assertThat(twenty).hasSize(20);
    assertThat(twenty).extracting(GazetteerPlace::geonameId)
        .isEqualTo(bruteForce(34.068930, -118.445127, 50_000, 20));
    assertThat(world.within(34.068930, -118.445127, 50_000, 1)).extracting(GazetteerPlace::name)
        .containsExactly("Westwood");
  }

  @Test
  void findsExactlyWhatABruteForceSearchFindsAnywhereOnEarth() {
    Random random = new Random(20_260_101);
    double[][] centres = new double[40][];
    centres[0] = new double[] {-17.8, 179.9};
    centres[1] = new double[] {-16.4, -179.99};
    centres[2] = new double[] {66.3, -179.5};
    centres[3] = new double[] {78.22, 15.64};
    centres[4] = new double[] {-89.9, 0};
    centres[5] = new double[] {51.5, -0.05};
    for (int i = 6; i < centres.length; i++) {
      centres[i] = new double[] {Math.toDegrees(Math.asin(2 * random.nextDouble() - 1)),
          360 * random.nextDouble() - 180};
    }
    for (double[] centre : centres) {
      double radius = 1 + random.nextInt(50_000);
      assertThat(world.within(centre[0], centre[1], radius, ALL)).extracting(GazetteerPlace::geonameId)
          .as("%s,%s within %s m", centre[0], centre[1], radius)
          .isEqualTo(bruteForce(centre[0], centre[1], radius, ALL));
    }
  }

  @Test
  void searchesAcrossTheAntimeridian() throws IOException {
    Gazetteer small = Gazetteer.load(gzip("""
        1\t-1700000\t17995000\tPPL\t1000\tEast\tE, Fiji
        2\t-1700000\t-17995000\tPPL\t1000\tWest\tW, Fiji
        3\t-1700000\t17800000\tPPL\t1000\tFar\tF, Fiji
        """));
    assertThat(small.within(-17, 179.99, 20_000, ALL)).extracting(GazetteerPlace::name)
        .containsExactly("East", "West");
    assertThat(small.within(-17, -179.99, 20_000, ALL)).extracting(GazetteerPlace::name)
        .containsExactly("West", "East");
  }

  @Test
  void searchesAcrossAPole() throws IOException {
    Gazetteer small = Gazetteer.load(gzip("""
        7\t8995000\t0\tPPL\t1000\tNear side\tArctic
        8\t8995000\t18000000\tPPL\t1000\tFar side\tArctic
        """));
    assertThat(small.within(89.99, 180, 20_000, ALL)).extracting(GazetteerPlace::name)
        .containsExactly("Far side", "Near side");
  }

  @Test
  void placesAtTheSameDistanceComeInGeoNamesIdOrder() throws IOException {
    Gazetteer small = Gazetteer.load(gzip("""
        9\t100\t0\tPPL\t1000\tNine\tX
        4\t-100\t0\tPPL\t1000\tFour\tX
        """));
    assertThat(small.within(0, 0, 5_000, ALL)).extracting(GazetteerPlace::geonameId).containsExactly(4, 9);
  }

  @Test
  void aMalformedLineIsAnError() {
    assertThatThrownBy(() -> Gazetteer.load(gzip("1\t0\t0\tPPL\t1000\tOne\n")))
        .isInstanceOf(IOException.class).hasMessage("gazetteer line 1 has 6 fields, not 7");
    assertThatThrownBy(() -> Gazetteer.load(gzip("1\tnorth\t0\tPPL\t1000\tOne\tX\n")))
        .isInstanceOf(IOException.class).hasMessageStartingWith("gazetteer id or position is not a number");
    assertThatThrownBy(() -> Gazetteer.load(gzip("one\t0\t0\tPPL\t1000\tOne\tX\n")))
        .isInstanceOf(IOException.class).hasMessageStartingWith("gazetteer id or position is not a number");
  }

  private static InputStream gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return new ByteArrayInputStream(bytes.toByteArray());
  }
}
