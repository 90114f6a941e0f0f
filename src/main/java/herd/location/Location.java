package herd.location;

import herd.protocol.Fields;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A client's reported location as the server that heard it answered: the fields of its AT line, and the line, put
 * together once (the reply, the store and the flood all use it). Two locations are equal when their lines are.
 */
public final class Location {

  private static final Pattern SKEW = Pattern.compile("[+-]\\d+(?:\\.\\d+)?");

  private final String server;
  private final String skew;
  private final String clientId;
  private final Coordinates coordinates;
  private final ClientTime time;
  private final String atLine;

  public Location(String server, String skew, String clientId, Coordinates coordinates, ClientTime time) {
    this.server = server;
    this.skew = skew;
    this.clientId = clientId;
    this.coordinates = coordinates;
    this.time = time;
    this.atLine = "AT " + server + " " + skew + " " + clientId + " " + coordinates.text() + " " + time.text();
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

  /** {@code AT <server> <skew> <client-id> <location> <time>}, without a line ending. */
  public String atLine() {
    return atLine;
  }

  public String server() {
    return server;
  }

  public String skew() {
    return skew;
  }

  public String clientId() {
    return clientId;
  }

  public Coordinates coordinates() {
    return coordinates;
  }

  public ClientTime time() {
    return time;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Location location && atLine.equals(location.atLine);
  }

  @Override
  public int hashCode() {
    return atLine.hashCode();
  }

  @Override
  public String toString() {
    return atLine;
  }
}
