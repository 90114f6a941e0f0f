package herd.net;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.impl.ShutdownEvent;
import io.vertx.core.streams.impl.InboundBuffer;

/**
 * Lets a socket keep writing after its peer half-closes. Netty closes a channel when it reads end-of-stream
 * unless half-closure is allowed; our clients send their last command and then shut down their output while
 * they wait for the reply, so the reply must still go out.
 *
 * <p>Netty reports the half-close as an event, which Vert.x hands on at once, ahead of data it still holds for a
 * paused socket. So the event is turned into the end-of-stream marker of the socket's own read queue: the end
 * handler then runs after the last byte, however long reading was paused.
 */
public final class InputShutdown {

  private InputShutdown() {
  }

  /** Call from the connect handler, before the first read; {@code handler} runs once, after the peer's last byte. */
  public static void handle(NetSocket socket, Runnable handler) {
    NetSocketInternal internal = (NetSocketInternal) socket;
    ChannelHandlerContext vertxHandler = internal.channelHandlerContext();
    vertxHandler.channel().config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
    vertxHandler.pipeline().addBefore(vertxHandler.name(), "herd-input-shutdown", new InOrder());
    boolean[] ended = new boolean[1];
    socket.endHandler(v -> {
      if (!ended[0]) {
        ended[0] = true;
        handler.run();
      }
    });
    internal.eventHandler(event -> {
      if (event instanceof ShutdownEvent) {
        socket.close();
      }
    });
  }

  private static final class InOrder extends ChannelInboundHandlerAdapter {
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
      if (event == ChannelInputShutdownEvent.INSTANCE) {
        ctx.fireChannelRead(InboundBuffer.END_SENTINEL);
      } else {
        ctx.fireUserEventTriggered(event);
      }
    }
  }
}
