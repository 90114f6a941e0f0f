package herd.net;

import io.netty.channel.ChannelOption;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.impl.ShutdownEvent;

/**
 * Lets a socket keep writing after its peer half-closes. Netty closes a channel when it reads end-of-stream
 * unless half-closure is allowed; our clients send their last command and then shut down their output while
 * they wait for the reply, so the reply must still go out.
 */
public final class InputShutdown {

  private InputShutdown() {
  }

  /** Call from the connect handler, before the first read; {@code handler} runs when the peer ends its output. */
  public static void handle(NetSocket socket, Runnable handler) {
    NetSocketInternal internal = (NetSocketInternal) socket;
    internal.channelHandlerContext().channel().config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
    internal.eventHandler(event -> {
      if (event == ChannelInputShutdownEvent.INSTANCE) {
        handler.run();
      } else if (event instanceof ShutdownEvent) {
        socket.close();
      }
    });
  }
}
