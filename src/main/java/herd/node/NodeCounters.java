package herd.node;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a node's services let its {@code /status} show, by name: each service registers a supplier of a number (or a
 * short text) when it starts — {@code node.counters().register("locations", store::clients)} — and the status page
 * reads them all without knowing any service. Names are dotted, the service's own word first ({@code kv.entries},
 * {@code connections.herd}). Suppliers are read from an event loop: they must be cheap and thread-safe.
 */
public final class NodeCounters {

  private final Map<String, Supplier<?>> suppliers = new LinkedHashMap<>();

  /** Adds a named value; a name may be registered once. */
  public synchronized void register(String name, Supplier<?> value) {
    if (suppliers.putIfAbsent(name, value) != null) {
      throw new IllegalStateException("node counter " + name + " is taken");
    }
  }

  /** Every value now, in the order registered. */
  public synchronized Map<String, Object> snapshot() {
    Map<String, Object> values = new LinkedHashMap<>();
    suppliers.forEach((name, supplier) -> values.put(name, supplier.get()));
    return values;
  }
}
