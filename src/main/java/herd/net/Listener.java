package herd.net;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;

/** Opens one of a node's TCP servers; a port that cannot be had fails with the line the operator sees. */
public final class Listener {

  private Listener() {
  }

  public static Future<NetServer> listen(Vertx vertx, String service, String host, int port,
      Handler<NetSocket> connections) {
    return listen(vertx, service, new NetServerOptions().setHost(host).setPort(port).setTcpNoDelay(true),
        connections);
  }

  /** Listens with {@code options}, which name the host and port. */
  public static Future<NetServer> listen(Vertx vertx, String service, NetServerOptions options,
      Handler<NetSocket> connections) {
    return vertx.createNetServer(options)
        .connectHandler(connections)
        .listen()
        .recover(error -> Future.failedFuture(new IllegalStateException("cannot listen for " + service + " on "
            + options.getHost() + ":" + options.getPort() + ": " + error.getMessage())));
  }
}
