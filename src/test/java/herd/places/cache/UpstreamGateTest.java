package herd.places.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpstreamGateTest {

  private final List<String> started = new ArrayList<>();
  private final List<Promise<String>> running = new ArrayList<>();

  private Future<String> call(UpstreamGate gate, String name) {
    return gate.run(() -> {
      started.add(name);
      Promise<String> promise = Promise.promise();
      running.add(promise);
      return promise.future();
    });
  }

  @Test
  void runsAtMostTheLimitAndStartsTheRestInArrivalOrder() {
    UpstreamGate gate = new UpstreamGate(2);
    Future<String> a = call(gate, "a");
    call(gate, "b");
    call(gate, "c");
    call(gate, "d");
    assertThat(started).containsExactly("a", "b");
    assertThat(gate.waiting()).isEqualTo(2);
    running.get(0).complete("A");
    assertThat(a.result()).isEqualTo("A");
    assertThat(started).containsExactly("a", "b", "c");
    running.get(1).fail("b failed");
    assertThat(started).containsExactly("a", "b", "c", "d");
    assertThat(gate.waiting()).isZero();
  }

  @Test
  void aFailedOrThrowingCallFreesItsSlot() {
    UpstreamGate gate = new UpstreamGate(1);
    Future<String> thrown = gate.run(() -> {
      throw new IllegalStateException("no");
    });
    assertThat(thrown.cause()).hasMessage("no");
    Future<String> failed = gate.run(() -> Future.failedFuture("down"));
    assertThat(failed.cause()).hasMessage("down");
    call(gate, "next");
    assertThat(started).containsExactly("next");
  }

  @Test
  void aFreedSlotIsReusedWhenNobodyWaits() {
    UpstreamGate gate = new UpstreamGate(1);
    call(gate, "a");
    running.get(0).complete("A");
    call(gate, "b");
    assertThat(started).containsExactly("a", "b");
  }
}
