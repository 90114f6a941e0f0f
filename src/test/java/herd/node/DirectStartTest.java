package herd.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectStartTest {

  @TempDir
  Path dir;

  private String file(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text).toString();
  }

  @Test
  void aPlainConfFileOfAJsonObjectIsTakenDirectly() throws Exception {
    String conf = file("node.json", "{\"name\": \"Goloman\", \"port\": 12001, \"neighbours\": {\"Hands\": \"h:1\"}}");

    assertThat(DirectStart.config(new String[] {"-conf", conf}))
        .isEqualTo(new JsonObject().put("name", "Goloman").put("port", 12001)
            .put("neighbours", new JsonObject().put("Hands", "h:1")));
  }

  @Test
  void everythingElseIsLeftToTheLauncher() throws Exception {
    String conf = file("node.json", "{\"name\": \"Goloman\"}");

    assertThat(DirectStart.config(new String[] {"-conf", conf, "-instances", "2"})).isNull();
    assertThat(DirectStart.config(new String[] {"-options", conf})).isNull();
    assertThat(DirectStart.config(new String[] {"-conf", dir.resolve("missing.json").toString()})).isNull();
    assertThat(DirectStart.config(new String[] {"-conf", file("broken.json", "{\"name\": ")})).isNull();
    assertThat(DirectStart.config(new String[] {"-conf", file("list.json", "[1, 2]")})).isNull();
    assertThat(DirectStart.config(new String[] {"-conf", "{\"name\": \"Inline\"}"})).isNull();
    assertThat(DirectStart.config(new String[0])).isNull();
  }
}
