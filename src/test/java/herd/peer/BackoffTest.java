package herd.peer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void doublesFromTheFirstWaitUpToTheLongest() {
    Backoff backoff = Backoff.DEFAULT;
    long wait = 0;
    StringBuilder waits = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      wait = backoff.after(wait);
      waits.append(wait).append(' ');
    }
    assertThat(waits.toString()).isEqualTo("100 200 400 800 1600 3200 5000 5000 ");
  }

  @Test
  void jitterStaysWithinItsShare() {
    for (int i = 0; i < 1000; i++) {
      assertThat(Backoff.DEFAULT.jittered(1000)).isBetween(800L, 1200L);
    }
    assertThat(new Backoff(100, 100, 0, 0).jittered(100)).isEqualTo(100);
  }

  @Test
  void onlyALinkThatStayedUpStartsTheWaitsOver() {
    assertThat(Backoff.DEFAULT.stable(2_999)).isFalse();
    assertThat(Backoff.DEFAULT.stable(3_000)).isTrue();
  }
}
