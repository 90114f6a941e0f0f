package herd.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A closed-loop load on a line protocol: each connection keeps {@code depth} requests in flight, sending a new one
 * as each reply completes. A reply is complete after {@code newlinesPerReply} newlines, which covers the protocols
 * measured here (metrics {@code ok\n\n}: 2; herd {@code AT ...\n} and Redis {@code :1\r\n}: 1). Replies and their
 * latencies are counted only inside the measured window, after a warm-up.
 */
public final class LineLoad {

  private final Vertx vertx;
  private final NetClient client;

  public LineLoad(Vertx vertx) {
    this.vertx = vertx;
    this.client = vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true).setConnectTimeout(5_000));
  }

  /** The shape of one run. */
  public record Plan(int connections, int depth, long warmupMillis, long measureMillis) {
  }

  public Future<LoadResult> run(String target, int port, int newlinesPerReply, Requests requests, Plan plan) {
    long start = System.nanoTime() + plan.warmupMillis() * 1_000_000;
    long end = start + plan.measureMillis() * 1_000_000;
    List<Future<Connection>> connections = new ArrayList<>();
    for (int c = 0; c < plan.connections(); c++) {
      int id = c;
      connections.add(client.connect(port, "127.0.0.1")
          .map(socket -> new Connection(id, socket, newlinesPerReply, requests, plan.depth(), start, end)));
    }
    return Future.all(connections).compose(all -> {
      List<Connection> open = all.list();
      open.forEach(Connection::begin);
      Promise<LoadResult> done = Promise.promise();
      long wait = Math.max(1, (end - System.nanoTime()) / 1_000_000 + 200);
      vertx.setTimer(wait, t -> Future.all(open.stream().map(Connection::finish).toList()).onComplete(finished -> {
        long replies = open.stream().mapToLong(c -> c.replies).sum();
        long[][] latencies = open.stream().map(c -> Arrays.copyOf(c.latencies, c.samples)).toArray(long[][]::new);
        done.complete(new LoadResult(target, plan.connections(), plan.depth(), replies,
            (end - start) / 1e9, LoadResult.sorted(latencies)));
      }));
      return done.future();
    });
  }

  public Future<Void> close() {
    return client.close();
  }

  /** One connection's loop; all of its state lives on its event loop. */
  private static final class Connection {
    private final int id;
    private final NetSocket socket;
    private final int newlinesPerReply;
    private final Requests requests;
    private final int depth;
    private final long start;
    private final long end;
    private final Context context;
    private final long[] sentAt;
    private int head;
    private int inFlight;
    private int newlines;
    private long sequence;
    private boolean stopping;
    long replies;
    long[] latencies = new long[1024];
    int samples;

    Connection(int id, NetSocket socket, int newlinesPerReply, Requests requests, int depth, long start, long end) {
      this.id = id;
      this.socket = socket;
      this.newlinesPerReply = newlinesPerReply;
      this.requests = requests;
      this.depth = depth;
      this.start = start;
      this.end = end;
      this.context = Vertx.currentContext();
      this.sentAt = new long[depth];
      socket.handler(this::received);
    }

    void begin() {
      context.runOnContext(v -> {
        StringBuilder batch = new StringBuilder();
        while (inFlight < depth) {
          send(batch, System.nanoTime());
        }
        socket.write(Buffer.buffer(batch.toString().getBytes(StandardCharsets.ISO_8859_1)));
      });
    }

    Future<Connection> finish() {
      Promise<Connection> finished = Promise.promise();
      context.runOnContext(v -> {
        stopping = true;
        socket.close().onComplete(closed -> finished.complete(this));
      });
      return finished.future();
    }

    private void received(Buffer bytes) {
      long now = System.nanoTime();
      StringBuilder batch = null;
      for (int i = 0; i < bytes.length(); i++) {
        if (bytes.getByte(i) == '\n' && ++newlines == newlinesPerReply) {
          newlines = 0;
          replied(now);
          if (!stopping && now < end) {
            if (batch == null) {
              batch = new StringBuilder();
            }
            send(batch, now);
          }
        }
      }
      if (batch != null) {
        socket.write(Buffer.buffer(batch.toString().getBytes(StandardCharsets.ISO_8859_1)));
      }
    }

    private void send(StringBuilder batch, long now) {
      batch.append(requests.line(id, sequence++));
      sentAt[(head + inFlight) % depth] = now;
      inFlight++;
    }

    private void replied(long now) {
      long sent = sentAt[head];
      head = (head + 1) % depth;
      inFlight--;
      if (sent >= start && now <= end) {
        replies++;
        if (samples == latencies.length) {
          latencies = Arrays.copyOf(latencies, samples * 2);
        }
        latencies[samples++] = now - sent;
      }
    }
  }
}
