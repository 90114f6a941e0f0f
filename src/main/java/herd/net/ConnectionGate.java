package herd.net;

import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Caps the connections of one server, shared by all its verticle instances: at most {@code max} open, and at most
 * {@code maxPerAddress} of them from one remote address, so that one host cannot take every slot. A refused
 * connection is closed without a word; refusals are logged once per burst (the first, then how many when a
 * connection is admitted again), so a flood of refused connections cannot flood the log.
 */
public final class ConnectionGate {

  private final int max;
  private final int maxPerAddress;
  private final Logger log;
  private final String service;
  private final AtomicInteger open = new AtomicInteger();
  private final Map<String, Integer> perAddress = new ConcurrentHashMap<>();
  private final AtomicLong refusedInBurst = new AtomicLong();

  public ConnectionGate(int max, int maxPerAddress, Logger log, String service) {
    this.max = max;
    this.maxPerAddress = maxPerAddress;
    this.log = log;
    this.service = service;
  }

  /** Lets the socket in if the caps allow, or closes it; the caller calls {@link #leave} when it closes. */
  public boolean admit(NetSocket socket) {
    String address = address(socket);
    String refusal = tryEnter(address);
    if (refusal == null) {
      long refused = refusedInBurst.get();
      if (refused > 0 && refusedInBurst.compareAndSet(refused, 0)) {
        log.info("{}: admitting connections again, after refusing {}", service, refused);
      }
      return true;
    }
    if (refusedInBurst.getAndIncrement() == 0) {
      log.warn("{}: refusing connections: {} (logged once until one is admitted again)", service, refusal);
    }
    socket.close();
    return false;
  }

  /** Null if the connection may enter (and is now counted), else why not. */
  String tryEnter(String address) {
    int now = open.incrementAndGet();
    if (now > max) {
      open.decrementAndGet();
      return now - 1 + " connections open";
    }
    int fromAddress = perAddress.merge(address, 1, Integer::sum);
    if (fromAddress > maxPerAddress) {
      leave(address);
      return fromAddress - 1 + " connections open from " + address;
    }
    return null;
  }

  public void leave(NetSocket socket) {
    leave(address(socket));
  }

  void leave(String address) {
    perAddress.computeIfPresent(address, (key, count) -> count == 1 ? null : count - 1);
    open.decrementAndGet();
  }

  public int open() {
    return open.get();
  }

  private static String address(NetSocket socket) {
    SocketAddress remote = socket.remoteAddress();
    String host = remote == null ? null : remote.hostAddress();
    return host == null ? "unknown" : host;
  }
}
