package herd.calc;

import herd.calc.expr.ExpressionLimits;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.WorkerExecutor;
import java.util.Arrays;
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
  private final int[] bounds;
  private final ExpressionLimits limits;
  private final int workers;
  private final Admission admission;
  private final ChunkResult[] results;
  private final Promise<List<ChunkResult>> done = Promise.promise();
  private int submitted;
  private int finished;
  private boolean cancelled;

  BatchEvaluation(WorkerExecutor pool, byte[] text, int chunkBytes, ExpressionLimits limits, int workers,
      Admission admission) {
    this.pool = pool;
    this.admission = admission;
    this.text = text;
    this.bounds = LineChunks.split(text, chunkBytes);
    this.limits = limits;
    this.results = new ChunkResult[bounds.length - 1];
    this.workers = Math.max(1, Math.min(workers, results.length));
  }

  /** How many chunks run at once for this request. */
  int workers() {
    return workers;
  }

  Future<List<ChunkResult>> start() {
    if (results.length == 0) {
      done.complete(List.of());
    }
    for (int i = 0; i < workers && submitted < results.length; i++) {
      submitNext();
    }
    return done.future();
  }

  /** Stops submitting chunks, for a client that went away; the result never completes. */
  void cancel() {
    cancelled = true;
  }

  private void submitNext() {
    int chunk = submitted++;
    pool.executeBlocking(() -> ChunkResult.evaluate(text, bounds[chunk], bounds[chunk + 1], limits), false)
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
          results[chunk] = result.result();
          finished++;
          if (submitted < results.length) {
            submitNext();
          } else if (finished == results.length) {
            done.complete(Arrays.asList(results));
          }
        });
  }
}
