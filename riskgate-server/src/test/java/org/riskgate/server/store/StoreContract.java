package org.riskgate.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.riskgate.core.Declaration;
import org.riskgate.selectivity.Lane;
import org.riskgate.selectivity.Reason;

/**
 * What every store must do, run against H2 and PostgreSQL alike: migrations, all-or-nothing
 * batches, audited results, an audit log that the store itself refuses to change, and
 * parameterised queries.
 */
abstract class StoreContract {
  Database db;
  DeclarationStore store;

  /** A fresh, empty store URL. */
  abstract String freshUrl() throws Exception;

  @BeforeEach
  void open() throws Exception {
    db = Database.open(freshUrl());
    store = new DeclarationStore(db);
  }

  @AfterEach
  void close() {
    if (db != null) {
      db.close();
    }
  }

  static Declaration declaration(String id, LocalDate date, String office) {
    return new Declaration(id, date, office, "B", "11", "21", "11", "10", "DECL1", "IMP1", "", "", "440890",
        "CN", "CN", 8, "A", "Y", 100, 5000, Optional.empty(), OptionalDouble.empty(), "");
  }

  static DeclarationStore.Decided decided(String id, LocalDate date, String office, double score, Lane lane) {
    return new DeclarationStore.Decided(declaration(id, date, office), new StoredDecision(id, score, score, lane,
        false, List.of(new Reason("model", "importer's fraud rate is high", 1.5)), List.of(), "bundle-1", "tester",
        Instant.now(), java.util.Optional.of(new org.riskgate.selectivity.DecisionContext(
            org.riskgate.selectivity.DecisionContext.Policy.CAPACITY, score, 3, 120, office, 2, 8, score, 0.1,
            java.util.Map.of("network", date.withDayOfMonth(1))))));
  }

  long auditCount() {
    return AuditLog.count(db);
  }

