package herd.location;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One record per client id, kept without an object per client: records lie one after another in pages of
 * {@value #PAGE_BYTES} bytes and are found through an open-addressing index in one primitive array, so a store of
 * millions of clients gives the garbage collector nothing to copy and no references to track (with a map of objects
 * that was the largest cost of a store that grows). A record is a client id, its version's origin and clock, and a
 * value. A new value is written over the old one when it fits (every record has room to spare), else the record
 * moves and its old place is dead; a page left more than half dead has its live records moved out and is used again.
 * Ids are hashed with a secret key ({@link SipHash}), so no client can make them collide. Not thread-safe.
 */
final class ClientRecords {

  /** Under half of G1's smallest region: a page is an ordinary object, not a humongous one filling whole regions. */
  static final int PAGE_BYTES = 1 << 18;
  /** Where a record's header keeps its size, the lengths of its id, origin and value, and its clock. */
  private static final int SIZE_AT = 0;
  private static final int ID_LENGTH_AT = 4;
  private static final int ORIGIN_LENGTH_AT = 8;
  private static final int VALUE_LENGTH_AT = 12;
  private static final int CLOCK_AT = 16;
  private static final int HEADER_BYTES = 24;
  private static final int SPARE_BYTES = 16;
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final SipHash hash;
  /**
   * Two longs a slot, side by side so that a probe reads one cache line: the record's address plus one (0 for an
   * empty slot), and the id's hash. A power of two slots, at most half of them full.
   */
  private long[] slots = new long[2 * 16];
  private int count;
  private final List<byte[]> pages = new ArrayList<>();
  private int[] used = new int[8];
  private int[] dead = new int[8];
  private final ArrayDeque<Integer> freePages = new ArrayDeque<>();
  private final ArrayDeque<Integer> toEmpty = new ArrayDeque<>();
  private int filling = -1;
  private long recordBytes;

  ClientRecords(SipHash hash) {
    this.hash = hash;
  }

  int size() {
    return count;
  }

  /** The bytes of the records (dead ones too, until their page is emptied) and of the index. */
  long bytes() {
    return recordBytes + (long) slots.length * Long.BYTES;
  }

  /** How many bytes a new record adds to {@link #bytes()} (the index aside). */
  static int recordSize(int idLength, int originLength, int valueLength) {
    return (HEADER_BYTES + idLength + originLength + valueLength + SPARE_BYTES + 7) & ~7;
  }

  /** The slot of the record of {@code id}, or -1. */
  int find(byte[] id) {
    int slot = probe(id, 0, id.length, hashOf(id, 0, id.length));
    return Math.max(slot, -1);
  }

  long clock(int slot) {
    long address = slots[2 * slot] - 1;
    return (long) LONG.get(page(address), offset(address) + CLOCK_AT);
  }

  String origin(int slot) {
    long address = slots[2 * slot] - 1;
    byte[] page = page(address);
    int at = offset(address);
    int from = at + HEADER_BYTES + idLength(page, at);
    return new String(page, from, (int) INT.get(page, at + ORIGIN_LENGTH_AT), StandardCharsets.ISO_8859_1);
  }

  byte[] value(int slot) {
    long address = slots[2 * slot] - 1;
    byte[] page = page(address);
    int at = offset(address);
    int from = at + HEADER_BYTES + idLength(page, at) + (int) INT.get(page, at + ORIGIN_LENGTH_AT);
    return Arrays.copyOfRange(page, from, from + (int) INT.get(page, at + VALUE_LENGTH_AT));
  }

  /** Adds the record of an id that has none. */
  void add(byte[] id, String origin, long clock, byte[] value) {
    if ((count + 1) * 2 > capacity()) {
      growIndex();
    }
    int hashed = hashOf(id, 0, id.length);
    int slot = probe(id, 0, id.length, hashed);
    if (slot >= 0) {
      throw new IllegalArgumentException("the id has a record");
    }
    byte[] originBytes = origin.getBytes(StandardCharsets.ISO_8859_1);
    long address = allocate(recordSize(id.length, originBytes.length, value.length));
    byte[] page = page(address);
    int at = offset(address);
    INT.set(page, at + ID_LENGTH_AT, id.length);
    System.arraycopy(id, 0, page, at + HEADER_BYTES, id.length);
    fill(page, at, originBytes, clock, value);
    slots[2 * (-slot - 1)] = address + 1;
    slots[2 * (-slot - 1) + 1] = hashed;
    count++;
    emptyDeadPages();
  }

  /** Gives the record in {@code slot} a new version and value. */
  void replace(int slot, String origin, long clock, byte[] value) {
    long address = slots[2 * slot] - 1;
    byte[] page = page(address);
    int at = offset(address);
    int size = (int) INT.get(page, at + SIZE_AT);
    int idLength = idLength(page, at);
    byte[] originBytes = origin.getBytes(StandardCharsets.ISO_8859_1);
    if (HEADER_BYTES + idLength + originBytes.length + value.length <= size) {
      fill(page, at, originBytes, clock, value);
      return;
    }
    long moved = allocate(recordSize(idLength, originBytes.length, value.length));
    byte[] to = page(moved);
    int toAt = offset(moved);
    INT.set(to, toAt + ID_LENGTH_AT, idLength);
    System.arraycopy(page, at + HEADER_BYTES, to, toAt + HEADER_BYTES, idLength);
    fill(to, toAt, originBytes, clock, value);
    slots[2 * slot] = moved + 1;
    int pageIndex = pageIndex(address);
    dead[pageIndex] += size;
    if (pageIndex != filling) {
      emptyIfMostlyDead(pageIndex);
    }
    emptyDeadPages();
  }

  /** Writes all of a record after its size and id: the origin, clock and value. */
  private static void fill(byte[] page, int at, byte[] origin, long clock, byte[] value) {
    int originAt = at + HEADER_BYTES + idLength(page, at);
    INT.set(page, at + ORIGIN_LENGTH_AT, origin.length);
    INT.set(page, at + VALUE_LENGTH_AT, value.length);
    LONG.set(page, at + CLOCK_AT, clock);
    System.arraycopy(origin, 0, page, originAt, origin.length);
    System.arraycopy(value, 0, page, originAt + origin.length, value.length);
  }

  /** The slot holding the id, or minus one minus the empty slot where it would go. */
  private int probe(byte[] id, int from, int length, int hashed) {
    int mask = capacity() - 1;
    for (int slot = hashed & mask; ; slot = (slot + 1) & mask) {
      long address = slots[2 * slot] - 1;
      if (address < 0) {
        return -slot - 1;
      }
      if ((int) slots[2 * slot + 1] == hashed && idEquals(address, id, from, length)) {
        return slot;
      }
    }
  }

  private boolean idEquals(long address, byte[] id, int from, int length) {
    byte[] page = page(address);
    int at = offset(address) + HEADER_BYTES;
    return idLength(page, offset(address)) == length && Arrays.equals(page, at, at + length, id, from, from + length);
  }

  private int hashOf(byte[] bytes, int from, int length) {
    long hashed = hash.hash(bytes, from, length);
    return (int) (hashed ^ (hashed >>> 32));
  }

  private void growIndex() {
    long[] old = slots;
    slots = new long[old.length * 2];
    int mask = capacity() - 1;
    for (int i = 0; i < old.length; i += 2) {
      if (old[i] != 0) {
        int slot = (int) old[i + 1] & mask;
        while (slots[2 * slot] != 0) {
          slot = (slot + 1) & mask;
        }
        slots[2 * slot] = old[i];
        slots[2 * slot + 1] = old[i + 1];
      }
    }
  }

  /** Room for a record of {@code size} bytes, its size written. */
  private long allocate(int size) {
    if (filling < 0 || used[filling] + size > pages.get(filling).length) {
      if (filling >= 0) {
        emptyIfMostlyDead(filling);
      }
      filling = newPage(Math.max(PAGE_BYTES, size));
    }
    int at = used[filling];
    used[filling] += size;
    recordBytes += size;
    INT.set(pages.get(filling), at + SIZE_AT, size);
    return (long) filling << 32 | at;
  }

  private int newPage(int length) {
    Integer free = freePages.poll();
    int index;
    if (free != null) {
      index = free;
    } else {
      index = pages.size();
      pages.add(null);
      if (index == used.length) {
        used = Arrays.copyOf(used, index * 2);
        dead = Arrays.copyOf(dead, index * 2);
      }
    }
    byte[] page = pages.get(index);
    if (page == null || page.length != length) {
      pages.set(index, new byte[length]);
    }
    used[index] = 0;
    dead[index] = 0;
    return index;
  }

  private void emptyIfMostlyDead(int page) {
    if (dead[page] * 2L > pages.get(page).length && !toEmpty.contains(page)) {
      toEmpty.add(page);
    }
  }

  /** Moves the live records out of each page waiting to be emptied, and frees it. */
  private void emptyDeadPages() {
    for (Integer index = toEmpty.poll(); index != null; index = toEmpty.poll()) {
      byte[] page = pages.get(index);
      for (int at = 0; at < used[index]; ) {
        int size = (int) INT.get(page, at + SIZE_AT);
        int idLength = idLength(page, at);
        int slot = probe(page, at + HEADER_BYTES, idLength, hashOf(page, at + HEADER_BYTES, idLength));
        if (slot >= 0 && slots[2 * slot] - 1 == ((long) index << 32 | at)) {
          long moved = allocate(size);
          System.arraycopy(page, at, page(moved), offset(moved), size);
          slots[2 * slot] = moved + 1;
        }
        at += size;
      }
      recordBytes -= used[index];
      used[index] = 0;
      dead[index] = 0;
      if (page.length != PAGE_BYTES) {
        pages.set(index, null);
      }
      freePages.add(index);
    }
  }

  private int capacity() {
    return slots.length / 2;
  }

  private byte[] page(long address) {
    return pages.get(pageIndex(address));
  }

  private static int pageIndex(long address) {
    return (int) (address >>> 32);
  }

  private static int offset(long address) {
    return (int) address;
  }

  private static int idLength(byte[] page, int at) {
    return (int) INT.get(page, at + ID_LENGTH_AT);
  }
}
