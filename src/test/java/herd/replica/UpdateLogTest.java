package herd.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herd.replica.UpdateLog.Commit;
import io.vertx.core.AsyncResult;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class UpdateLogTest {

  @TempDir
  Path dir;

  private static Commit put(Envelope envelope, Map<String, Long> watermarks, CompletableFuture<Void> done) {
    return new Commit(LogKeys.of(envelope.origin(), envelope.hlc()), envelope.bytes(), null, watermarks,
        result -> complete(done, result));
  }

  private static void complete(CompletableFuture<Void> done, AsyncResult<Void> result) {
    if (result.succeeded()) {
      done.complete(null);
    } else {
      done.completeExceptionally(result.cause());
    }
  }

  private static Envelope update(String origin, long hlc, long prev) {
    return new Envelope(origin, hlc, prev, "PUT", "k " + hlc + ".0 1");
  }

  private record Restore(UpdateLog.Restored restored, List<String> lines, Map<String, Long> watermarks) {
  }

  private static Restore restore(UpdateLog log) {
    List<String> lines = new ArrayList<>();
    UpdateLog.Restored restored = log.restore(lines::add, "Node");
    return new Restore(restored, lines, restored.watermarks());
  }

  @Test
  void whatWasCommittedIsRestoredInOriginAndClockOrderWithItsWatermarksAndOrigin() throws Exception {
    String origin;
    try (UpdateLog log = UpdateLog.open(dir, Durability.WRITE, 0)) {
      origin = restore(log).restored().originId();
      CompletableFuture<Void> done = new CompletableFuture<>();
      log.append(put(update("B", 7, 0), Map.of("B", 7L), new CompletableFuture<>()));
      log.append(put(update("A", 9, 3), Map.of(), new CompletableFuture<>()));
      log.append(put(update("A", 3, 0), Map.of("A", 3L), done));
      log.flush();
      done.get(5, TimeUnit.SECONDS);
    }
    try (UpdateLog log = UpdateLog.open(dir, Durability.WRITE, 0)) {
      Restore again = restore(log);

      assertThat(again.lines()).containsExactly(update("A", 3, 0).line(), update("A", 9, 3).line(),
          update("B", 7, 0).line());
      assertThat(again.watermarks()).isEqualTo(Map.of("A", 3L, "B", 7L));
      assertThat(again.restored().originId()).isEqualTo(origin).startsWith("Node.");
    }
  }

  @Test
  void aReplacedUpdateIsDeletedInTheSameWrite() throws Exception {
    try (UpdateLog log = UpdateLog.open(dir, Durability.WRITE, 0)) {
      restore(log);
      CompletableFuture<Void> done = new CompletableFuture<>();
      log.append(put(update("A", 3, 0), Map.of(), new CompletableFuture<>()));
      Envelope newer = update("B", 5, 0);
      log.append(new Commit(LogKeys.of("B", 5), newer.bytes(), LogKeys.of("A", 3), Map.of(),
          result -> complete(done, result)));
      log.flush();
      done.get(5, TimeUnit.SECONDS);
    }
    try (UpdateLog log = UpdateLog.open(dir, Durability.WRITE, 0)) {
      assertThat(restore(log).lines()).containsExactly(update("B", 5, 0).line());
    }
  }

  @Test
  void underMemoryNothingReachesTheDiskAndEachStartIsANewOrigin() throws Exception {
    String first;
    try (UpdateLog log = UpdateLog.open(dir, Durability.MEMORY, 0)) {
      first = restore(log).restored().originId();
      CompletableFuture<Void> done = new CompletableFuture<>();
      log.append(put(update("A", 3, 0), Map.of(), done));
      log.flush();
      done.get(5, TimeUnit.SECONDS);
    }
    Thread.sleep(2);
    try (UpdateLog log = UpdateLog.open(dir, Durability.MEMORY, 0)) {
      Restore again = restore(log);
      assertThat(again.lines()).isEmpty();
      assertThat(again.restored().originId()).isNotEqualTo(first);
    }
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void underFsyncTheCommitsOfOneFlushShareOneSyncAndNoneIsReportedBeforeIt() throws Exception {
    try (UpdateLog log = UpdateLog.open(dir, Durability.FSYNC, 0)) {
      restore(log);
      List<Long> syncsSeen = new ArrayList<>();
      for (int i = 1; i <= 100; i++) {
        log.append(new Commit(LogKeys.of("A", i), update("A", i, i - 1).bytes(), null, Map.of(),
            result -> syncsSeen.add(log.syncs())));
      }
      assertThat(log.syncs()).isZero();

      log.flush();
      assertThat(syncsSeen).hasSize(100).containsOnly(1L);
      assertThat(log.syncs()).isOne();
    }
    try (UpdateLog log = UpdateLog.open(dir, Durability.WRITE, 0)) {
      assertThat(restore(log).lines()).hasSize(100);
      assertThat(log.syncs()).isZero();
    }
  }

  @Test
  void underFsyncEachFlushSyncsOnceAndReportsBeforeItReturns() throws Exception {
    try (UpdateLog log = UpdateLog.open(dir, Durability.FSYNC, 0)) {
      restore(log);
      for (int i = 1; i <= 20; i++) {
        long before = log.syncs();
        CompletableFuture<Long> seen = new CompletableFuture<>();
        log.append(new Commit(LogKeys.of("A", i), update("A", i, i - 1).bytes(), null, Map.of(),
            result -> seen.complete(log.syncs())));
        log.flush();

        assertThat(seen).isCompletedWithValue(before + 1);
      }
    }
  }

  @Test
  void updatesWrittenToRecycledLogFilesAreRestoredByReplayingThem() throws Exception {
    String padding = "x".repeat(1000);
    int updates = 48_000;
    try (UpdateLog log = UpdateLog.open(dir, Durability.WRITE, 0)) {
      restore(log);
      for (int i = 1; i <= updates; i++) {
        Envelope envelope = new Envelope("A", i, i - 1, "PUT", "k" + i + " " + i + ".0 " + padding);
        log.append(new Commit(LogKeys.of("A", i), envelope.bytes(), null, Map.of("A", (long) i), result -> { }));
        if (i % 1000 == 0) {
          log.flush();
        }
      }
    }
    // about 48 MB through a log bounded to 16 MB: the last updates went to a reused file, replayed on opening
    assertThat(Files.readString(dir.resolve("LOG"))).contains("reusing log");
    try (UpdateLog log = UpdateLog.open(dir, Durability.WRITE, 0)) {
      Restore again = restore(log);

      assertThat(again.lines()).hasSize(updates);
      assertThat(again.watermarks()).isEqualTo(Map.of("A", (long) updates));
    }
  }

  @Test
  void nothingIsWrittenOrReportedBeforeTheFlush() throws Exception {
    try (UpdateLog log = UpdateLog.open(dir, Durability.WRITE, 0)) {
      restore(log);
      CompletableFuture<Void> done = new CompletableFuture<>();
      log.append(put(update("A", 3, 0), Map.of("A", 3L), done));

      assertThat(done).isNotDone();
      assertThat(scanAll(log, Map.of())).isEqualTo("{}");

      log.flush();
      assertThat(done).isCompleted();
      assertThat(scanAll(log, Map.of())).isEqualTo(update("A", 3, 0).line() + "\n" + Map.of("A", 3L));
    }
  }

  private static String scanAll(UpdateLog log, Map<String, Long> peerVector) {
    LogScan scan = log.scanFor(peerVector);
    Buffer out = Buffer.buffer();
    boolean more = true;
    while (more) {
      Buffer piece = Buffer.buffer();
      more = scan.next(piece, 10);
      out.appendBuffer(piece);
    }
    log.release(scan);
    return out.toString(StandardCharsets.ISO_8859_1) + scan.watermarks();
  }

  @Test
  void aScanSkipsWhatTheNeighbourHasAndEndsWithTheWatermarksItVouchesFor() throws Exception {
    try (UpdateLog log = UpdateLog.open(dir, Durability.WRITE, 0)) {
      restore(log);
      for (int i = 1; i <= 5; i++) {
        log.append(put(update("A", i, i - 1), Map.of("A", (long) i), new CompletableFuture<>()));
        log.append(put(update("B", i, i - 1), Map.of("B", (long) i), new CompletableFuture<>()));
      }
      log.flush();

      assertThat(scanAll(log, Map.of("A", 3L, "B", 5L))).isEqualTo(update("A", 4, 3).line() + "\n"
          + update("A", 5, 4).line() + "\n" + Map.of("A", 5L, "B", 5L));
    }
  }

  @Test
  void aDirectoryOfOtherFilesIsNotTakenForAStore() throws IOException {
    Files.writeString(dir.resolve("notes.txt"), "mine");

    assertThatThrownBy(() -> UpdateLog.open(dir, Durability.WRITE, 0))
        .isInstanceOf(StoreException.class)
        .hasMessage("data directory " + dir + " holds files but no herd store (no RocksDB CURRENT file); move them"
            + " away or point dataDir elsewhere");
  }

  @Test
  void aStoreOfAnotherFormatIsRefused() throws Exception {
    RocksDB.loadLibrary();
    try (Options options = new Options().setCreateIfMissing(true); RocksDB db = RocksDB.open(options, dir.toString())) {
      db.put("format".getBytes(StandardCharsets.ISO_8859_1), "herd-replica-0".getBytes(StandardCharsets.ISO_8859_1));
    }

    assertThatThrownBy(() -> UpdateLog.open(dir, Durability.WRITE, 0))
        .isInstanceOf(StoreException.class)
        .hasMessage("data directory " + dir + " holds format \"herd-replica-0\"; this node reads herd-replica-1");
  }

  @Test
  void aCorruptStoreIsRefused() throws Exception {
    try (UpdateLog log = UpdateLog.open(dir, Durability.WRITE, 0)) {
      restore(log);
    }
    Files.writeString(dir.resolve("CURRENT"), "garbage without a newline");

    assertThatThrownBy(() -> UpdateLog.open(dir, Durability.WRITE, 0))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("cannot open the data directory " + dir + ": ");
  }
}
