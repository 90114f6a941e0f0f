package herd.replica;

/**
 * One kind of replicated update (a location, a metric point, …): how its value travels as text and how its store
 * decides what wins. The replica knows nothing else of a kind, so a new kind touches neither the links, the disk
 * nor catch-up.
 *
 * @param <T> the update's value
 */
public interface UpdateKind<T> {

  /** The kind's name on the wire and on disk: one word. */
  String name();

  /** The value as one line of text: no {@code \n}, Latin-1. */
  String encode(T value);

  /** The value a payload describes, or null if it is malformed. */
  T decode(String payload);

  /** Offers the value, written at {@code version}, to the kind's store, which keeps it only if it wins. */
  Applied apply(T value, Version version);
}
