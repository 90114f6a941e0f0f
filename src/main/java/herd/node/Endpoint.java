package herd.node;

/** A {@code host:port} address as written in a config. */
public record Endpoint(String host, int port) {

  public static Endpoint parse(String what, String text) {
    int colon = text == null ? -1 : text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new ConfigException(what + " must be \"host:port\", not " + quoted(text));
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new ConfigException(what + " has no valid port: " + quoted(text));
    }
    return new Endpoint(host, NodeConfig.checkPort(what, port));
  }

  private static String quoted(String text) {
    return text == null ? "nothing" : "\"" + text + "\"";
  }

  @Override
  public String toString() {
    return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
  }
}
