package org.riskgate.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.h2.command.Command;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.junit.jupiter.api.Test;

/**
 * H2 keeps each session's parsed statements, but empties that cache on every rollback, and H2's
 * own connection pool rolled back every connection it handed out: each request and each group
 * commit parsed all its statements again (JFR at 500 requests/s: 15 % of the group commit's
 * CPU). A statement parsed on one checkout must still be parsed on the next.
 */
class StatementCacheTest {

  @Test
  void aStatementStaysParsedFromOneCheckoutToTheNext() throws Exception {
    Path dir = Files.createTempDirectory("riskgate-parsed");
    String sql = "SELECT COUNT(*) FROM declarations WHERE importer_id = ?";
    try (Database db = DataDirectory.open(dir, Optional.empty(), Optional.empty())) {
      Command first = db.read(c -> {
        Command cmd = session(c).prepareLocal(sql);
        cmd.close();
        return cmd;
      });
      Command second = db.read(c -> session(c).prepareLocal(sql));
      assertThat(second).as("the statement as parsed on the checkout before").isSameAs(first);
    }
  }

  private static SessionLocal session(Connection c) throws SQLException {
    return (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
  }
}