  @Test
  void batchIsStoredWithOneAuditLinePerDecision() {
    List<DeclarationStore.Decided> rows = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      rows.add(decided("D" + i, LocalDate.of(2021, 1, 1 + i % 5), i % 2 == 0 ? "30" : "40", i / 25.0,
          i < 3 ? Lane.RED : Lane.GREEN));
    }
    store.storeBatch("b.csv", "tester", rows);
    assertThat(store.count()).isEqualTo(25);
    List<AuditEntry> audit = AuditLog.latest(db, "D3", 10);
    assertThat(audit).hasSize(1);
    assertThat(audit.get(0).kind()).isEqualTo("decision");
    assertThat(audit.get(0).actor()).isEqualTo("tester");
    assertThat(audit.get(0).detail()).contains("\"lane\":\"green\"", "bundle-1", "importer's fraud rate is high");
  }

  @Test
  void batchWithAStoredIdKeepsNothing() {
    store.storeBatch("a.csv", "tester", List.of(decided("A1", LocalDate.of(2021, 1, 1), "30", 0.5, Lane.GREEN)));
    long audit = auditCount();
    List<DeclarationStore.Decided> second = List.of(
        decided("A2", LocalDate.of(2021, 1, 2), "30", 0.5, Lane.GREEN),
        decided("A1", LocalDate.of(2021, 1, 2), "30", 0.5, Lane.GREEN));
    assertThatThrownBy(() -> store.storeBatch("b.csv", "tester", second))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.isDuplicateKey()).isTrue());
    assertThat(store.count()).isEqualTo(1);
    assertThat(store.find("A2")).isEmpty();
    assertThat(auditCount()).isEqualTo(audit);
  }

  @Test
  void resultChangesAreAuditedWithThePreviousValue() {
    store.storeOne(decided("R1", LocalDate.of(2021, 1, 1), "30", 0.9, Lane.RED));
    assertThat(store.recordResult(new InspectionResult("R1", false, 0, 0, "", "ana", Instant.now()))).isTrue();
    assertThat(store.recordResult(new InspectionResult("R1", true, 2, 1200, "undervalued", "sue", Instant.now())))
        .isTrue();
    assertThat(store.recordResult(new InspectionResult("nope", true, 1, 1, "", "sue", Instant.now()))).isFalse();
    CaseFile c = store.find("R1").orElseThrow();
    assertThat(c.result()).hasValueSatisfying(r -> {
      assertThat(r.fraud()).isTrue();
      assertThat(r.critical()).isEqualTo(2);
      assertThat(r.recordedBy()).isEqualTo("sue");
    });
    List<AuditEntry> audit = AuditLog.latest(db, "R1", 10);
    assertThat(audit).extracting(AuditEntry::kind).containsExactly("inspection_result", "inspection_result", "decision");
    assertThat(audit.get(0).detail()).contains("\"previous\"", "\"recordedBy\":\"ana\"");
  }

  @Test
  void theStoreRefusesToUpdateDeleteOrTruncateTheAuditLog() throws SQLException {
    store.storeOne(decided("X1", LocalDate.of(2021, 1, 1), "30", 0.9, Lane.RED));
    long before = auditCount();
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_log SET actor = 'mallory'"))
          .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
      assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_log WHERE subject = 'X1'"))
          .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
      assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_log"))
          .isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> s.executeUpdate("TRUNCATE TABLE audit_log"))
          .isInstanceOf(SQLException.class);
    }
    assertThat(auditCount()).isEqualTo(before);
    assertThat(AuditLog.latest(db, "X1", 1).get(0).actor()).isEqualTo("tester");
  }

  @Test
  void queueFiltersAndPagesHighestScoreFirst() {
    List<DeclarationStore.Decided> rows = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      rows.add(decided("Q" + i, LocalDate.of(2021, 2, 1 + i % 10), i % 3 == 0 ? "30" : "40", i / 30.0,
          i >= 27 ? Lane.RED : i >= 20 ? Lane.YELLOW : Lane.GREEN));
    }
    store.storeBatch("q.csv", "tester", rows);
    QueuePage red = store.queue(new QueueFilter(Optional.of(Lane.RED), Optional.empty(), Optional.empty(),
        Optional.empty(), OptionalDouble.empty(), 1, 50));
    assertThat(red.rows()).extracting(QueueRow::id).containsExactly("Q29", "Q28", "Q27");
    QueuePage office = store.queue(new QueueFilter(Optional.empty(), Optional.of("30"), Optional.of(LocalDate.of(2021, 2, 4)),
        Optional.of(LocalDate.of(2021, 2, 7)), OptionalDouble.of(0.2), 1, 2));
    // office 30 (i % 3 == 0), Feb 4..7 (i % 10 in 3..6), score >= 0.2: Q6, Q15, Q24
    assertThat(office.total()).isEqualTo(3);
    assertThat(office.rows()).hasSize(2);
    assertThat(office.rows().get(0).score()).isGreaterThanOrEqualTo(office.rows().get(1).score());
    assertThat(office.pages()).isEqualTo(2);
  }

  @Test
  void concurrentSinglesShareCommitsAndADuplicateFailsAlone() throws Exception {
    store.storeOne(decided("G0", LocalDate.of(2021, 1, 1), "30", 0.5, Lane.GREEN));
    long audit = auditCount();
    try (GroupCommit group = new GroupCommit(store)) {
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
      List<java.util.concurrent.Future<?>> results = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        String id = i == 17 ? "G0" : "G" + (i + 100);
        results.add(pool.submit(() -> group.store(decided(id, LocalDate.of(2021, 1, 2), "30", 0.5, Lane.GREEN))));
      }
      int failed = 0;
      for (int i = 0; i < results.size(); i++) {
        try {
          results.get(i).get();
        } catch (java.util.concurrent.ExecutionException e) {
          failed++;
          assertThat(i).isEqualTo(17);
          assertThat(e.getCause()).isInstanceOfSatisfying(StoreException.class, x -> assertThat(x.isDuplicateKey()).isTrue());
        }
      }
      pool.shutdown();
      assertThat(failed).isEqualTo(1);
    }
    assertThat(store.count()).isEqualTo(64);
    assertThat(auditCount()).isEqualTo(audit + 63);
  }

  @Test
  void injectionStringsAreDataNotSql() {
    String evil = "x' OR '1'='1'; DROP TABLE audit_log; --";
    store.storeOne(decided(evil, LocalDate.of(2021, 3, 1), evil.substring(0, 20), 0.5, Lane.GREEN));
    assertThat(store.find(evil)).isPresent();
    assertThat(store.find("x' OR '1'='1")).isEmpty();
    QueuePage none = store.queue(new QueueFilter(Optional.empty(), Optional.of("' OR 1=1 --"), Optional.empty(),
        Optional.empty(), OptionalDouble.empty(), 1, 50));
    assertThat(none.total()).isZero();
    assertThat(AuditLog.latest(db, evil, 5)).hasSize(1);
  }

  @Test
  void migrationsAreIdempotentOnReopen() throws Exception {
    store.storeOne(decided("M1", LocalDate.of(2021, 1, 1), "30", 0.5, Lane.GREEN));
    String url = currentUrl();
    db.close();
    db = Database.open(url);
    store = new DeclarationStore(db);
    assertThat(store.find("M1")).isPresent();
  }

  /** The URL of the store opened for this test. */
  abstract String currentUrl();

  @Test
  void documentsAreFoundAfterTheirUploadAndAfterAReopen() throws Exception {
    store.storeBatch("b.csv", "tester", List.of(decided("P1", LocalDate.of(2021, 1, 1), "30", 0.5, Lane.GREEN),
        decided("P2", LocalDate.of(2021, 1, 1), "30", 0.5, Lane.GREEN)));
    DocumentStore documents = new DocumentStore(db);
    assertThat(documents.of("P1")).isEmpty();
    documents.add(new StoredDocument(0, "P1", "ISSUER-1", "invoice.png", "ab".repeat(32), 10, 20, "{}", "tester",
        Instant.now()), "{}");
    assertThat(documents.of("P1")).extracting(StoredDocument::fileName).containsExactly("invoice.png");
    assertThat(documents.of("P2")).isEmpty();
    String url = currentUrl();
    db.close();
    db = Database.open(url);
    assertThat(new DocumentStore(db).of("P1")).extracting(StoredDocument::issuer).containsExactly("ISSUER-1");
  }

  @Test
  void settingsChangesAreAudited() {
    Settings s = new Settings(db);
    s.set(Settings.CAPACITY, "{\"redPercent\":3}", "sue", "{\"capacity\":3}");
    s.set(Settings.CAPACITY, "{\"redPercent\":5}", "sue", "{\"capacity\":5}");
    assertThat(s.get(Settings.CAPACITY)).hasValue("{\"redPercent\":5}");
    assertThat(AuditLog.latest(db, Settings.CAPACITY, 10)).extracting(AuditEntry::actor).containsExactly("sue", "sue");
    try (Connection c = db.dataSource().getConnection();
         PreparedStatement ps = c.prepareStatement("UPDATE audit_log SET detail = ? WHERE subject = ?")) {
      ps.setString(1, "{}");
      ps.setString(2, Settings.CAPACITY);
      assertThatThrownBy(ps::executeUpdate).isInstanceOf(SQLException.class);
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  /** Reopens this test's store with an audit head file, as the server does. */
  java.nio.file.Path withAuditHead() throws Exception {
    java.nio.file.Path head = java.nio.file.Files.createTempDirectory("riskgate-head").resolve(DataDirectory.AUDIT_HEAD);
    db.close();
    db = Database.open(currentUrl(), Optional.empty(), Optional.of(head));
    store = new DeclarationStore(db);
    return head;
  }

  private void appendSome(int n) {
    UserStore users = new UserStore(db);
    for (int i = 0; i < n; i++) {
      users.loginFailed("user" + i, "10.0.0." + i, "wrong password");
    }
    store.storeOne(decided("CH1", LocalDate.of(2021, 1, 4), "30", 0.7, Lane.RED));
  }

  /** Runs SQL as whoever holds the store's credentials: with the append-only guard switched off. */
  private void tamper(String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
      if (db.vendor() == Database.Vendor.H2) {
        st.execute("DROP TRIGGER audit_log_no_update");
        st.execute("DROP TRIGGER audit_log_no_delete");
        st.execute(sql);
        st.execute("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW"
            + " CALL \"org.riskgate.server.store.AuditLogGuard\"");
        st.execute("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW"
            + " CALL \"org.riskgate.server.store.AuditLogGuard\"");
      } else {
        st.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update");
        st.execute(sql);
        st.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update");
      }
    }
  }

  private long seqOf(String subject) {
    return AuditLog.latest(db, subject, 1).get(0).seq();
  }

  @Test
  void anIntactChainVerifiesAlsoUnderConcurrentAppends() throws Exception {
    java.nio.file.Path head = withAuditHead();
    appendSome(5);
    UserStore users = new UserStore(db);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    List<java.util.concurrent.Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int thread = t;
      done.add(pool.submit(() -> {
        for (int i = 0; i < 15; i++) {
          users.loginFailed("t" + thread + "-" + i, "10.1.0." + thread, "wrong password");
        }
      }));
    }
    for (var f : done) {
      f.get();
    }
    pool.shutdown();
    AuditChain.Report r = AuditChain.verify(db, Optional.of(head));
    assertThat(r.problem()).isEmpty();
    assertThat(r.entries()).isEqualTo(auditCount());
    assertThat(AuditChain.Head.read(head).seq()).isEqualTo(r.last().orElseThrow().seq());
  }

  @Test
  void aChangedEntryIsFoundByItsPosition() throws Exception {
    java.nio.file.Path head = withAuditHead();
    appendSome(6);
    long seq = seqOf("user3");
    tamper("UPDATE audit_log SET detail = '{\"address\":\"10.0.0.99\"}' WHERE seq = " + seq);
    AuditChain.Report r = AuditChain.verify(db, Optional.of(head));
    assertThat(r.problem()).hasValueSatisfying(p -> assertThat(p).startsWith("entry " + seq + " does not match"));
  }

  @Test
  void aDeletedLastEntryIsFoundByTheHeadOutsideTheStore() throws Exception {
    java.nio.file.Path head = withAuditHead();
    appendSome(4);
    tamper("DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)");
    AuditChain.Report r = AuditChain.verify(db, Optional.of(head));
    assertThat(r.problem()).hasValueSatisfying(p -> assertThat(p).contains("entries at the end were removed"));
    // without the head the shortened chain would look whole: the head is what shows it
    assertThat(AuditChain.verify(db, Optional.empty()).intact()).isTrue();
  }

  @Test
  void reorderedEntriesAndARewrittenChainAreFound() throws Exception {
    java.nio.file.Path head = withAuditHead();
    appendSome(6);
    long a = seqOf("user1");
    long b = seqOf("user4");
    // swap two entries' contents (the order they are read in is seq)
    tamper("UPDATE audit_log SET subject = CASE WHEN seq = " + a + " THEN 'user4' ELSE 'user1' END,"
        + " detail = CASE WHEN seq = " + a + " THEN (SELECT detail FROM audit_log WHERE seq = " + b + ")"
        + " ELSE (SELECT detail FROM audit_log WHERE seq = " + a + ") END WHERE seq IN (" + a + ", " + b + ")");
    assertThat(AuditChain.verify(db, Optional.of(head)).problem())
        .hasValueSatisfying(p -> assertThat(p).startsWith("entry " + a + " does not match"));
  }

  @Test
  void aChainRecomputedAfterAChangeStillDiffersFromTheHead() throws Exception {
    java.nio.file.Path head = withAuditHead();
    appendSome(3);
    // the attacker changes an entry and recomputes every hash after it, as they can without a key
    List<AuditEntry> all = new ArrayList<>(AuditLog.latest(db, "", 1000));
    java.util.Collections.reverse(all);
    String prev = AuditChain.GENESIS;
    StringBuilder sql = new StringBuilder();
    for (AuditEntry e : all) {
      String detail = e.subject().equals("user1") ? "{}" : e.detail();
      prev = AuditChain.hash(prev, e.loggedAt(), e.actor(), e.kind(), e.subject(), detail);
      tamper("UPDATE audit_log SET detail = '" + detail.replace("'", "''") + "', chain_hash = '" + prev
          + "' WHERE seq = " + e.seq());
    }
    AuditChain.Report r = AuditChain.verify(db, Optional.of(head));
    assertThat(r.problem()).hasValueSatisfying(p -> assertThat(p).contains("not the one the audit head recorded"));
  }
}

