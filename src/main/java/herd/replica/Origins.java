package herd.replica;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Numbers for origin ids, so a store with millions of versions keeps an {@code int} per version instead of a name.
 * The numbers are this process's own; the table grows with every origin seen, which is one per incarnation of a
 * node's data.
 */
public final class Origins {

  private static final int MAX_ID_LENGTH = 200;

  private final Map<String, Integer> numbers = new ConcurrentHashMap<>();
  private volatile String[] names = new String[8];
  private int count;

  /** Whether a text can be an origin id: printable, no space or control byte, not too long. */
  public static boolean isValidId(String id) {
    if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c <= ' ' || (c >= 0x7f && c < 0xa0) || c > 0xff) {
        return false;
      }
    }
    return true;
  }

  /** A new origin id for a node whose data starts empty now. */
  public static String newId(String nodeName, long nowMillis) {
    return nodeName + "." + Long.toString(nowMillis, 36);
  }

  public int number(String origin) {
    Integer number = numbers.get(origin);
    return number != null ? number : register(origin);
  }

  public String name(int number) {
    return names[number];
  }

  public Version version(long hlc, int origin) {
    return new Version(hlc, names[origin]);
  }

  private synchronized int register(String origin) {
    Integer number = numbers.get(origin);
    if (number != null) {
      return number;
    }
    if (count == names.length) {
      names = Arrays.copyOf(names, count * 2);
    }
    names[count] = origin;
    numbers.put(origin, count);
    return count++;
  }
}
