package org.riskgate.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.riskgate.selectivity.Lane;

/**
 * Durability of the H2 file store while its chunks are rewritten and their space reused: a
 * separate process stores single declarations, one commit each (journaled), and prints each id
 * once its commit returned; with a 1 s retention old chunks are rewritten and the file's space is
 * reused under the writes, and the process is then killed with SIGKILL. (Without the journal a
 * chunk per commit reused space after H2's 45 s; with it the file is written once a second, and
 * 45 s of that reused nothing within the run.)
 * Every printed id must be there, with its audit line, when the store is opened again. (The
 * server's KillTest kills within seconds, before any chunk is old enough to be reused.) Before
 * {@link H2Recovery}, the last acknowledged declaration was missing in both runs that went past
 * the retention time (one on the shipped settings, one with a 5 s retention).
 */
class H2KillTest {
  private static final long RUN_SECONDS = 75;
  private static final String FILL = "fill ";

  @Test
  void killMinus9WhileChunksAreReusedLosesNothingAcknowledged() throws Exception {
    Path dir = Files.createTempDirectory("riskgate-h2kill");
    Set<String> acked = ConcurrentHashMap.newKeySet();
    AtomicInteger leastFill = new AtomicInteger(100);
    WriterProcess p = WriterProcess.start(Writer.class, dir, line -> {
      if (line.startsWith(FILL)) {
        leastFill.accumulateAndGet(Integer.parseInt(line.substring(FILL.length())), Math::min);
      } else {
        acked.add(line);
      }
    });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RUN_SECONDS);
    while (System.nanoTime() < deadline && p.isAlive()) {
      Thread.sleep(500);
    }
    assertThat(p.isAlive()).as("the writer is still writing (see %s)", dir.resolve("writer.log")).isTrue();
    p.kill();
    int n = acked.size();
    assertThat(n).as("declarations acknowledged before the kill").isGreaterThan(1_000);
    assertThat(leastFill.get()).as("part of the file was free for reuse before the kill (H2's fill rate, %)")
        .isLessThan(100);

    try (Database db = DataDirectory.open(dir, Optional.empty(), Optional.empty())) {
      Set<String> stored = decided(db);
      List<String> missing = acked.stream().filter(id -> !stored.contains(id)).sorted().toList();
      assertThat(missing).as("acknowledged declarations after kill -9").isEmpty();
      assertThat(AuditLog.count(db)).as("an audit line per acknowledged declaration").isGreaterThanOrEqualTo(n);
    }
  }

  /** The ids of the stored declarations that have their decision. */
  static Set<String> decided(Database db) {
    return db.read(c -> {
      Set<String> ids = new java.util.HashSet<>();
      try (var rs = c.createStatement().executeQuery("SELECT d.id FROM declarations d JOIN decisions x"
          + " ON x.declaration_id = d.id")) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
      return ids;
    });
  }

  /** The writer process: stores declarations one commit each and prints each id after its commit. */
  public static final class Writer {
    private Writer() {}

    public static void main(String[] args) throws Exception {
      Path dir = Path.of(args[0]);
      // the journal writes the file once a second, so with H2's 45 s retention no space would be
      // reused within the run; a 1 s retention (the URL keeps the journal on) reuses it at once
      try (Database db = DataDirectory.open(dir, Optional.of(DataDirectory.embeddedUrl(dir) + ";RETENTION_TIME=1000"),
          Optional.of(DataDirectory.embeddedPassword(dir)))) {
        DeclarationStore store = new DeclarationStore(db);
        org.h2.mvstore.MVStore mv = H2Housekeeping.mvStore(db.dataSource());
        for (int i = 0; ; i++) {
          if (i % 100 == 0) {
            System.out.println(FILL + mv.getFillRate());
          }
          String id = "HK" + i;
          store.storeOne(StoreContract.decided(id, LocalDate.of(2021, 1, 1 + i % 28), String.valueOf(i % 7),
              (i * 7919 % 1000) / 1000.0, i % 10 == 0 ? Lane.RED : Lane.GREEN));
          System.out.println(id);
          System.out.flush();
        }
      }
    }
  }
}
