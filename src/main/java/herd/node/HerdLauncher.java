package herd.node;

import io.vertx.core.VertxOptions;
import io.vertx.launcher.application.HookContext;
import io.vertx.launcher.application.VertxApplication;
import io.vertx.launcher.application.VertxApplicationHooks;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;

/**
 * The jar's main class: Vert.x's launcher with every option it has ({@code -conf}, {@code -instances},
 * {@code -options}, …), on Netty's native transport where there is one, and Vert.x's own meters enabled for the
 * Prometheus registry the node's {@code /metrics} serves, unless {@code -options} set metrics of their own. A plain
 * {@code -conf FILE} starts the node straight away ({@link DirectStart}), the same but faster.
 */
public class HerdLauncher extends VertxApplication {

  /**
   * Netty registers its buffer allocator's Flight Recorder events on its first allocation unless this is false, and
   * that starts the recorder's metadata in every node: five nodes starting together took 2.4 s of CPU with it, 2.1 s
   * without, on two cores. An operator who wants the events sets it to true.
   */
  private static final String NETTY_JFR = "io.netty.jfr.enabled";

  public HerdLauncher(String[] args) {
    super(args, new NodeHooks());
  }

  public static void main(String[] args) {
    if (System.getProperty(NETTY_JFR) == null) {
      System.setProperty(NETTY_JFR, "false");
    }
    if (!DirectStart.tryStart(args)) {
      new HerdLauncher(args).launch();
    }
  }

  /** A node's Vert.x options: the native transport, and the meters below unless the options have metrics. */
  static VertxOptions nodeDefaults(VertxOptions options) {
    options.setPreferNativeTransport(true);
    if (options.getMetricsOptions() == null || !options.getMetricsOptions().isEnabled()) {
      options.setMetricsOptions(metricsOptions());
    }
    return options;
  }

  /**
   * Metrics options that report Vert.x's net, HTTP and pool meters to a Prometheus registry, labelled with the local
   * address of each server ({@code local="127.0.0.1:12001"}): connections and bytes per port.
   */
  public static MicrometerMetricsOptions metricsOptions() {
    return new MicrometerMetricsOptions()
        .addLabels(Label.LOCAL)
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
        .setEnabled(true);
  }

  private static final class NodeHooks implements VertxApplicationHooks {
    @Override
    public void beforeStartingVertx(HookContext context) {
      nodeDefaults(context.vertxOptions());
    }
  }
}
