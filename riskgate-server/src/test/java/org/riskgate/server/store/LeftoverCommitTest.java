package org.riskgate.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.tx.TransactionStore;
import org.junit.jupiter.api.Test;
import org.riskgate.selectivity.Lane;

/**
 * A store left by a process killed in the middle of a commit: H2 had marked the transaction's
 * undo log committed and written the file, and had not finished the commit. H2's start leaves
 * such a transaction open and the next lock on the audit head spins for ever: before
 * {@link H2Recovery#finishLeftoverCommits} the store never opened (a kill-and-reopen loop hit it
 * once in 57 kills, and a CI run ran out of time in {@code H2KillTest}).
 */
class LeftoverCommitTest {
  @Test
  void aCommitKilledHalfwayIsFinishedWhenTheStoreOpens() throws Exception {
    Path dir = Files.createTempDirectory("riskgate-leftover");
    java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
    WriterProcess p = WriterProcess.start(HalfCommit.class, dir, line -> ready.countDown());
    assertThat(ready.await(120, java.util.concurrent.TimeUnit.SECONDS))
        .as("the writer marked its commit (see %s)", dir.resolve("writer.log")).isTrue();
    p.kill();

    // bounded: before the fix the first lock on the audit head spun for ever, past any interrupt
    assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
      try (Database db = DataDirectory.open(dir, Optional.empty(), Optional.empty())) {
        assertThat(AuditLog.count(db)).isEqualTo(1);
        assertThat(AuditChain.verify(db, Optional.of(dir.resolve(DataDirectory.AUDIT_HEAD))).intact()).isTrue();
        new DeclarationStore(db).storeOne(StoreContract.decided("L2", LocalDate.of(2021, 1, 5), "1", 0.3, Lane.GREEN));
        assertThat(AuditLog.count(db)).as("the audit head takes new entries").isEqualTo(2);
      }
    }, "the store opens and takes a new declaration");
  }

  /** The writer: one declaration stored, then a commit begun, the file written, and a wait for the kill. */
  public static final class HalfCommit {
    private HalfCommit() {}

    public static void main(String[] args) throws Exception {
      Path dir = Path.of(args[0]);
      Database db = DataDirectory.open(dir, Optional.empty(), Optional.empty());
      new DeclarationStore(db).storeOne(StoreContract.decided("L1", LocalDate.of(2021, 1, 4), "1", 0.2, Lane.GREEN));
      Connection c = db.dataSource().getConnection();
      c.setAutoCommit(false);
      c.createStatement().executeUpdate("UPDATE audit_head SET seq = seq WHERE id = 1");
      SessionLocal session = (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
      TransactionStore ts = H2Housekeeping.store(c).getTransactionStore();
      // the first step of H2's commit (its undo log marked committed), then the file written
      Method mark = TransactionStore.class.getDeclaredMethod("markUndoLogAsCommitted", int.class, long.class);
      mark.setAccessible(true);
      mark.invoke(ts, session.getTransaction().getId(), 1L);
      H2Housekeeping.mvStore(c).commit();
      System.out.println("marked");
      System.out.flush();
      Thread.sleep(Long.MAX_VALUE);
    }
  }
}
