package herd.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WatermarksTest {

  private final Watermarks watermarks = new Watermarks();

  @Test
  void updatesInOrderMoveTheWatermark() {
    watermarks.saw("A", 10, 0);
    watermarks.saw("A", 20, 10);

    assertThat(watermarks.of("A")).isEqualTo(20);
    assertThat(watermarks.hasGaps()).isFalse();
    assertThat(watermarks.takeChanged()).isEqualTo(Map.of("A", 20L));
    assertThat(watermarks.takeChanged()).isEmpty();
  }

  @Test
  void anUpdateAheadOfAGapWaitsUntilTheGapIsFilled() {
    watermarks.saw("A", 10, 0);
    watermarks.saw("A", 30, 20);
    watermarks.saw("A", 40, 30);

    assertThat(watermarks.of("A")).isEqualTo(10);
    assertThat(watermarks.hasGaps()).isTrue();

    watermarks.saw("A", 20, 10);

    assertThat(watermarks.of("A")).isEqualTo(40);
    assertThat(watermarks.hasGaps()).isFalse();
  }

  @Test
  void aRepeatedOrOlderUpdateChangesNothing() {
    watermarks.saw("A", 10, 0);
    watermarks.takeChanged();

    watermarks.saw("A", 10, 0);
    watermarks.saw("A", 5, 0);

    assertThat(watermarks.of("A")).isEqualTo(10);
    assertThat(watermarks.takeChanged()).isEmpty();
  }

  @Test
  void aFinishedCatchUpVouchesForEverythingBelowAndEarlyArrivalsChainOn() {
    watermarks.saw("A", 50, 40);
    watermarks.saw("A", 60, 50);
    watermarks.saw("A", 90, 80);

    watermarks.raise("A", 45);

    assertThat(watermarks.of("A")).isEqualTo(60);
    assertThat(watermarks.hasGaps()).isTrue();
    watermarks.raise("A", 100);
    assertThat(watermarks.of("A")).isEqualTo(100);
    assertThat(watermarks.hasGaps()).isFalse();
  }

  @Test
  void originsAreIndependent() {
    watermarks.saw("A", 10, 0);
    watermarks.saw("B", 30, 20);

    assertThat(watermarks.all()).isEqualTo(Map.of("A", 10L));
    assertThat(watermarks.of("B")).isZero();
  }

  @Test
  void earlyArrivalsAreBoundedAndForgottenPastTheBound() {
    for (int i = 0; i <= Watermarks.MAX_EARLY; i++) {
      watermarks.saw("A", 1000 + 2L * i + 1, 1000 + 2L * i);
    }

    watermarks.saw("A", 1000, 0);

    assertThat(watermarks.of("A")).isEqualTo(1000);
  }
}
