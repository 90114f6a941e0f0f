package herd.peer;

/** How long to wait before re-dialling a neighbour: doubling from {@code initialMillis}, never above {@code maxMillis}. */
public record Backoff(long initialMillis, long maxMillis) {

  public static final Backoff DEFAULT = new Backoff(100, 5_000);

  public long after(long previousMillis) {
    return previousMillis <= 0 ? initialMillis : Math.min(maxMillis, previousMillis * 2);
  }
}
