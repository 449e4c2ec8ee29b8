package org.riskgate.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.riskgate.server.Fixtures;
import org.riskgate.server.TestServer;
import org.riskgate.server.auth.Role;

/**
 * The whole server on PostgreSQL (when {@code RISKGATE_TEST_PG_URL} is set): a batch through the
 * API, a single declaration, a recorded result, all audited, and the audit log guarded.
 */
class PostgresServerTest {

  @Test
  void ingestDecideRecordAndAuditOnPostgres() throws Exception {
    assumeTrue(Fixtures.postgresUrl().isPresent(), "RISKGATE_TEST_PG_URL is not set: PostgreSQL server test skipped");
    Fixtures.resetPostgres(Fixtures.postgresUrl().get());
    try (TestServer s = TestServer.start(Files.createTempDirectory("riskgate-pg"), Fixtures.postgresUrl(), 1 << 20, false)) {
      assertThat(s.platform.db().vendor()).isEqualTo(Database.Vendor.POSTGRESQL);
      List<String> lines = Files.readAllLines(Fixtures.DATA.resolve("df_syn_valid_eng.csv")).subList(0, 201);
      HttpResponse<String> batch = s.send("POST", "/api/v1/batches?name=pg.csv", s.tokens.get(Role.ANALYST), "text/csv",
          String.join("\n", lines) + "\n");
      assertThat(batch.statusCode()).as(batch.body()).isEqualTo(201);
      assertThat(s.platform.declarations().count()).isEqualTo(200);
      String id = lines.get(1).split(",")[0];
      assertThat(s.put("/api/v1/declarations/" + id + "/result", Role.ANALYST, "{\"fraud\":true,\"amount\":10}")
          .statusCode()).isEqualTo(200);
      HttpResponse<String> one = s.post("/api/v1/declarations", Role.ANALYST, "{\"id\":\"PG-1\",\"date\":\"2021-04-01\","
          + "\"importerId\":\"X\",\"hsCode\":\"440890\",\"taxRate\":1,\"netMass\":1,\"itemPrice\":1}");
      assertThat(one.statusCode()).as(one.body()).isEqualTo(201);
      assertThat(AuditLog.latest(s.platform.db(), id, 10)).extracting(AuditEntry::kind)
          .containsExactly("inspection_result", "decision");
      assertThat(AuditLog.latest(s.platform.db(), "PG-1", 10)).hasSize(1);
      try (Connection c = s.platform.db().dataSource().getConnection(); Statement st = c.createStatement()) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> st.executeUpdate("DELETE FROM audit_log"))
            .isInstanceOf(SQLException.class);
      }
    }
  }
}
