package herd.kv.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herd.kv.client.KvClient.Answer;
import herd.kv.client.KvClient.ClientFailure;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The command-line client of the key-value store, as the seed's {@code client.py}:
 * {@code KvShell [host:port[,host:port...]] [--key-file PATH] [command]}. Without a command it reads commands at a prompt; with
 * one it runs it and exits (0 when it was carried out, 1 otherwise). The token lives in the key file
 * ({@code api-key.txt}), made by {@code auth} or, when there is none, on the first {@code set} or {@code get}.
 */
public final class KvShell {

  static final String DEFAULT_NODE = "127.0.0.1:12201";
  static final String DEFAULT_KEY_FILE = "api-key.txt";

  private final KvClient client;
  private final Path keyFile;
  private final PrintStream out;
  private final PrintStream err;

  KvShell(KvClient client, Path keyFile, PrintStream out, PrintStream err) {
    this.client = client;
    this.keyFile = keyFile;
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    int status;
    try {
      status = run(args, in, System.out, System.err);
    } catch (RuntimeException e) {
      // Whatever was not foreseen is still one line, never a stack trace.
      System.err.println("error: " + e);
      status = 1;
    }
    System.exit(status);
  }

  static int run(String[] args, BufferedReader in, PrintStream out, PrintStream err) {
    String node = DEFAULT_NODE;
    Path keyFile = Path.of(DEFAULT_KEY_FILE);
    List<String> command = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (command.isEmpty() && args[i].equals("--key-file")) {
        if (i + 1 == args.length) {
          err.println("error: --key-file wants a path");
          return 2;
        }
        keyFile = Path.of(args[++i]);
      } else if (command.isEmpty() && (args[i].equals("-h") || args[i].equals("--help"))) {
        out.println("usage: KvShell [host:port[,host:port...]] [--key-file PATH] [command]; " + ShellCommand.USAGE);
        return 0;
      } else if (command.isEmpty() && i == 0 && args[i].contains(":")) {
        node = args[i];
      } else {
        command.add(args[i]);
      }
    }
    KvShell shell = new KvShell(new KvClient(node, Duration.ofSeconds(5)), keyFile, out, err);
    try {
      shell.client.learnNodes();
    } catch (ClientFailure e) {
      // The herd is learnt on the first request that is answered; until then the given node is all there is.
    }
    if (!command.isEmpty()) {
      ShellCommand parsed = ShellCommand.parse(String.join(" ", command));
      return shell.execute(parsed) ? 0 : 1;
    }
    return shell.prompt(in);
  }

  private int prompt(BufferedReader in) {
    try {
      while (true) {
        out.print("> ");
        out.flush();
        String line = in.readLine();
        if (line == null) {
          out.println();
          return 0;
        }
        ShellCommand command = ShellCommand.parse(line);
        if (command instanceof ShellCommand.Exit) {
          return 0;
        }
        execute(command);
      }
    } catch (IOException e) {
      err.println("error: cannot read the input: " + e.getMessage());
      return 1;
    }
  }

  /** Runs one command, printing its outcome; false if it failed. */
  boolean execute(ShellCommand command) {
    try {
      if (command instanceof ShellCommand.Auth) {
        auth();
      } else if (command instanceof ShellCommand.Set set) {
        set(set);
      } else if (command instanceof ShellCommand.Get get) {
        get(get);
      } else if (command instanceof ShellCommand.Wrong wrong) {
        throw new ClientFailure(wrong.message());
      }
      return true;
    } catch (ClientFailure e) {
      err.println("error: " + e.getMessage());
      return false;
    }
  }

  private void auth() throws ClientFailure {
    Answer answer = client.send("POST", "/auth", null, null);
    JsonNode token = answer.body().path("api-key");
    if (answer.status() != 200 || !token.isTextual()) {
      throw refused(answer);
    }
    try {
      Files.writeString(keyFile, token.textValue() + "\n");
    } catch (IOException e) {
      throw new ClientFailure("cannot write the token to " + keyFile + ": " + e.getMessage());
    }
    out.println("authorized: token saved in " + keyFile);
  }

  private String token() throws ClientFailure {
    if (!Files.exists(keyFile)) {
      auth();
    }
    try {
      return Files.readString(keyFile).strip();
    } catch (IOException e) {
      throw new ClientFailure("cannot read the token from " + keyFile + ": " + e.getMessage());
    }
  }

  private void set(ShellCommand.Set set) throws ClientFailure {
    ObjectNode body = KvClient.MAPPER.createObjectNode().put("db_name", set.db());
    ArrayNode keys = body.putArray("keys");
    if (set.file() != null) {
      JsonNode values = readJson(set.file());
      if (values.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          keys.addObject().put("key", field.getKey()).set("value", field.getValue());
        }
      } else if (values.isArray()) {
        keys.addAll((ArrayNode) values);
      } else {
        throw new ClientFailure(set.file() + " must hold an object of key: value or an array of"
            + " {\"key\": ..., \"value\": ...}");
      }
    } else {
      JsonNode value = set.raw() ? KvClient.MAPPER.getNodeFactory().textNode(set.value()) : json(set.value(),
          "the value of " + set.key() + " is not JSON (use -r to set it as text)");
      keys.addObject().put("key", set.key()).set("value", value);
    }
    Answer answer = client.send("POST", "/set", token(), body);
    if (answer.status() != 200) {
      throw refused(answer);
    }
    out.println("ok: " + answer.body().path("set").asInt(keys.size()) + " set");
  }

  private void get(ShellCommand.Get get) throws ClientFailure {
    ObjectNode body = KvClient.MAPPER.createObjectNode().put("db_name", get.db());
    ArrayNode keys = body.putArray("keys");
    if (get.file() != null) {
      JsonNode names = readJson(get.file());
      if (!names.isArray()) {
        throw new ClientFailure(get.file() + " must hold an array of keys");
      }
      keys.addAll((ArrayNode) names);
    } else {
      get.keys().forEach(keys::add);
    }
    Answer answer = client.send("POST", "/get", token(), body);
    if (answer.status() != 200 && answer.status() != 404 || !answer.body().has("entries")) {
      throw refused(answer);
    }
    if (get.raw()) {
      out.println(answer.body().toString());
      return;
    }
    for (JsonNode entry : answer.body().path("entries")) {
      out.println(entry.path("key").asText() + " = " + entry.path("value").toString());
    }
    for (JsonNode key : answer.body().path("not_found_keys")) {
      out.println(key.asText() + ": not found");
    }
  }

  private ClientFailure refused(Answer answer) {
    String message = answer.body().path("message").asText("no message");
    if (answer.status() == 401) {
      return new ClientFailure("the herd does not know the token in " + keyFile + ": run auth");
    }
    return new ClientFailure(answer.status() + ": " + message);
  }

  private static JsonNode readJson(String file) throws ClientFailure {
    String text;
    try {
      text = Files.readString(Path.of(file));
    } catch (IOException e) {
      throw new ClientFailure("cannot read " + file + ": " + e.getMessage());
    }
    return json(text, file + " is not JSON");
  }

  private static JsonNode json(String text, String whenNot) throws ClientFailure {
    try {
      JsonNode node = KvClient.MAPPER.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new ClientFailure(whenNot);
      }
      return node;
    } catch (IOException e) {
      throw new ClientFailure(whenNot);
    }
  }
}
