package herd.protocol;

import herd.location.ClientTime;
import herd.location.Coordinates;
import java.math.BigDecimal;

/** One line of the herd protocol, as the parser understood it. */
public sealed interface HerdCommand {

  /** {@code IAMAT <client-id> <location> <time>}. */
  record Iamat(String clientId, Coordinates coordinates, ClientTime time) implements HerdCommand {
  }

  /** {@code WHATSAT <client-id> <radius-km> <max-items>}. */
  record Whatsat(String clientId, BigDecimal radiusKm, int maxItems) implements HerdCommand {
  }

  /** Nothing but white space: no reply. */
  record Blank() implements HerdCommand {
  }

  /** Anything else: the reply is {@code ? <line>}. */
  record Invalid() implements HerdCommand {
  }
}
