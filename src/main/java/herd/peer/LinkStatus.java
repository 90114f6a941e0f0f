package herd.peer;

import java.time.Instant;

/**
 * One configured neighbour's link as it is now: up or down since when, who dialled the connection that carries it
 * (null while down), whether it was authenticated with the herd key, and the lines and bytes it has carried each way
 * (all the neighbour's links together, handshakes and heartbeats not counted).
 */
public record LinkStatus(String neighbour, boolean up, Instant since, Direction direction, boolean authenticated,
    long messagesIn, long bytesIn, long messagesOut, long bytesOut) {

  /** Who opened the connection: this node ({@code DIALLED}) or the neighbour ({@code ACCEPTED}). */
  public enum Direction { DIALLED, ACCEPTED }
}
