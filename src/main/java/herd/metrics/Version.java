package herd.metrics;

/**
 * When and where a put was accepted. Versions order every write in the herd totally: the later clock wins, and on
 * equal clocks the node name that sorts higher, so every node keeps the same one of two conflicting writes.
 *
 * @param clock microseconds from the accepting node's {@link VersionClock}
 * @param node  the accepting node's name
 */
public record Version(long clock, String node) implements Comparable<Version> {

  @Override
  public int compareTo(Version other) {
    int byClock = Long.compare(clock, other.clock);
    return byClock != 0 ? byClock : node.compareTo(other.node);
  }
}
