package herd.kv.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import herd.kv.KvRequests;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The key-value store's client, as the seed's: it knows the herd's nodes (the one it was given and, once asked,
 * those {@code /clusterinfo} lists), sends each request to the node that answered last, and moves on to the next
 * when a node does not answer. Every failure is a {@link ClientFailure} with a one-line message.
 */
public final class KvClient {

  /** JSON read as the store reads it: numbers exactly as written. */
  static final JsonMapper MAPPER = KvRequests.MAPPER;

  /** Why a request failed, in one line. */
  public static final class ClientFailure extends Exception {
    public ClientFailure(String message) {
      super(message, null, false, false);
    }
  }

  /** A node's answer: its status and JSON body. */
  public record Answer(int status, JsonNode body) {
  }

  private final HttpClient http;
  private final Duration timeout;
  private final List<String> nodes = new ArrayList<>();
  private int current;

  /** A client of the nodes at {@code hostPorts}: {@code host:port}, several separated by commas. */
  public KvClient(String hostPorts, Duration timeout) {
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    for (String address : hostPorts.split(",")) {
      if (!address.isBlank()) {
        nodes.add(url(address.strip()));
      }
    }
  }

  private static String url(String address) {
    return address.startsWith("http://") || address.startsWith("https://") ? address : "http://" + address;
  }

  /** The nodes known so far, the one used first. */
  public List<String> nodes() {
    return List.copyOf(nodes);
  }

  /** Learns the herd's other nodes from {@code /clusterinfo}; nodes already known stay. */
  public void learnNodes() throws ClientFailure {
    Answer answer = send("GET", "/clusterinfo", null, null);
    LinkedHashSet<String> all = new LinkedHashSet<>(nodes);
    for (JsonNode address : answer.body().path("addresses")) {
      if (address.isTextual()) {
        all.add(url(address.textValue()));
      }
    }
    String using = nodes.get(current);
    nodes.clear();
    nodes.addAll(all);
    current = nodes.indexOf(using);
  }

  /** Sends a request to the current node, then to each other node in turn while none answers. */
  public Answer send(String method, String path, String token, JsonNode body) throws ClientFailure {
    List<String> tried = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      String node = nodes.get((current + i) % nodes.size());
      try {
        Answer answer = sendTo(node, method, path, token, body);
        current = (current + i) % nodes.size();
        return answer;
      } catch (IOException e) {
        tried.add(node.replaceFirst("^https?://", ""));
      }
    }
    throw new ClientFailure("no node answers (tried " + String.join(", ", tried) + ")");
  }

  private Answer sendTo(String node, String method, String path, String token, JsonNode body)
      throws IOException, ClientFailure {
    URI uri;
    try {
      uri = URI.create(node + path);
    } catch (IllegalArgumentException e) {
      throw new ClientFailure("not a node address: " + node.replaceFirst("^https?://", ""));
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(body)));
    if (token != null) {
      request.header("Authorization", token);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<byte[]> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClientFailure("interrupted");
    } catch (IllegalArgumentException e) {
      throw new ClientFailure("not a node address: " + node.replaceFirst("^https?://", ""));
    }
    JsonNode json;
    try {
      json = MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new ClientFailure(node + " answered " + response.statusCode() + " with something that is not JSON: "
          + new String(response.body(), 0, Math.min(response.body().length, 80), StandardCharsets.UTF_8)
              .replaceAll("\\s+", " "));
    }
    return new Answer(response.statusCode(), json == null ? MAPPER.nullNode() : json);
  }
}
