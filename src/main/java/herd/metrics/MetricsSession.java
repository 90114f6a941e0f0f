package herd.metrics;

import herd.net.LineHandler;
import herd.net.ReplyChunks;
import herd.protocol.Fields;
import herd.replica.Replica;
import herd.replica.Replica.Written;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/** Decides the reply to each line of one metrics connection. */
final class MetricsSession implements LineHandler {

  private static final Future<Buffer> ERROR = Future.succeededFuture(MetricsReply.ERROR);
  private static final Future<Buffer> NO_REPLY = Future.succeededFuture(Buffer.buffer());

  private final MetricStore store;
  private final PointUpdates points;
  private final Replica replica;
  private final CommandCounters commands;

  MetricsSession(MetricStore store, PointUpdates points, Replica replica, CommandCounters commands) {
    this.commands = commands;
    this.store = store;
    this.points = points;
    this.replica = replica;
  }

  @Override
  public Future<Buffer> line(Buffer bytes) {
    MetricsCommand command = MetricsParser.parse(bytes.toString(StandardCharsets.ISO_8859_1));
    if (command instanceof MetricsCommand.Put put) {
      return replica.write(points, put).map(written -> {
        if (written == Written.STORED) {
          commands.putStored().increment();
          return MetricsReply.OK;
        }
        commands.putRefused().increment();
        return MetricsReply.ERROR;
      });
    } else if (command instanceof MetricsCommand.Get get) {
      commands.get().increment();
      replica.applyPending();
      return Future.succeededFuture(MetricsReply.points(store.select(get.key())));
    } else if (command instanceof MetricsCommand.Blank) {
      return NO_REPLY;
    }
    commands.invalid().increment();
    return ERROR;
  }

  /** Only a get can answer with more than a line; a put, the common case, is told apart by its first letter. */
  @Override
  public ReplyChunks chunked(Buffer bytes) {
    int i = 0;
    while (i < bytes.length() && Fields.isSpace((char) bytes.getByte(i))) {
      i++;
    }
    if (i == bytes.length() || bytes.getByte(i) != 'g') {
      return null;
    }
    MetricsCommand command = MetricsParser.parse(bytes.toString(StandardCharsets.ISO_8859_1));
    if (command instanceof MetricsCommand.Get get) {
      commands.get().increment();
      replica.applyPending();
      return MetricsReply.chunks(store.select(get.key()));
    }
    return null;
  }

  @Override
  public Buffer overlong(Buffer head) {
    commands.invalid().increment();
    return MetricsReply.ERROR;
  }
}
