package herd.location;

import herd.protocol.Fields;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A client's reported location as the server that heard it answered: the fields of its AT line, and the line, put
 * together once by the five-field constructor (the reply, the store and the flood all use it).
 *
 * @param atLine {@code AT <server> <skew> <client-id> <location> <time>}, without a line ending
 */
public record Location(String server, String skew, String clientId, Coordinates coordinates, ClientTime time,
    String atLine) {

  private static final Pattern SKEW = Pattern.compile("[+-]\\d+(?:\\.\\d+)?");

  public Location(String server, String skew, String clientId, Coordinates coordinates, ClientTime time) {
    this(server, skew, clientId, coordinates, time,
        "AT " + server + " " + skew + " " + clientId + " " + coordinates.text() + " " + time.text());
  }

  /** The location an AT line describes, or null if it is not a well-formed AT line. */
  public static Location parseAt(String line) {
    List<String> f = Fields.split(line);
    if (f.size() != 6 || !f.get(0).equals("AT") || !SKEW.matcher(f.get(2)).matches()) {
      return null;
    }
    Coordinates coordinates = Coordinates.parse(f.get(4));
    ClientTime time = ClientTime.parse(f.get(5));
    if (coordinates == null || time == null) {
      return null;
    }
    return new Location(f.get(1), f.get(2), f.get(3), coordinates, time);
  }
}
