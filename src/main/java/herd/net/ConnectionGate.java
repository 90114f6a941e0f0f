package herd.net;

import io.vertx.core.net.NetSocket;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Caps the number of open connections of one server, shared by all its verticle instances. */
public final class ConnectionGate {

  private final int max;
  private final AtomicInteger open = new AtomicInteger();

  public ConnectionGate(int max) {
    this.max = max;
  }

  /** Lets the socket in if the cap allows, or closes it and says why; the caller calls {@link #leave} on close. */
  public boolean admit(NetSocket socket, Consumer<String> refusal) {
    if (tryEnter()) {
      return true;
    }
    refusal.accept("refused: " + open() + " connections open");
    socket.close();
    return false;
  }

  boolean tryEnter() {
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
