package herd.calc;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of requests and results one node's calculation service may hold at once, shared by all its verticle
 * instances, so that many large requests together cannot exhaust the heap.
 */
final class MemoryBudget {

  private final long max;
  private final AtomicLong used = new AtomicLong();

  MemoryBudget(long max) {
    this.max = max;
  }

  boolean tryReserve(long bytes) {
    while (true) {
      long now = used.get();
      if (now + bytes > max) {
        return false;
      }
      if (used.compareAndSet(now, now + bytes)) {
        return true;
      }
    }
  }

  void release(long bytes) {
    used.addAndGet(-bytes);
  }

  long used() {
    return used.get();
  }
}
