package org.riskgate.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.riskgate.selectivity.Lane;

/**
 * The journal's redo when H2 opened a store holding part of a journaled commit. Seen after
 * {@code kill -9} of a writer in its first seconds: the store held a declaration's decision but
 * neither the declaration nor its audit line, and the redo (which took the first declaration as
 * the sign of a stored commit) failed on the decision's key, so the store did not open.
 */
class TornCommitTest {
  private static final Path SEGMENT = Path.of("riskgate.journal.000007");

  @Test
  void aCommitHeldInPartIsCompletedFromItsJournalLine() throws Exception {
    String line;
    try (Database writer = Database.open("jdbc:h2:mem:torn-writer" + System.nanoTime())) {
      line = writer.inTransaction(c -> DeclarationStore.insert(c, null,
          List.of(StoreContract.decided("T205", LocalDate.of(2021, 1, 10), "2", 0.395, Lane.GREEN)))).line();
    }

    try (Database db = Database.open("jdbc:h2:mem:torn-store" + System.nanoTime() + ";DB_CLOSE_DELAY=-1")) {
      db.inTransaction(c -> {
        // the commit stored whole, then its declaration taken away under the decision
        DeclarationStore.redo(c, new Journal.Line(SEGMENT, 1, line));
        c.createStatement().execute("SET REFERENTIAL_INTEGRITY FALSE");
        c.createStatement().execute("DELETE FROM declarations");
        c.createStatement().execute("SET REFERENTIAL_INTEGRITY TRUE");
        return null;
      });
      assertThat(count(db, "decisions")).isEqualTo(1);
      assertThat(count(db, "declarations")).isZero();

      boolean stored = db.inTransaction(c -> DeclarationStore.redo(c, new Journal.Line(SEGMENT, 1, line)));

      assertThat(stored).as("the lacking rows were stored again").isTrue();
      assertThat(count(db, "declarations")).isEqualTo(1);
      assertThat(count(db, "decisions")).isEqualTo(1);
      assertThat(AuditLog.count(db)).isEqualTo(1);
      assertThat(AuditChain.verify(db, Optional.empty()).intact()).isTrue();
      boolean again = db.inTransaction(c -> DeclarationStore.redo(c, new Journal.Line(SEGMENT, 1, line)));
      assertThat(again).as("a line stored whole is not stored again").isFalse();
    }
  }

  private static long count(Database db, String table) {
    return db.read(c -> {
      try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }
}
