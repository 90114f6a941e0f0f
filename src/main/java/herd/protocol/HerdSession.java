package herd.protocol;

import herd.location.Location;
import herd.location.LocationStore;
import herd.location.LocationUpdates;
import herd.location.Skew;
import herd.net.LineHandler;
import herd.node.NodeContext;
import herd.places.GoogleJsonLayout;
import herd.places.PlacesJson;
import herd.places.PlacesProvider;
import herd.places.PlacesQuery;
import herd.replica.Replica.Written;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/** Decides the reply to each line of one herd protocol connection. */
final class HerdSession implements LineHandler {

  private static final Future<Buffer> NO_REPLY = Future.succeededFuture(Buffer.buffer());
  private static final BigDecimal METRES_PER_KM = BigDecimal.valueOf(1000);

  private final NodeContext node;
  private final LocationStore locations;
  private final LocationUpdates locationUpdates;
  private final PlacesProvider places;
  private final CommandCounters commands;

  HerdSession(NodeContext node, LocationStore locations, LocationUpdates locationUpdates, PlacesProvider places,
      CommandCounters commands) {
    this.commands = commands;
    this.node = node;
    this.locations = locations;
    this.locationUpdates = locationUpdates;
    this.places = places;
  }

  @Override
  public Future<Buffer> line(Buffer bytes) {
    HerdCommand command = HerdParser.parse(bytes.toString(StandardCharsets.ISO_8859_1));
    if (command instanceof HerdCommand.Iamat iamat) {
      return iamat(iamat, bytes);
    } else if (command instanceof HerdCommand.Whatsat whatsat) {
      return whatsat(whatsat, bytes);
    } else if (command instanceof HerdCommand.Blank) {
      return NO_REPLY;
    }
    commands.invalid().increment();
    return Future.succeededFuture(invalid(bytes));
  }

  @Override
  public Buffer overlong(Buffer head) {
    commands.invalid().increment();
    return invalid(head);
  }

  /** An older location than the one held is answered but not stored; one the store cannot take gets {@code ?}. */
  private Future<Buffer> iamat(HerdCommand.Iamat iamat, Buffer bytes) {
    String skew = Skew.format(node.clock().instant(), iamat.time());
    Location location = new Location(node.name(), skew, iamat.clientId(), iamat.coordinates(), iamat.time());
    return node.replica().write(locationUpdates, location).map(written -> {
      if (written == Written.FULL || written == Written.FAILED) {
        commands.iamatRefused().increment();
        return invalid(bytes);
      }
      commands.iamatStored().increment();
      return latin1(location.atLine() + "\n");
    });
  }

  private Future<Buffer> whatsat(HerdCommand.Whatsat whatsat, Buffer bytes) {
    node.replica().applyPending();
    Location location = locations.get(whatsat.clientId());
    if (location == null) {
      commands.whatsatUnknown().increment();
      return Future.succeededFuture(invalid(bytes));
    }
    commands.whatsatAnswered().increment();
    PlacesQuery query = new PlacesQuery(location.coordinates().latitude(), location.coordinates().longitude(),
        whatsat.radiusKm().multiply(METRES_PER_KM), whatsat.maxItems());
    return places.nearby(query)
        .recover(error -> Future.succeededFuture(PlacesJson.error("UNKNOWN_ERROR", String.valueOf(error))))
        .map(answer -> latin1(location.atLine() + "\n")
            .appendString(GoogleJsonLayout.print(PlacesJson.limitResults(answer, whatsat.maxItems())))
            .appendString("\n\n"));
  }

  private static Buffer invalid(Buffer line) {
    return Buffer.buffer(line.length() + 3).appendString("? ").appendBuffer(line).appendString("\n");
  }

  private static Buffer latin1(String text) {
    return Buffer.buffer(text.getBytes(StandardCharsets.ISO_8859_1));
  }
}
