package org.riskgate.server.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a store's password comes from: a file or the environment, never the command line, where
 * any user of the machine can read it ({@code ps}).
 */
final class StoreOptions {
  static final String PASSWORD_ENV = "RISKGATE_DB_PASSWORD";

  private StoreOptions() {}

  /**
   * The password for the {@code --db} store.
   *
   * @throws IllegalArgumentException when the URL itself carries a password
   */
  static Optional<String> password(String dbUrl, Path passwordFile) throws IOException {
    if (dbUrl != null && dbUrl.toLowerCase(java.util.Locale.ROOT).matches(".*[?&;]password=.*")) {
      throw new IllegalArgumentException("--db must not carry the password (anyone can read it with ps): put it"
          + " in " + PASSWORD_ENV + " or in a file named by --db-password-file");
    }
    if (passwordFile != null) {
      if (!Files.isRegularFile(passwordFile)) {
        throw new IllegalArgumentException("--db-password-file " + passwordFile + ": no such file");
      }
      return Optional.of(Files.readString(passwordFile, StandardCharsets.UTF_8).strip());
    }
    return Optional.ofNullable(System.getenv(PASSWORD_ENV)).filter(s -> !s.isEmpty());
  }
}
