package org.riskgate.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The store's files are its owner's alone, and the embedded store needs its password. */
class DataDirectoryTest {

  private static String perms(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  @Test
  void dataDirectoryStoreAndPasswordAreOwnerOnlyAndTheStoreRefusesAnEmptyPassword() throws Exception {
    Path dir = Files.createTempDirectory("riskgate-dd").resolve("data");
    try (Database db = DataDirectory.open(dir, Optional.empty(), Optional.empty())) {
      new UserStore(db).loginFailed("x", "10.0.0.1", "wrong password");
    }
    assertThat(perms(dir)).isEqualTo("rwx------");
    assertThat(perms(dir.resolve("riskgate.mv.db"))).isEqualTo("rw-------");
    assertThat(perms(dir.resolve(DataDirectory.PASSWORD_FILE))).isEqualTo("rw-------");
    assertThat(perms(dir.resolve(DataDirectory.AUDIT_HEAD))).isEqualTo("rw-------");
    assertThatThrownBy(() -> DriverManager.getConnection(DataDirectory.embeddedUrl(dir), "", "").close())
        .isInstanceOf(SQLException.class).hasMessageContaining("password");
    // reopening uses the stored password
    try (Database db = DataDirectory.open(dir, Optional.empty(), Optional.empty())) {
      assertThat(AuditLog.count(db)).isEqualTo(1);
    }
  }

  @Test
  void aStoreMadeWithoutAPasswordIsGivenOne() throws Exception {
    Path dir = Files.createTempDirectory("riskgate-legacy");
    try (Database db = Database.open(DataDirectory.embeddedUrl(dir))) {
      new UserStore(db).loginFailed("x", "10.0.0.1", "wrong password");
    }
    try (Database db = DataDirectory.open(dir, Optional.empty(), Optional.empty())) {
      assertThat(AuditLog.count(db)).isEqualTo(1);
    }
    assertThatThrownBy(() -> DriverManager.getConnection(DataDirectory.embeddedUrl(dir), "", "").close())
        .isInstanceOf(SQLException.class);
  }
}
