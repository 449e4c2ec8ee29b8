package org.riskgate.server.store;

import java.sql.Connection;
import java.sql.SQLException;
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
 */
public final class Database implements AutoCloseable {
  /** The SQL dialects the store speaks. */
  public enum Vendor { H2, POSTGRESQL }

  private final JdbcConnectionPool pool;
  private final Vendor vendor;

  private Database(JdbcConnectionPool pool, Vendor vendor) {
    this.pool = pool;
    this.vendor = vendor;
  }

  /** Opens the store at {@code url} and applies pending migrations. */
  public static Database open(String url) {
    Vendor vendor;
    ConnectionPoolDataSource source;
    if (url.startsWith("jdbc:h2:")) {
      vendor = Vendor.H2;
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL(url.contains("WRITE_DELAY") || url.startsWith("jdbc:h2:mem:") ? url : url + ";WRITE_DELAY=0");
      source = h2;
    } else if (url.startsWith("jdbc:postgresql:")) {
      vendor = Vendor.POSTGRESQL;
      PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
      pg.setURL(url);
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
    return new Database(pool, vendor);
  }

  /** The URL with any password removed, for messages. */
  public static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
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
        return result;
      } catch (SQLException | RuntimeException e) {
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
    pool.dispose();
  }
}
