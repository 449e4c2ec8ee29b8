package org.riskgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/** What the server logs (its own lines, and System.Logger's, such as a 500's reference) reaches its file. */
class ServerLogTest {

  @Test
  void errorsLoggedAnyWayLandInTheDataDirectorysLogFile() throws Exception {
    Path dir = Files.createTempDirectory("riskgate-log");
    Path file = ServerLog.toFile(dir);
    assertThat(ServerLog.toFile(dir)).isEqualTo(file);
    System.getLogger("org.riskgate.server.api.ErrorMapper").log(System.Logger.Level.ERROR,
        "internal error, reference abc12345", new IllegalStateException("boom"));
    org.slf4j.LoggerFactory.getLogger(ServerLogTest.class).info("serving for the test");
    String log = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(log).contains("ERROR", "reference abc12345", "IllegalStateException: boom", "serving for the test");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
  }
}
