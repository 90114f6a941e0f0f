package herd.log;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's loggers, one per topic, named {@code herd.<topic>.<node>} ({@code herd.wire.Goloman}), so that an
 * operator's {@code logback.xml} can set a topic's level for every node ({@code <logger name="herd.wire"
 * level="WARN"/>}). Where the events go is Logback's configuration: the one in the jar sorts them into the file the
 * node's config names ({@code logFile}) with {@link NodeLogFile}, which reads the file from here.
 */
public final class NodeLogs {

  private static final String PREFIX = "herd.";
  private static final Map<String, String> FILES = new ConcurrentHashMap<>();
  /** {@link #fileOf} for each logger name asked of it (every event asks): forgotten when a node opens its file. */
  private static final Map<String, String> FILES_BY_LOGGER = new ConcurrentHashMap<>();

  private final String node;

  private NodeLogs(String node) {
    this.node = node;
  }

  /** The node's loggers, its events going to {@code file}; fails with the line the operator sees if it cannot. */
  public static NodeLogs open(String nodeName, Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (OutputStream probe = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
        // the file can be written
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the log file " + file + ": " + e.getMessage(), e);
    }
    FILES.put(nodeName, file.toString());
    FILES_BY_LOGGER.clear();
    return new NodeLogs(nodeName);
  }

  public Logger logger(String topic) {
    return LoggerFactory.getLogger(PREFIX + topic + "." + node);
  }

  /**
   * Waits (a second at most) until what the node logged is in its file; blocks, so not on an event loop. The file
   * stays open, for late events and for other nodes of the JVM that share the writer.
   */
  public void close() {
    BackgroundAppender.awaitWritten(1000);
  }

  /** The topic of a node's logger name, or the name itself if it is not one. */
  static String topic(String loggerName) {
    if (!loggerName.startsWith(PREFIX)) {
      return loggerName;
    }
    int dot = loggerName.indexOf('.', PREFIX.length());
    return dot < 0 ? loggerName : loggerName.substring(PREFIX.length(), dot);
  }

  /** The log file of the node whose logger this is; {@code logs/herd.log} for any other logger. */
  static String fileOf(String loggerName) {
    return FILES_BY_LOGGER.computeIfAbsent(loggerName, NodeLogs::findFileOf);
  }

  private static String findFileOf(String loggerName) {
    int dot = loggerName.startsWith(PREFIX) ? loggerName.indexOf('.', PREFIX.length()) : -1;
    if (dot < 0) {
      return "logs/herd.log";
    }
    String node = loggerName.substring(dot + 1);
    String file = FILES.get(node);
    return file != null ? file : "logs/" + node + ".log";
  }
}
