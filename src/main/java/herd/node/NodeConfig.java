package herd.node;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The part of a node's JSON config that every service shares, parsed and checked once. Services read their own
 * keys from {@link #json()} (and declare them, so that only truly unknown keys are warned about).
 *
 * @param name        the node's name, used in AT replies and by its neighbours
 * @param host        the address its servers bind
 * @param port        the herd protocol port, for clients
 * @param peerPort    the port neighbours link to; 0 for a node without neighbours and without one
 * @param neighbours  each neighbour's name and the address of its peer port
 * @param logFile     where the node's log goes
 * @param instances   how many client-serving verticle instances share the node's state
 * @param maxConnections the most client connections each server of the node keeps open at once
 * @param maxConnectionsPerAddress the most of those that come from one remote address
 * @param idleTimeout how long a connection may make no progress (no complete line, no reply bytes leaving)
 * @param json        the whole config, for the keys of individual services
 */
public record NodeConfig(
    String name,
    String host,
    int port,
    int peerPort,
    Map<String, Endpoint> neighbours,
    Path logFile,
    int instances,
    int maxConnections,
    int maxConnectionsPerAddress,
    Duration idleTimeout,
    JsonObject json) {

  public static final Set<String> KEYS =
      Set.of("name", "host", "port", "peerPort", "neighbours", "logFile", "instances", "maxConnections",
          "maxConnectionsPerAddress", "idleTimeoutSeconds");

  public static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 300;

  public static NodeConfig parse(JsonObject json) {
    if (json == null || json.isEmpty()) {
      throw new ConfigException("no node config: start with -conf conf/<Name>.json, a readable JSON file");
    }
    String name = requiredString(json, "name");
    if (!name.matches("\\S+")) {
      throw new ConfigException("config key \"name\" must be one word, not \"" + name + "\"");
    }
    String host = optionalString(json, "host", "127.0.0.1");
    int port = checkPort("config key \"port\"", requiredInt(json, "port"));
    Map<String, Endpoint> neighbours = neighbours(name, json);
    int peerPort = peerPort(json, port, neighbours);
    refuseSharedPorts(json);
    Path logFile = Path.of(optionalString(json, "logFile", "logs/" + name + ".log"));
    int instances = positiveInt(json, "instances", Runtime.getRuntime().availableProcessors());
    int maxConnections = positiveInt(json, "maxConnections", 10_000);
    int perAddress = positiveInt(json, "maxConnectionsPerAddress", defaultPerAddress(maxConnections));
    Duration idleTimeout = Duration.ofSeconds(positiveInt(json, "idleTimeoutSeconds", DEFAULT_IDLE_TIMEOUT_SECONDS));
    return new NodeConfig(name, host, port, peerPort, neighbours, logFile, instances, maxConnections, perAddress,
        idleTimeout, json.copy());
  }

  /**
   * A quarter of the connections: one address (a single host, or one NAT) cannot take every slot, yet a load
   * balancer or a benchmark on one host still gets thousands. Never below 256 (or all, when there are fewer), so
   * small caps still let a few clients on one host in.
   */
  static int defaultPerAddress(int maxConnections) {
    return Math.max(maxConnections / 4, Math.min(maxConnections, 256));
  }

  /**
   * Two of a node's servers on one port would share it silently (Vert.x spreads the connections of servers on one
   * port between them), so every {@code ...Port} key must name a port of its own.
   */
  private static void refuseSharedPorts(JsonObject json) {
    Map<Object, String> keyOfPort = new LinkedHashMap<>();
    for (String key : json.fieldNames()) {
      Object port = json.getValue(key);
      if ((key.equals("port") || key.endsWith("Port")) && port instanceof Integer) {
        String other = keyOfPort.putIfAbsent(port, key);
        if (other != null) {
          throw new ConfigException("config keys \"" + other + "\" and \"" + key + "\" name the same port " + port
              + "; each server needs a port of its own");
        }
      }
    }
  }

  public static int checkPort(String what, int port) {
    if (port < 1 || port > 65535) {
      throw new ConfigException(what + " must be a port from 1 to 65535, not " + port);
    }
    return port;
  }

  private static int peerPort(JsonObject json, int port, Map<String, Endpoint> neighbours) {
    if (json.getValue("peerPort") == null) {
      if (!neighbours.isEmpty()) {
        throw new ConfigException("config key \"peerPort\" is missing: a node with neighbours links to them on a port"
            + " of its own");
      }
      return 0;
    }
    int peerPort = checkPort("config key \"peerPort\"", optionalInt(json, "peerPort", 0));
    if (peerPort == port) {
      throw new ConfigException("config key \"peerPort\" must differ from \"port\", not " + peerPort);
    }
    return peerPort;
  }

  private static Map<String, Endpoint> neighbours(String self, JsonObject json) {
    Object value = json.getValue("neighbours");
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof JsonObject entries)) {
      throw new ConfigException("config key \"neighbours\" must be an object of name: \"host:port\"");
    }
    Map<String, Endpoint> neighbours = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : entries) {
      String name = entry.getKey();
      String what = "neighbour \"" + name + "\"";
      if (!name.matches("\\S+")) {
        throw new ConfigException("unknown neighbour entry \"" + name + "\": a name must be one word");
      }
      if (name.equals(self)) {
        throw new ConfigException("unknown neighbour entry \"" + name + "\": a node is not its own neighbour");
      }
      if (!(entry.getValue() instanceof String address)) {
        throw new ConfigException(what + " must be \"host:port\", not " + entry.getValue());
      }
      neighbours.put(name, Endpoint.parse(what, address));
    }
    return Collections.unmodifiableMap(neighbours);
  }

  private static String requiredString(JsonObject json, String key) {
    String value = optionalString(json, key, null);
    if (value == null || value.isBlank()) {
      throw new ConfigException("config key \"" + key + "\" is missing");
    }
    return value;
  }

  public static String optionalString(JsonObject json, String key, String fallback) {
    Object value = json.getValue(key);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof String text)) {
      throw new ConfigException("config key \"" + key + "\" must be a string, not " + value);
    }
    return text;
  }

  private static int requiredInt(JsonObject json, String key) {
    if (json.getValue(key) == null) {
      throw new ConfigException("config key \"" + key + "\" is missing");
    }
    return optionalInt(json, key, 0);
  }

  public static int optionalInt(JsonObject json, String key, int fallback) {
    Object value = json.getValue(key);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Integer number)) {
      throw new ConfigException("config key \"" + key + "\" must be an integer, not " + value);
    }
    return number;
  }

  public static int positiveInt(JsonObject json, String key, int fallback) {
    int value = optionalInt(json, key, fallback);
    if (value < 1) {
      throw new ConfigException("config key \"" + key + "\" must be positive, not " + value);
    }
    return value;
  }
}
