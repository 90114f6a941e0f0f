package herd.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Packs a {@link Version} into one long for compact storage: the clock in the high 55 bits and, in the low 8, this
 * node's own number for the accepting node's name. Numbers are local, so packed versions compare by clock and then by
 * the names the numbers stand for, exactly as {@link Version#compareTo} does.
 */
final class Writers {

  static final int MAX_WRITERS = 256;
  static final long MAX_CLOCK = (1L << 55) - 1;

  private final Map<String, Integer> numbers = new ConcurrentHashMap<>();
  private final AtomicReferenceArray<String> names = new AtomicReferenceArray<>(MAX_WRITERS);
  private int count;

  /** The packed version, or -1 if its clock is out of range or the herd has more writers than fit. */
  long pack(Version version) {
    if (version.clock() < 0 || version.clock() > MAX_CLOCK) {
      return -1;
    }
    Integer number = numbers.get(version.node());
    if (number == null) {
      number = register(version.node());
    }
    return number == null ? -1 : version.clock() << 8 | number;
  }

  private synchronized Integer register(String name) {
    Integer number = numbers.get(name);
    if (number == null && count < MAX_WRITERS) {
      number = count++;
      names.set(number, name);
      numbers.put(name, number);
    }
    return number;
  }

  int compare(long packed, long other) {
    int byClock = Long.compare(packed >>> 8, other >>> 8);
    if (byClock != 0) {
      return byClock;
    }
    return names.get((int) packed & 0xff).compareTo(names.get((int) other & 0xff));
  }
}
