package herd.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class VectorsTest {

  @Test
  void aVectorRoundTrips() {
    String line = Vectors.line(Vectors.REQUEST, Map.of("Goloman.x1", 17L));

    assertThat(line).isEqualTo("VV Goloman.x1=17\n");
    assertThat(Vectors.parse(line.trim())).isEqualTo(Map.of("Goloman.x1", 17L));
  }

  @Test
  void anEmptyVectorAsksForEverything() {
    assertThat(Vectors.line(Vectors.REQUEST, Map.of())).isEqualTo("VV\n");
    assertThat(Vectors.parse("VV")).isEmpty();
  }

  @Test
  void anOriginMayHoldAnEqualsSign() {
    assertThat(Vectors.parse("CAUGHT a=b=3")).isEqualTo(Map.of("a=b", 3L));
  }

  @Test
  void malformedEntriesRejectTheLine() {
    assertThat(Vectors.parse("VV a")).isNull();
    assertThat(Vectors.parse("VV =3")).isNull();
    assertThat(Vectors.parse("VV a=-1")).isNull();
    assertThat(Vectors.parse("VV a=x")).isNull();
  }
}
