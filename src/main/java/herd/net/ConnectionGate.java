package herd.net;

import java.util.concurrent.atomic.AtomicInteger;

/** Caps the number of open connections of one server, shared by all its verticle instances. */
public final class ConnectionGate {

  private final int max;
  private final AtomicInteger open = new AtomicInteger();

  public ConnectionGate(int max) {
    this.max = max;
  }

  public boolean tryEnter() {
    while (true) {
      int now = open.get();
      if (now >= max) {
        return false;
      }
      if (open.compareAndSet(now, now + 1)) {
        return true;
      }
    }
  }

  public void leave() {
    open.decrementAndGet();
  }

  public int open() {
    return open.get();
  }
}
