package herd.node;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.micrometer.backends.BackendRegistries;

/**
 * A node's Micrometer meters: the registry Vert.x reports its own net and HTTP meters to when the launcher enabled
 * them ({@link HerdLauncher}), else a registry of the node's own (tests, embedded nodes). Every herd meter carries
 * the tag {@code node}, since the nodes of one process share Vert.x's registry.
 */
public final class NodeMeters {

  private final PrometheusMeterRegistry registry;
  private final String node;

  NodeMeters(PrometheusMeterRegistry registry, String node) {
    this.registry = registry;
    this.node = node;
  }

  /** The meters of node {@code node}, in the registry of {@code vertx}'s metrics if it has a Prometheus one. */
  public static NodeMeters of(Vertx vertx, String node) {
    MeterRegistry vertxRegistry = vertx.isMetricsEnabled() ? BackendRegistries.getDefaultNow() : null;
    PrometheusMeterRegistry registry = vertxRegistry instanceof PrometheusMeterRegistry prometheus ? prometheus
        : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    return new NodeMeters(registry, node);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public String node() {
    return node;
  }

  /**
   * A counter of this node, to resolve once and keep: incrementing it costs no lookup. {@code tags} are name, value
   * pairs.
   */
  public Counter counter(String name, String description, String... tags) {
    return Counter.builder(name).description(description).tags(tags).tag("node", node).register(registry);
  }

  /** The counter of one protocol's command with one outcome: {@code herd_client_commands_total}. */
  public Counter clientCommands(String protocol, String command, String outcome) {
    return counter("herd.client.commands", "client commands by protocol, command and outcome", "protocol", protocol,
        "command", command, "outcome", outcome);
  }

  /**
   * Removes this node's meters from the registry: a node started again in the same process (and so the same
   * Vert.x registry) then reports its new counts, not the ones of its previous run, which function counters would
   * keep reading.
   */
  public void remove() {
    registry.getMeters().stream()
        .filter(meter -> meter.getId().getName().startsWith("herd.") && node.equals(meter.getId().getTag("node")))
        .toList()
        .forEach(registry::remove);
  }
}
