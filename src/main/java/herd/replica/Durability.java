package herd.replica;

import herd.node.ConfigException;
import java.util.Locale;

/** When a write counts as done, config key {@code durability}. */
public enum Durability {
  /** Kept in memory only (RocksDB on an in-memory file system): a restart starts empty. */
  MEMORY,
  /** In RocksDB's write-ahead log, handed to the operating system: survives {@code kill -9}, not a power cut. */
  WRITE,
  /** In the write-ahead log and synced to the disk (concurrent writes share one sync): survives a power cut. */
  FSYNC;

  public static Durability parse(String text) {
    for (Durability durability : values()) {
      if (durability.configName().equals(text)) {
        return durability;
      }
    }
    throw new ConfigException("config key \"durability\" must be \"memory\", \"write\" or \"fsync\", not \"" + text
        + "\"");
  }

  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
