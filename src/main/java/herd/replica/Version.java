package herd.replica;

/**
 * When and where a replicated write was accepted. Versions order every write in the herd totally: the later clock
 * wins, and on equal clocks the origin that sorts higher, so every node settles two conflicting writes the same way.
 *
 * @param hlc    microseconds from the accepting node's {@link HybridClock}
 * @param origin the accepting node's origin id: its name and the incarnation of its data ({@code Goloman.lzx4k1})
 */
public record Version(long hlc, String origin) implements Comparable<Version> {

  @Override
  public int compareTo(Version other) {
    int byClock = Long.compare(hlc, other.hlc);
    return byClock != 0 ? byClock : origin.compareTo(other.origin);
  }

  public boolean isNewerThan(Version other) {
    return other == null || compareTo(other) > 0;
  }
}
