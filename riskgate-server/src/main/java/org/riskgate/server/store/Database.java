package org.riskgate.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.nio.file.Path;
import java.util.Optional;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * A pooled connection to the store, migrated to the current schema on open.
 *
 * <p>Supported URLs: {@code jdbc:h2:...} and {@code jdbc:postgresql://...}. H2 file URLs get
 * {@code WRITE_DELAY=0} so that a commit is handed to the operating system before it is
 * acknowledged: a killed process then loses nothing that was committed.
 *
 * <p>After each commit that appended to the audit log, the chain's new head is written to the
 * audit head file, when one is given ({@link AuditChain}).
 */
public final class Database implements AutoCloseable {
  /** The SQL dialects the store speaks. */
  public enum Vendor { H2, POSTGRESQL }

  private final JdbcConnectionPool pool;
  private final Vendor vendor;
  private final Optional<AuditChain.HeadFile> head;
  private Optional<H2Housekeeping> housekeeping = Optional.empty();

  private Database(JdbcConnectionPool pool, Vendor vendor, Optional<AuditChain.HeadFile> head) {
    this.pool = pool;
    this.vendor = vendor;
    this.head = head;
  }

  /** Opens the store at {@code url} (no password, no audit head file) and applies pending migrations. */
  public static Database open(String url) {
    return open(url, Optional.empty(), Optional.empty());
  }

  /**
   * Opens the store at {@code url} and applies pending migrations.
   *
   * @param password the store's password, kept out of the URL; an H2 file store made before it
   *     had one is given this password on open
   * @param auditHead where the audit chain's head is kept outside the store
   */
  public static Database open(String url, Optional<String> password, Optional<Path> auditHead) {
    Vendor vendor;
    ConnectionPoolDataSource source;
    boolean housekeep = false;
    if (url.startsWith("jdbc:h2:")) {
      vendor = Vendor.H2;
      JdbcDataSource h2 = new JdbcDataSource();
      String u = url.contains("WRITE_DELAY") || url.startsWith("jdbc:h2:mem:") ? url : url + ";WRITE_DELAY=0";
      // appends to the audit log queue on its head row; a large batch may hold it for seconds
      u = u.contains("LOCK_TIMEOUT") ? u : u + ";LOCK_TIMEOUT=60000";
      if (u.startsWith("jdbc:h2:file:")) {
        // each commit writes a chunk holding every page it changed (one commit per request when
        // declarations arrive one by one): smaller pages, compressed, make that chunk far smaller.
        // H2's 45 s retention of old chunks stays: shortening it, with compaction rounds, halved
        // the growth again but lost acknowledged rows to kill -9 (KillTest): H2's own bug, see
        // H2Recovery. Sparse chunks are rewritten by H2Housekeeping, which WRITE_DELAY=0 leaves to us
        for (String setting : new String[] {"PAGE_SIZE=4096", "COMPRESS=TRUE"}) {
          if (!u.contains(setting.substring(0, setting.indexOf('=') + 1))) {
            u = u + ";" + setting;
          }
        }
      }
      // the rewrite pays only where chunks are reused soon: with H2's 45 s retention it freed
      // nothing measurable in 2-minute runs and took 7 % of the CPU at 500 requests/s, with a
      // 2 s retention it halved the growth (docs/server.md, "Store growth")
      housekeep = u.startsWith("jdbc:h2:file:") && u.contains("WRITE_DELAY=0") && u.contains("RETENTION_TIME=");
      // after kill -9, H2's own start can miss the last commits (see H2Recovery)
      H2Recovery.file(u).ifPresent(H2Recovery::recoverIfUnclean);
      h2.setURL(u);
      h2.setUser("");
      h2.setPassword(password.orElse(""));
      if (password.isPresent() && !password.get().isEmpty()) {
        givePasswordToLegacyStore(h2, password.get());
      }
      source = h2;
    } else if (url.startsWith("jdbc:postgresql:")) {
      vendor = Vendor.POSTGRESQL;
      PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
      pg.setURL(url);
      password.ifPresent(pg::setPassword);
      source = pg;
    } else {
      throw new IllegalArgumentException("unsupported database URL (jdbc:h2:... or jdbc:postgresql://...): "
          + redact(url));
    }
    JdbcConnectionPool pool = JdbcConnectionPool.create(source);
    pool.setMaxConnections(32);
    try {
      Flyway.configure()
          .dataSource(pool)
          .locations("classpath:db/migration/common",
              "classpath:db/migration/" + vendor.name().toLowerCase(java.util.Locale.ROOT))
          .load()
          .migrate();
    } catch (RuntimeException e) {
      pool.dispose();
      throw new StoreException("cannot open the store at " + redact(url) + ": " + e.getMessage(), e);
    }
    Database db = new Database(pool, vendor, auditHead.map(AuditChain.HeadFile::new));
    if (housekeep) {
      db.housekeeping = Optional.of(H2Housekeeping.start(pool));
    }
    return db;
  }

  /**
   * An H2 store created before riskgate gave it a password opens with an empty one: it is given
   * {@code password} then, so it never stays open to anyone who can read the file's folder.
   */
  private static void givePasswordToLegacyStore(JdbcDataSource h2, String password) {
    try (Connection c = h2.getConnection()) {
      return;
    } catch (SQLException e) {
      if (!"28000".equals(e.getSQLState())) {
        return; // not a password problem: the pool reports it when it opens
      }
    }
    JdbcDataSource legacy = new JdbcDataSource();
    legacy.setURL(h2.getURL());
    legacy.setUser("");
    legacy.setPassword("");
    try (Connection c = legacy.getConnection(); java.sql.Statement s = c.createStatement()) {
      if (!password.matches("[A-Za-z0-9_-]+")) {
        throw new IllegalArgumentException("a generated H2 password is URL-safe base64");
      }
      s.execute("SET PASSWORD '" + password + "'");
    } catch (SQLException e) {
      // neither the password nor none opens it: the pool's own attempt reports the refusal
    }
  }

  /** The URL with any password removed, for messages. */
  public static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  /** The audit head file, when this store keeps one. */
  public Optional<Path> auditHead() {
    return head.map(AuditChain.HeadFile::path);
  }

  public Vendor vendor() {
    return vendor;
  }

  public DataSource dataSource() {
    return pool;
  }

  /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
  public <T> T inTransaction(Work<T> work) {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        AuditChain.Head h = AuditLog.takePending();
        if (h != null) {
          head.ifPresent(f -> f.write(h));
        }
        return result;
      } catch (SQLException | RuntimeException e) {
        AuditLog.takePending();
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException("store error: " + e.getMessage(), e);
    }
  }

  /** Runs read-only work on a pooled connection. */
  public <T> T read(Work<T> work) {
    try (Connection c = pool.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new StoreException("store error: " + e.getMessage(), e);
    }
  }

  /** Work on one connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  @Override
  public void close() {
    housekeeping.ifPresent(H2Housekeeping::close);
    pool.dispose();
  }
}
