package herd.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PutMessageTest {

  @Test
  void printsTheVersionThenThePut() {
    PutMessage message = new PutMessage(new Version(1619445320000000L, "Welsh"),
        new MetricsCommand.Put("serv.cpu", 42.3, 1619445320));
    assertThat(message.line()).isEqualTo("PUT Welsh 1619445320000000 serv.cpu 42.3 1619445320");
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.1, -0.0, 1e-7, 1.7976931348623157e308, 5e-324, 0.30000000000000004})
  void carriesTheExactDouble(double value) {
    PutMessage sent = new PutMessage(new Version(7, "Hands"), new MetricsCommand.Put("k", value, -3));
    PutMessage received = PutMessage.parse(sent.line());
    assertThat(received.version()).isEqualTo(sent.version());
    assertThat(received.put().key()).isEqualTo("k");
    assertThat(received.put().timestamp()).isEqualTo(-3);
    assertThat(Double.doubleToRawLongBits(received.put().value())).isEqualTo(Double.doubleToRawLongBits(value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"PUT", "PUT Welsh 1 k 1", "PUT Welsh 1 k 1 2 3", "AT Welsh 1 k 1 2", "PUT Welsh -1 k 1 2",
      "PUT Welsh x k 1 2", "PUT Welsh 1 k nan 2", "PUT Welsh 1 k 1 2.0", "PUT Welsh 1.5 k 1 2"})
  void rejectsMalformedLines(String line) {
    assertThat(PutMessage.parse(line)).isNull();
  }
}
