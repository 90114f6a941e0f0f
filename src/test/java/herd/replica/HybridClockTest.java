package herd.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HybridClockTest {

  private final AtomicLong wall = new AtomicLong(1_000);
  private final HybridClock clock = new HybridClock(wall::get, 60_000_000);

  @Test
  void followsTheWallClock() {
    assertThat(clock.next()).isEqualTo(1_000);
    wall.set(5_000);
    assertThat(clock.next()).isEqualTo(5_000);
  }

  @Test
  void neverRepeatsOrGoesBack() {
    assertThat(clock.next()).isEqualTo(1_000);
    assertThat(clock.next()).isEqualTo(1_001);
    wall.set(10);
    assertThat(clock.next()).isEqualTo(1_002);
  }

  @Test
  void runsPastVersionsSeenFromOtherNodes() {
    clock.observe(9_000);
    assertThat(clock.next()).isEqualTo(9_001);
    clock.observe(5);
    assertThat(clock.next()).isEqualTo(9_002);
  }

  @Test
  void aVersionMoreThanTheSkewAheadIsTooFar() {
    assertThat(clock.isTooFarAhead(1_000 + 60_000_000)).isFalse();
    assertThat(clock.isTooFarAhead(1_000 + 60_000_001)).isTrue();
    wall.set(2_000);
    assertThat(clock.isTooFarAhead(1_000 + 60_000_001)).isFalse();
  }

  @Test
  void versionsOrderByClockThenNodeName() {
    assertThat(new Version(2, "A")).isGreaterThan(new Version(1, "Z"));
    assertThat(new Version(1, "Welsh")).isGreaterThan(new Version(1, "Hands"));
    assertThat(new Version(1, "Hands")).isEqualByComparingTo(new Version(1, "Hands"));
  }
}
