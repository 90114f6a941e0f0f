package herd.calc;

import herd.calc.expr.ExpressionLimits;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.WorkerExecutor;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates one request's lines on the node's worker pool, never on the event loop: the text is cut into chunks
 * of whole lines, at most {@code workers} of them in the pool at once, and their results are put back in order.
 * Because each request keeps only a few chunks queued, a huge request shares the pool with small ones instead of
 * filling its queue. Create, start and cancel it on one event-loop context.
 */
final class BatchEvaluation {

  /** Decides, as each chunk's result arrives, whether the request may keep it. */
  interface Admission {

    /** Why the chunk cannot be kept (the reason the client reads), or null if it can. */
    String refusal(ChunkResult chunk);
  }

  /** A request stopped by its {@link Admission}; its message is the reason. */
  static final class Refused extends RuntimeException {

    Refused(String reason) {
      super(reason, null, false, false);
    }
  }

  static final int CHUNK_BYTES = 64 * 1024;

  private final WorkerExecutor pool;
  private final byte[] text;
  private final int chunkBytes;
  private final ExpressionLimits limits;
  private final int workers;
  private final Admission admission;
  private final List<ChunkResult> results = new ArrayList<>();
  private final Promise<List<ChunkResult>> done = Promise.promise();
  private int nextFrom;
  private int running;
  private boolean cancelled;

  BatchEvaluation(WorkerExecutor pool, byte[] text, int chunkBytes, ExpressionLimits limits, int workers,
      Admission admission) {
    this.pool = pool;
    this.admission = admission;
    this.text = text;
    this.chunkBytes = chunkBytes;
    this.limits = limits;
    long chunks = Math.max(1, ((long) text.length + chunkBytes - 1) / chunkBytes);
    this.workers = (int) Math.min(workers, chunks);
  }

  /** How many chunks run at once for this request (fewer than asked for when it has fewer chunks). */
  int workers() {
    return workers;
  }

  Future<List<ChunkResult>> start() {
    if (text.length == 0) {
      done.complete(List.of());
    }
    for (int i = 0; i < workers && nextFrom < text.length; i++) {
      submitNext();
    }
    return done.future();
  }

  /** Stops submitting chunks, for a client that went away; the result never completes. */
  void cancel() {
    cancelled = true;
  }

  private void submitNext() {
    int chunk = results.size();
    int from = nextFrom;
    int to = LineChunks.end(text, from, chunkBytes);
    nextFrom = to;
    results.add(null);
    running++;
    pool.executeBlocking(() -> ChunkResult.evaluate(text, from, to, limits), false)
        .onComplete(result -> {
          if (cancelled) {
            return;
          }
          if (result.failed()) {
            cancelled = true;
            done.fail(result.cause());
            return;
          }
          String refusal = admission.refusal(result.result());
          if (refusal != null) {
            cancelled = true;
            done.fail(new Refused(refusal));
            return;
          }
          results.set(chunk, result.result());
          running--;
          if (nextFrom < text.length) {
            submitNext();
          } else if (running == 0) {
            done.complete(results);
          }
        });
  }
}
