package herd.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herd.calc.expr.ExpressionLimits;
import herd.node.ConfigException;
import herd.node.NodeConfig;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class CalcConfigTest {

  private static JsonObject node() {
    return new JsonObject().put("name", "Calc").put("port", 12001);
  }

  private static CalcConfig parse(JsonObject json) {
    return CalcConfig.from(NodeConfig.parse(json)).orElseThrow();
  }

  @Test
  void withoutCalcPortThereIsNoService() {
    assertThat(CalcConfig.from(NodeConfig.parse(node()))).isEmpty();
  }

  @Test
  void defaultsFollowBluserverAndTheMachine() {
    CalcConfig config = parse(node().put("calcPort", 12101));
    int cores = Runtime.getRuntime().availableProcessors();
    assertThat(config.port()).isEqualTo(12101);
    assertThat(config.workers()).isEqualTo(cores);
    assertThat(config.poolThreads()).isEqualTo(cores);
    assertThat(config.maxRequestBytes()).isEqualTo(100 * 1024 * 1024);
    assertThat(config.limits()).isEqualTo(ExpressionLimits.DEFAULT);
  }

  @Test
  void everyLimitCanBeSet() {
    CalcConfig config = parse(node().put("calcPort", 12101).put("calcWorkers", 4).put("calcPoolThreads", 3)
        .put("calcMaxRequestBytes", 1000).put("calcMaxReplyBytes", 2000).put("calcMaxBufferedBytes", 3000)
        .put("calcMaxExpressionBytes", 50).put("calcMaxDepth", 7).put("calcMaxIntegerBits", 128));
    assertThat(config).isEqualTo(new CalcConfig(12101, 4, 3, 1000, 2000, 3000, new ExpressionLimits(50, 7, 128)));
  }

  @Test
  void badValuesAreOneLineErrors() {
    assertThatThrownBy(() -> parse(node().put("calcPort", 70000))).isInstanceOf(ConfigException.class)
        .hasMessage("config key \"calcPort\" must be a port from 1 to 65535, not 70000");
    assertThatThrownBy(() -> parse(node().put("calcPort", "x")))
        .isInstanceOf(ConfigException.class).hasMessage("config key \"calcPort\" must be an integer, not x");
    assertThatThrownBy(() -> parse(node().put("calcPort", 12101).put("calcWorkers", 0)))
        .isInstanceOf(ConfigException.class).hasMessage("config key \"calcWorkers\" must be positive, not 0");
    assertThatThrownBy(() -> parse(node().put("calcPort", 12101).put("calcMaxDepth", 501)))
        .isInstanceOf(ConfigException.class)
        .hasMessage("config key \"calcMaxDepth\" must be from 1 to 500, not 501");
    assertThatThrownBy(() -> parse(node().put("calcPort", 12101).put("calcMaxIntegerBits", 63)))
        .isInstanceOf(ConfigException.class)
        .hasMessage("config key \"calcMaxIntegerBits\" must be from 64 to 2147483647, not 63");
  }
}
