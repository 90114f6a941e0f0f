package herd.replica;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvelopeTest {

  @Test
  void aLineRoundTripsWithItsPayloadUntouched() {
    Envelope envelope = new Envelope("Welsh.a1", 1700000000000001L, 1700000000000000L, "AT",
        "Welsh +0.5 kiwi  +1-1 17");
    String line = envelope.line();

    assertThat(line).isEqualTo("U Welsh.a1 1700000000000001 1700000000000000 AT Welsh +0.5 kiwi  +1-1 17");
    assertThat(Envelope.parse(line)).isEqualTo(envelope);
    assertThat(envelope.version()).isEqualTo(new Version(1700000000000001L, "Welsh.a1"));
  }

  @Test
  void theFirstUpdateOfAnOriginHasNoPredecessor() {
    assertThat(Envelope.parse("U A 5 0 PUT k 1.0 1")).isEqualTo(new Envelope("A", 5, 0, "PUT", "k 1.0 1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "U", "U A 5 0 PUT", "X A 5 0 PUT k", "U A 5 5 PUT k", "U A 5 6 PUT k", "U A 0 0 PUT k",
      "U A -5 0 PUT k", "U A 5 x PUT k", "U A 1234567890123456789 0 PUT k", "U A 5 0  k", "U A\u0001 5 0 PUT k",
      "U  A 5 0 PUT k"})
  void aMalformedLineIsNoEnvelope(String line) {
    assertThat(Envelope.parse(line)).isNull();
  }
}
