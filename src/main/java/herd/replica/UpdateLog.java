package herd.replica;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.Env;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.RocksMemEnv;
import org.rocksdb.SstFileManager;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The node's updates on disk, in RocksDB: a {@code log} column family holding every update that is a winner now
 * (keyed by origin and clock, the value its envelope line), and the default column family for the format, this
 * node's origin id and the watermarks. RocksDB's write-ahead log, group commit, checksums and compaction do the rest.
 *
 * <p>Commits are gathered ({@link #append}) and written together ({@link #flush}): the replica flushes once per pass
 * of the event loop that made them, so the puts that one pass read cost one write, as a Redis event loop writes its
 * append-only file once per pass. A flush reports each commit, in the order they were appended, before it returns:
 * under {@code fsync} the write itself syncs the log (RocksDB's {@code sync} write option), once for them all, on the
 * flushing thread, as Redis syncs its file in the pass under {@code appendfsync always}. A sync thread would leave the
 * event loop idle while it syncs and the sync thread idle while the loop answers; the hand-offs between the two cost
 * more than the sync did (see BENCHMARKS.md).
 */
final class UpdateLog implements AutoCloseable {

  static final String FORMAT = "herd-replica-1";
  private static final byte[] FORMAT_KEY = latin1("format");
  private static final byte[] ORIGIN_KEY = latin1("origin");
  private static final String WATERMARK_PREFIX = "w:";
  private static final byte[] LOG_FAMILY = latin1("log");
  private static final long DEFAULT_WRITE_BUFFER = 64L << 20;
  private static final long MIN_WRITE_BUFFER = 64L << 10;
  /**
   * The write-ahead log's bound: past it, RocksDB flushes the memtables so that the oldest log files can go. It keeps
   * a restart's replay short, and lets log files be recycled: a recycled file is overwritten in place, so a sync need
   * not also update its size on disk (a third less time a sync on ext4).
   */
  private static final long MAX_LOG_BYTES = 16L << 20;
  private static final int RECYCLED_LOG_FILES = 4;

  /** One update's part of a write; all fields but {@code done} may be empty. */
  record Commit(byte[] key, byte[] value, byte[] deleteKey, Map<String, Long> watermarks,
      Handler<AsyncResult<Void>> done) {
  }

  /** What a restore found besides the updates themselves. */
  record Restored(String originId, Map<String, Long> watermarks, long updates) {
  }

  private final Path dir;
  private final Durability durability;
  private final DBOptions dbOptions;
  private final ColumnFamilyOptions familyOptions;
  private final WriteOptions writeOptions;
  private final Env env;
  private final SstFileManager spaceLimit;
  private final RocksDB db;
  private final ColumnFamilyHandle meta;
  private final ColumnFamilyHandle log;
  private final Map<String, Long> committedWatermarks = new HashMap<>();
  private final WriteBatch batch;
  private List<Commit> gathered = new ArrayList<>();
  /** The watermarks the batch being gathered moves, written once per origin with it. */
  private final Map<String, Long> batchWatermarks = new HashMap<>();
  private final Set<LogScan> scans = ConcurrentHashMap.newKeySet();
  private RocksDBException failure;
  private boolean closed;
  private final AtomicLong syncs = new AtomicLong();

  private UpdateLog(Path dir, Durability durability, long maxBytes) {
    this.dir = dir;
    this.durability = durability;
    RocksDB.loadLibrary();
    this.batch = new WriteBatch();
    this.env = durability == Durability.MEMORY ? new RocksMemEnv(Env.getDefault()) : null;
    this.dbOptions = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true)
        .setParanoidChecks(true);
    if (env != null) {
      dbOptions.setEnv(env);
    } else {
      dbOptions.setMaxTotalWalSize(MAX_LOG_BYTES).setRecycleLogFileNum(RECYCLED_LOG_FILES);
    }
    // LZ4 rather than RocksDB's default Snappy: about half the CPU for each memtable flush and compaction, which
    // share the node's cores with its event loops, for files a little larger.
    this.familyOptions = new ColumnFamilyOptions().setCompressionType(CompressionType.LZ4_COMPRESSION);
    this.spaceLimit = maxBytes > 0 ? spaceLimit(maxBytes) : null;
    if (spaceLimit != null) {
      dbOptions.setSstFileManager(spaceLimit);
      familyOptions.setWriteBufferSize(Math.max(MIN_WRITE_BUFFER, Math.min(DEFAULT_WRITE_BUFFER, maxBytes / 4)));
    }
    this.writeOptions = new WriteOptions().setDisableWAL(durability == Durability.MEMORY)
        .setSync(durability == Durability.FSYNC);
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try {
      this.db = RocksDB.open(dbOptions, path(), List.of(
          new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, familyOptions),
          new ColumnFamilyDescriptor(LOG_FAMILY, familyOptions)), handles);
    } catch (RocksDBException e) {
      closeOptions();
      throw new StoreException("cannot open the data directory " + dir + ": " + e.getMessage(), e);
    }
    this.meta = handles.get(0);
    this.log = handles.get(1);
  }

  /**
   * Opens the data directory (or, under {@code memory}, an empty in-memory one). A directory that holds something
   * other than a herd store, a store of another format or a corrupt one fails with a {@link StoreException}.
   */
  static UpdateLog open(Path dir, Durability durability, long maxBytes) {
    if (durability != Durability.MEMORY) {
      checkDirectory(dir);
    }
    UpdateLog opened = new UpdateLog(dir, durability, maxBytes);
    try {
      opened.checkFormat();
    } catch (RuntimeException e) {
      opened.close();
      throw e;
    }
    return opened;
  }

  /**
   * Bounds the store's files on disk. Past the bound RocksDB refuses to write more files, and from then on every
   * write fails: the node stops acknowledging writes rather than fill the disk.
   */
  private static SstFileManager spaceLimit(long maxBytes) {
    try {
      SstFileManager manager = new SstFileManager(Env.getDefault());
      manager.setMaxAllowedSpaceUsage(maxBytes);
      return manager;
    } catch (RocksDBException e) {
      throw new StoreException("cannot bound the store's size: " + e.getMessage(), e);
    }
  }

  private String path() {
    return durability == Durability.MEMORY ? "/herd-memory/" + dir.getFileName() : dir.toString();
  }

  private static void checkDirectory(Path dir) {
    try {
      if (Files.isDirectory(dir)) {
        boolean empty;
        try (Stream<Path> entries = Files.list(dir)) {
          empty = entries.findAny().isEmpty();
        }
        if (!empty && !Files.exists(dir.resolve("CURRENT"))) {
          throw new StoreException("data directory " + dir + " holds files but no herd store (no RocksDB CURRENT "
              + "file); move them away or point dataDir elsewhere");
        }
      } else {
        Files.createDirectories(dir);
      }
    } catch (IOException e) {
      throw new StoreException("cannot use the data directory " + dir + ": " + e, e);
    }
  }

  private void checkFormat() {
    try {
      byte[] format = db.get(meta, FORMAT_KEY);
      if (format == null) {
        if (!isEmpty()) {
          throw new StoreException("data directory " + dir + " holds a store of an unknown format");
        }
        putNow(FORMAT_KEY, latin1(FORMAT));
      } else if (!Arrays.equals(format, latin1(FORMAT))) {
        throw new StoreException("data directory " + dir + " holds format \"" + text(format) + "\"; this node reads "
            + FORMAT);
      }
    } catch (RocksDBException e) {
      throw new StoreException("cannot read the data directory " + dir + ": " + e.getMessage(), e);
    }
  }

  private void putNow(byte[] key, byte[] value) throws RocksDBException {
    db.put(meta, writeOptions, key, value);
  }

  private boolean isEmpty() {
    try (RocksIterator metaKeys = db.newIterator(meta); RocksIterator logKeys = db.newIterator(log)) {
      metaKeys.seekToFirst();
      logKeys.seekToFirst();
      return !metaKeys.isValid() && !logKeys.isValid();
    }
  }

  /**
   * Feeds every stored update's envelope line to {@code update}, then starts taking commits. Returns the watermarks and
   * this node's origin id, made and stored now if the store is new.
   */
  Restored restore(Consumer<String> update, String nodeName) {
    long count = 0;
    Map<String, Long> watermarks = new HashMap<>();
    try (ReadOptions scan = new ReadOptions().setFillCache(false).setReadaheadSize(4 << 20)) {
      try (RocksIterator it = db.newIterator(log, scan)) {
        for (it.seekToFirst(); it.isValid(); it.next()) {
          update.accept(text(it.value()));
          count++;
        }
        it.status();
      }
      try (RocksIterator it = db.newIterator(meta, scan)) {
        byte[] prefix = latin1(WATERMARK_PREFIX);
        for (it.seek(prefix); it.isValid() && startsWith(it.key(), prefix); it.next()) {
          String origin = text(Arrays.copyOfRange(it.key(), prefix.length, it.key().length));
          long w = ByteBuffer.wrap(it.value()).getLong();
          watermarks.put(origin, w);
        }
        it.status();
      }
      byte[] origin = db.get(meta, ORIGIN_KEY);
      String originId = origin != null ? text(origin) : Origins.newId(nodeName, System.currentTimeMillis());
      if (origin == null) {
        putNow(ORIGIN_KEY, latin1(originId));
      }
      committedWatermarks.putAll(watermarks);
      return new Restored(originId, watermarks, count);
    } catch (RocksDBException e) {
      throw new StoreException("the data directory " + dir + " is corrupt or unreadable: " + e.getMessage(), e);
    }
  }

  /** Adds a commit to the batch being gathered: nothing is written before the next {@link #flush}. */
  synchronized void append(Commit commit) {
    if (closed) {
      commit.done().handle(Future.failedFuture(new StoreException("the store is closed")));
      return;
    }
    try {
      if (commit.key() != null) {
        batch.put(log, commit.key(), commit.value());
      }
      if (commit.deleteKey() != null) {
        batch.delete(log, commit.deleteKey());
      }
      batchWatermarks.putAll(commit.watermarks());
    } catch (RocksDBException e) {
      failure = e;
    }
    gathered.add(commit);
  }

  /**
   * Writes what was gathered since the last flush in one write (synced under {@code fsync}), then reports each commit
   * in order. Flushes from different threads must not overlap (the replica makes them under its lock), or their
   * reports could overtake each other.
   */
  void flush() {
    List<Commit> written;
    AsyncResult<Void> result;
    synchronized (this) {
      if (gathered.isEmpty()) {
        return;
      }
      written = gathered;
      gathered = new ArrayList<>();
      result = writeGathered();
    }
    report(written, result);
  }

  private AsyncResult<Void> writeGathered() {
    try {
      if (failure != null) {
        throw failure;
      }
      for (Map.Entry<String, Long> w : batchWatermarks.entrySet()) {
        batch.put(meta, latin1(WATERMARK_PREFIX + w.getKey()), ByteBuffer.allocate(8).putLong(w.getValue()).array());
      }
      db.write(writeOptions, batch);
      if (writeOptions.sync()) {
        syncs.incrementAndGet();
      }
      committedWatermarks.putAll(batchWatermarks);
      return Future.succeededFuture();
    } catch (RocksDBException e) {
      failure = e;
      return Future.failedFuture(new StoreException("cannot write to the data directory " + dir + ": "
          + e.getMessage(), e));
    } finally {
      batchWatermarks.clear();
      batch.clear();
    }
  }

  private static void report(List<Commit> commits, AsyncResult<Void> result) {
    for (Commit commit : commits) {
      commit.done().handle(result);
    }
  }

  /**
   * A scan of what a neighbour lacks, of the updates written so far (under {@code fsync} each was synced before it
   * could be read, so no neighbour is sent what this node might lose), with the watermarks those writes set. Call it
   * off the event loop.
   */
  synchronized LogScan scanFor(Map<String, Long> peerVector) {
    if (closed) {
      throw new StoreException("the store is closed");
    }
    LogScan scan = new LogScan(db, log, peerVector, Map.copyOf(committedWatermarks));
    scans.add(scan);
    return scan;
  }

  /** Ends a scan and frees what it holds. */
  void release(LogScan scan) {
    scans.remove(scan);
    scan.close();
  }

  /** How many flushes synced the log to disk: each one under {@code fsync}. */
  long syncs() {
    return syncs.get();
  }

  @Override
  public void close() {
    flush();
    synchronized (this) {
      closed = true;
    }
    scans.forEach(LogScan::close);
    meta.close();
    log.close();
    db.close();
    closeOptions();
  }

  private void closeOptions() {
    batch.close();
    writeOptions.close();
    familyOptions.close();
    dbOptions.close();
    if (env != null) {
      env.close();
    }
    if (spaceLimit != null) {
      spaceLimit.close();
    }
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }

  static byte[] latin1(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }
}
