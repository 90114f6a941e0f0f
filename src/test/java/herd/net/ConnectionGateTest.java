package herd.net;

import static org.assertj.core.api.Assertions.assertThat;

import herd.places.LogCapture;
import org.junit.jupiter.api.Test;

class ConnectionGateTest {

  private final LogCapture log = new LogCapture("test.net.gate." + System.nanoTime());

  @Test
  void oneAddressMayHoldOnlyItsShare() {
    ConnectionGate gate = new ConnectionGate(10, 2, log.logger(), "test");
    assertThat(gate.tryEnter("10.0.0.1")).isNull();
    assertThat(gate.tryEnter("10.0.0.1")).isNull();
    assertThat(gate.tryEnter("10.0.0.1")).isEqualTo("2 connections open from 10.0.0.1");
    assertThat(gate.tryEnter("10.0.0.2")).isNull();
    gate.leave("10.0.0.1");
    assertThat(gate.tryEnter("10.0.0.1")).isNull();
    assertThat(gate.open()).isEqualTo(3);
  }

  @Test
  void allAddressesTogetherMayHoldOnlyTheCap() {
    ConnectionGate gate = new ConnectionGate(2, 2, log.logger(), "test");
    assertThat(gate.tryEnter("10.0.0.1")).isNull();
    assertThat(gate.tryEnter("10.0.0.2")).isNull();
    assertThat(gate.tryEnter("10.0.0.3")).isEqualTo("2 connections open");
    gate.leave("10.0.0.1");
    assertThat(gate.tryEnter("10.0.0.3")).isNull();
    assertThat(gate.open()).isEqualTo(2);
  }
}
