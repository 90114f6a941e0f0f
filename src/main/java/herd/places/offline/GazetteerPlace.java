package herd.places.offline;

/**
 * A populated place of the gazetteer.
 *
 * @param geonameId GeoNames' id of the place
 * @param latE5     latitude in hundred-thousandths of a degree
 * @param lngE5     longitude in hundred-thousandths of a degree
 * @param name      its name
 * @param vicinity  "Region, Country", or the country alone
 * @param metres    its distance from the centre of the search that found it
 */
public record GazetteerPlace(int geonameId, int latE5, int lngE5, String name, String vicinity, double metres) {
}
