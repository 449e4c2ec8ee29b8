package org.riskgate.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.riskgate.server.store.DataDirectory;
import org.riskgate.server.store.Database;
import org.riskgate.server.store.UserStore;
import picocli.CommandLine;

/** {@code riskgate audit verify}: exit 0 on an intact log, 1 naming the first broken link. */
class AuditCommandTest {

  private static int verify(Path dir, StringBuilder out) {
    PrintStream saved = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      return new CommandLine(new AuditCommand()).execute("verify", "--data-dir", dir.toString());
    } finally {
      System.setOut(saved);
      out.append(buf.toString(StandardCharsets.UTF_8));
    }
  }

  @Test
  void verifyPassesAnIntactLogAndNamesTheFirstChangedEntry() throws Exception {
    Path dir = Files.createTempDirectory("riskgate-audit");
    try (Database db = DataDirectory.open(dir, Optional.empty(), Optional.empty())) {
      UserStore users = new UserStore(db);
      for (int i = 0; i < 5; i++) {
        users.loginFailed("u" + i, "10.0.0.1", "wrong password");
      }
    }
    StringBuilder out = new StringBuilder();
    assertThat(verify(dir, out)).as(out.toString()).isZero();
    assertThat(out).contains("intact: 5 chained entries");

    try (Database db = DataDirectory.open(dir, Optional.empty(), Optional.empty());
         Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP TRIGGER audit_log_no_update");
      s.execute("UPDATE audit_log SET actor = 'someone' WHERE subject = 'u2'");
    }
    out.setLength(0);
    assertThat(verify(dir, out)).isEqualTo(1);
    assertThat(out).contains("BROKEN: entry 3 does not match");
  }

  @Test
  void aPasswordInTheDbUrlIsRefused() throws Exception {
    assertThat(new CommandLine(new AuditCommand()).execute("verify", "--db",
        "jdbc:postgresql://127.0.0.1/x?user=u&password=secret")).isEqualTo(2);
  }

  @Test
  void aMissingStoreCannotBeChecked() throws Exception {
    assertThat(new CommandLine(new AuditCommand()).execute("verify", "--data-dir",
        Files.createTempDirectory("riskgate-none").toString())).isEqualTo(2);
  }
}
