package herd.replica;

import io.vertx.core.buffer.Buffer;
import java.util.Map;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;

/**
 * What a neighbour lacks, read from a snapshot of the update log a piece at a time: for each origin, the updates
 * above the neighbour's watermark, in clock order. Memory stays bounded whatever the log's size, and writes go on
 * meanwhile. Not thread-safe; pieces may be read from different threads one after another.
 */
final class LogScan implements AutoCloseable {

  private final RocksDB db;
  private final Snapshot snapshot;
  private final ReadOptions options;
  private final RocksIterator iterator;
  private final Map<String, Long> peerVector;
  private final Map<String, Long> watermarks;
  private String origin;
  private boolean closed;
  private boolean done;
  private long updates;
  private long bytes;

  LogScan(RocksDB db, ColumnFamilyHandle log, Map<String, Long> peerVector, Map<String, Long> watermarks) {
    this.db = db;
    this.snapshot = db.getSnapshot();
    this.options = new ReadOptions().setSnapshot(snapshot).setFillCache(false).setReadaheadSize(2 << 20);
    this.iterator = db.newIterator(log, options);
    this.peerVector = peerVector;
    this.watermarks = watermarks;
    iterator.seekToFirst();
  }

  /** This node's watermarks when the scan began: what the neighbour has once it received the whole scan. */
  Map<String, Long> watermarks() {
    return watermarks;
  }

  /** Appends lines to {@code out} until it holds about {@code maxBytes}; false once nothing is left. */
  synchronized boolean next(Buffer out, int maxBytes) {
    if (closed) {
      throw new StoreException("the store closed during a catch-up");
    }
    while (iterator.isValid() && out.length() < maxBytes) {
      byte[] key = iterator.key();
      String keyOrigin = LogKeys.origin(key);
      if (!keyOrigin.equals(origin)) {
        origin = keyOrigin;
        long has = peerVector.getOrDefault(origin, 0L);
        if (LogKeys.hlc(key) <= has) {
          iterator.seek(LogKeys.of(origin, has + 1));
          continue;
        }
      }
      byte[] line = iterator.value();
      out.appendBytes(line).appendByte((byte) '\n');
      updates++;
      bytes += line.length + 1;
      iterator.next();
    }
    if (!iterator.isValid()) {
      try {
        iterator.status();
      } catch (RocksDBException e) {
        throw new StoreException("cannot read the update log: " + e.getMessage(), e);
      }
      done = true;
      return false;
    }
    return true;
  }

  /** Whether the last piece has been read. */
  synchronized boolean isDone() {
    return done;
  }

  long updates() {
    return updates;
  }

  long bytes() {
    return bytes;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    iterator.close();
    options.close();
    db.releaseSnapshot(snapshot);
    snapshot.close();
  }
}
