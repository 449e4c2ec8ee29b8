package org.riskgate.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.riskgate.selectivity.Lane;

/**
 * The journal in front of the embedded store: a separate process stores single declarations, one
 * commit each (journaled), with an inspection result every 40th (journaled too), prints each id
 * (and each result) once its commit returned, and is killed with SIGKILL. H2 writes its file only
 * once a second, so the file alone lacks the last acknowledged declarations (checked on a copy
 * opened without the journal); opened as the server opens it, the journal's lines are stored
 * again: every acknowledged declaration is there with its decision and audit line, every
 * acknowledged result with its finding, the audit chain is intact and the head file agrees, and a
 * second replay of the same lines stores nothing twice.
 */
class JournalKillTest {
  // killed once this many are acknowledged (a few seconds of writing), or failed after the limit
  private static final int ACKNOWLEDGED = 600;
  private static final long LIMIT_SECONDS = 180;
  // how the writer acknowledges a result: "result ID FRAUD"
  private static final String RESULT = "result ";

  // a kill right after a checkpoint, before the next acknowledgement, leaves the file holding
  // everything acknowledged: the replay is then not exercised, so the writer is started again
  private static final int ATTEMPTS = 5;

  @Test
  void killMinus9LosesNothingAcknowledgedAndTheReplayIsIdempotent() throws Exception {
    Path dir = null;
    Set<String> acked = Set.of();
    Set<String> results = Set.of();
    long onlyInJournal = 0;
    for (int attempt = 0; attempt < ATTEMPTS && onlyInJournal == 0; attempt++) {
      dir = Files.createTempDirectory("riskgate-journalkill");
      Set<String> lines = ConcurrentHashMap.newKeySet();
      WriterProcess p = WriterProcess.start(Writer.class, dir, lines::add);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LIMIT_SECONDS);
      while (System.nanoTime() < deadline && p.isAlive()
          && lines.stream().filter(a -> !a.startsWith(RESULT)).count() < ACKNOWLEDGED) {
        Thread.sleep(50);
      }
      assertThat(p.isAlive()).as("the writer is still writing (see %s)", dir.resolve("writer.log")).isTrue();
      p.kill();
      results = new HashSet<>(lines.stream().filter(a -> a.startsWith(RESULT)).toList());
      acked = new HashSet<>(lines);
      acked.removeAll(results);
      assertThat(acked.size()).as("declarations acknowledged before the kill").isGreaterThanOrEqualTo(ACKNOWLEDGED);
      onlyInJournal = onlyInJournal(dir, acked);
    }
    assertThat(onlyInJournal).as("acknowledged declarations that only the journal holds, in %d kills", ATTEMPTS)
        .isPositive();
    int n = acked.size();
    Path lines = copy(dir, Files.createTempDirectory("riskgate-journal-lines"), true);

    long audit;
    try (Database db = DataDirectory.open(dir, Optional.empty(), Optional.empty())) {
      Set<String> stored = stored(db);
      List<String> missing = acked.stream().filter(id -> !stored.contains(id)).sorted().toList();
      assertThat(missing).as("acknowledged declarations after kill -9 and the replay").isEmpty();
      Map<String, Boolean> found = findings(db);
      assertThat(results).as("acknowledged results").isNotEmpty();
      for (String r : results) {
        String[] f = r.split(" ");
        assertThat(found.get(f[1])).as("the acknowledged result of %s after the replay", f[1])
            .isEqualTo(Boolean.parseBoolean(f[2]));
      }
      audit = AuditLog.count(db);
      assertThat(audit).as("an audit line per acknowledged declaration and result").isGreaterThanOrEqualTo(n + n / 40);
      AuditChain.Report report = AuditChain.verify(db, db.auditHead());
      assertThat(report.problem()).as("audit chain after the replay").isEmpty();
      // the numbering goes on after the replayed entries
      new DeclarationStore(db).storeOne(StoreContract.decided("AFTER", LocalDate.of(2021, 2, 1), "30", 0.2, Lane.GREEN));
      assertThat(AuditChain.verify(db, db.auditHead()).problem()).isEmpty();
    }
    try (var segments = Files.list(lines)) {
      for (Path s : segments.filter(f -> f.getFileName().toString().startsWith("riskgate.journal.")).toList()) {
        Files.copy(s, dir.resolve(s.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    try (Database db = DataDirectory.open(dir, Optional.empty(), Optional.empty())) {
      assertThat(AuditLog.count(db)).as("the same lines replayed again store nothing twice").isEqualTo(audit + 1);
      assertThat(AuditChain.verify(db, db.auditHead()).problem()).isEmpty();
    }
  }

  /** How many acknowledged declarations a copy of the killed store's file lacks: what H2 alone had not written. */
  private static long onlyInJournal(Path dir, Set<String> acked) throws java.io.IOException {
    Path fileOnly = copy(dir, Files.createTempDirectory("riskgate-fileonly"), false);
    String password = Files.readString(dir.resolve(DataDirectory.PASSWORD_FILE)).strip();
    try (Database db = DataDirectory.open(fileOnly, Optional.of(DataDirectory.embeddedUrl(fileOnly) + ";WRITE_DELAY=0"),
        Optional.of(password))) {
      Set<String> stored = stored(db);
      return acked.stream().filter(id -> !stored.contains(id)).count();
    }
  }

  private static Map<String, Boolean> findings(Database db) {
    return db.read(c -> {
      Map<String, Boolean> out = new HashMap<>();
      try (var rs = c.createStatement().executeQuery("SELECT declaration_id, fraud FROM inspection_results")) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getBoolean(2));
        }
      }
      return out;
    });
  }

  private static Set<String> stored(Database db) {
    return db.read(c -> {
      Set<String> ids = new HashSet<>();
      try (var rs = c.createStatement().executeQuery("SELECT d.id FROM declarations d JOIN decisions x"
          + " ON x.declaration_id = d.id")) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
      return ids;
    });
  }

  /** Copies the killed store's files without its journal, or only its journal, before anything opens them. */
  private static Path copy(Path from, Path to, boolean journalOnly) throws java.io.IOException {
    try (var files = Files.list(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        if (journalOnly == f.getFileName().toString().startsWith("riskgate.journal.")) {
          Files.copy(f, to.resolve(f.getFileName()));
        }
      }
    }
    return to;
  }

  /** The writer process: single declarations, a result now and then, each id printed after its commit. */
  public static final class Writer {
    private Writer() {}

    public static void main(String[] args) throws Exception {
      try (Database db = DataDirectory.open(Path.of(args[0]), Optional.empty(), Optional.empty())) {
        DeclarationStore store = new DeclarationStore(db);
        for (int i = 0; ; i++) {
          String id = "JK" + i;
          store.storeOne(StoreContract.decided(id, LocalDate.of(2021, 1, 1 + i % 28), String.valueOf(i % 7),
              (i * 7919 % 1000) / 1000.0, i % 10 == 0 ? Lane.RED : Lane.GREEN));
          if (i % 40 == 39) {
            boolean fraud = i % 80 == 39;
            store.recordResult(new InspectionResult("JK" + (i - 20), fraud, 0, 0, "", "tester", Instant.now()));
            System.out.println(RESULT + "JK" + (i - 20) + " " + fraud);
          }
          System.out.println(id);
          System.out.flush();
        }
      }
    }
  }
}
