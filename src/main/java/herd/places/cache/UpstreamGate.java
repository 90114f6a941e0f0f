package herd.places.cache;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.function.Supplier;

/** Lets at most a fixed number of upstream calls run at once; later ones wait in arrival order. Thread-safe. */
public final class UpstreamGate {

  private final int maxRunning;
  private final Queue<Runnable> waiting = new ArrayDeque<>();
  private int running;

  public UpstreamGate(int maxRunning) {
    this.maxRunning = maxRunning;
  }

  /** Runs the call when a slot is free; the result completes when the call does. */
  public <T> Future<T> run(Supplier<Future<T>> call) {
    Promise<T> result = Promise.promise();
    Runnable start = () -> {
      Future<T> started;
      try {
        started = call.get();
      } catch (RuntimeException e) {
        started = Future.failedFuture(e);
      }
      started.onComplete(done -> {
        release();
        result.handle(done);
      });
    };
    boolean now;
    synchronized (this) {
      now = running < maxRunning;
      if (now) {
        running++;
      } else {
        waiting.add(start);
      }
    }
    if (now) {
      start.run();
    }
    return result.future();
  }

  /** Upstream calls waiting for a slot. */
  public synchronized int waiting() {
    return waiting.size();
  }

  private void release() {
    Runnable next;
    synchronized (this) {
      next = waiting.poll();
      if (next == null) {
        running--;
      }
    }
    if (next != null) {
      next.run();
    }
  }
}
