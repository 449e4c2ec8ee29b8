package org.riskgate.server.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The server's data directory as the store sees it: readable by its owner only, holding the
 * embedded H2 store with its generated password ({@value #PASSWORD_FILE}) and the audit chain's
 * head ({@value #AUDIT_HEAD}), also for a PostgreSQL store.
 */
public final class DataDirectory {
  public static final String PASSWORD_FILE = "db-password";
  public static final String AUDIT_HEAD = "audit-head";
  private static final String H2_NAME = "riskgate";

  private DataDirectory() {}

  /** The embedded store's URL in a data directory. */
  public static String embeddedUrl(Path dataDir) {
    return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve(H2_NAME);
  }

  /**
   * Opens the store of a data directory: {@code dbUrl} with {@code password}, or the embedded H2
   * store with its own generated password. The directory becomes owner-only (700) and the
   * store's files and the password owner-only (600).
   */
  public static Database open(Path dataDir, Optional<String> dbUrl, Optional<String> password) throws IOException {
    return open(dataDir, dbUrl, password, false);
  }

  /**
   * Opens the store of a data directory, as {@link #open(Path, Optional, Optional)} does.
   *
   * @param syncJournal whether the embedded store forces its journal to the disk at each commit
   */
  public static Database open(Path dataDir, Optional<String> dbUrl, Optional<String> password, boolean syncJournal)
      throws IOException {
    OwnerOnly.directory(dataDir);
    Optional<Path> head = Optional.of(dataDir.toAbsolutePath().resolve(AUDIT_HEAD));
    if (dbUrl.isPresent()) {
      return Database.open(dbUrl.get(), password, head);
    }
    Database db = Database.open(embeddedUrl(dataDir), Optional.of(embeddedPassword(dataDir)), head, syncJournal);
    try (var files = Files.list(dataDir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith(H2_NAME + ".")).toList()) {
        OwnerOnly.file(f);
      }
    }
    return db;
  }

  /** The embedded store's password: read from its file, or generated (and written, 600) on first use. */
  static String embeddedPassword(Path dataDir) throws IOException {
    Path file = dataDir.resolve(PASSWORD_FILE);
    if (Files.exists(file)) {
      OwnerOnly.file(file);
      String pw = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (!pw.matches("[A-Za-z0-9_-]{20,}")) {
        throw new IOException(file + " does not hold a password riskgate generated");
      }
      return pw;
    }
    byte[] b = new byte[24];
    new SecureRandom().nextBytes(b);
    String pw = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    OwnerOnly.write(file, pw + "\n");
    return pw;
  }
}
