package herd.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports that were free a moment ago, for configs that must name a port before anything binds it. Two servers of one
 * Vert.x on one port share it, so a port is never handed out twice in a test JVM. The ports lie below the kernel's
 * range of ephemeral ports (Linux: from 32768), so a client's connection can never take a port while its node is
 * stopped for a restart (it did: "Address already in use" when the node came back).
 */
public final class FreePorts {

  private static final int FIRST = 20_000;
  private static final int LAST = 32_767;
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  private FreePorts() {
  }

  public static int next() {
    IOException last = null;
    for (int attempt = 0; attempt < 1000; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(FIRST, LAST + 1);
      if (HANDED_OUT.contains(port)) {
        continue;
      }
      try (ServerSocket socket = new ServerSocket()) {
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        if (HANDED_OUT.add(port)) {
          return port;
        }
      } catch (IOException e) {
        last = e;
      }
    }
    throw new IllegalStateException("no free port in " + FIRST + "-" + LAST, last);
  }
}
