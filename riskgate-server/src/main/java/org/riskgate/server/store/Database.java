package org.riskgate.server.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.nio.file.Path;
import java.util.Optional;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A pooled connection to the store, migrated to the current schema on open.
 *
 * <p>Supported URLs: {@code jdbc:h2:...} and {@code jdbc:postgresql://...}. A commit is handed
 * to the operating system before it is acknowledged, so a killed process loses nothing that was
 * committed. An H2 file store does that through its {@link Journal}: H2 writes its file once a
 * second ({@code WRITE_DELAY}), a commit of single declarations or of an inspection result
 * appends one journal line (the rows as stored), every other commit has H2 write its file at
 * once, and a checkpoint every second writes the file and drops the journal segments it now
 * holds; on open, lines the file
 * lacks are stored again ({@link #replay}). Without the journal, H2 wrote a chunk of ~28 KB per
 * commit (every changed B-tree leaf whole), 20 KB of file and 9 ms of CPU per declaration
 * stored alone. An H2 URL that sets {@code WRITE_DELAY} itself gets no journal
 * ({@code WRITE_DELAY=0}: a chunk per commit, as before).
 *
 * <p>After each commit that appended to the audit log, the chain's new head is written to the
 * audit head file, when one is given ({@link AuditChain}).
 */
public final class Database implements AutoCloseable {
  /** The SQL dialects the store speaks. */
  public enum Vendor { H2, POSTGRESQL }

  private static final System.Logger LOG = System.getLogger(Database.class.getName());
  /** How often the journal's checkpoint writes the H2 file and drops what the file holds. */
  static final long CHECKPOINT_MS = 1_000;
  // H2's own writer: the checkpoint writes the file first, so this one mostly runs H2's upkeep
  private static final int JOURNALED_WRITE_DELAY_MS = 2_000;
  /** Parsed statements H2 keeps per session: more than the store's distinct statements. */
  static final int QUERY_CACHE_SIZE = 256;
  private final HikariDataSource pool;
  private final Vendor vendor;
  private final Optional<AuditChain.HeadFile> head;
  private Optional<H2Housekeeping> housekeeping = Optional.empty();
  // with a journal: commits, journal appends and rotations in one order (see durableCommit)
  private Journal journal;
  private final java.util.concurrent.locks.ReentrantLock commits = new java.util.concurrent.locks.ReentrantLock();
  private java.util.concurrent.ScheduledExecutorService checkpoints;

  private Database(HikariDataSource pool, Vendor vendor, Optional<AuditChain.HeadFile> head) {
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
    return open(url, password, auditHead, false);
  }

  /**
   * Opens the store at {@code url} and applies pending migrations.
   *
   * @param syncJournal whether an H2 file store forces each journal line, and the file at each
   *     checkpoint, to the disk before it answers (survives a power failure, costs a disk flush
   *     per commit); without it a commit is in the operating system's hands, which survives
   *     {@code kill -9} but not a power failure
   */
  public static Database open(String url, Optional<String> password, Optional<Path> auditHead, boolean syncJournal) {
    Vendor vendor;
    DataSource source;
    boolean housekeep = false;
    boolean journaled = false;
    // an H2 file store that was not closed: its last process was killed (or the machine stopped)
    boolean killed = false;
    if (url.startsWith("jdbc:h2:")) {
      vendor = Vendor.H2;
      JdbcDataSource h2 = new JdbcDataSource();
      journaled = url.startsWith("jdbc:h2:file:") && !url.contains("WRITE_DELAY");
      String u = url.contains("WRITE_DELAY") || url.startsWith("jdbc:h2:mem:") ? url
          : url + ";WRITE_DELAY=" + (journaled ? JOURNALED_WRITE_DELAY_MS : 0);
      // appends to the audit log queue on its head row; a large batch may hold it for seconds
      u = u.contains("LOCK_TIMEOUT") ? u : u + ";LOCK_TIMEOUT=60000";
      // H2 keeps 8 parsed statements per session, fewer than one scoring request runs, so each
      // was parsed again on every call: 5 % of the server's CPU at 500 requests/s (JFR)
      u = u.contains("QUERY_CACHE_SIZE") ? u : u + ";QUERY_CACHE_SIZE=" + QUERY_CACHE_SIZE;
      if (u.startsWith("jdbc:h2:file:")) {
        // each write of the file is a chunk holding every page changed since the last one:
        // compressed, it is smaller (without: 3,464 against 2,353 bytes a declaration at 500
        // requests/s). H2 then splits pages at 64 KB whatever PAGE_SIZE says (its Store), so
        // none is set. H2's 45 s retention of old chunks stays (see H2Recovery for what reuse exposed)
        if (!u.contains("COMPRESS=")) {
          u = u + ";COMPRESS=TRUE";
        }
      }
      // the rewrite pays only where chunks are reused soon: with H2's 45 s retention it freed
      // nothing measurable in 2-minute runs and took 7 % of the CPU at 500 requests/s, with a
      // 2 s retention it halved the growth (docs/server.md, "Store growth")
      housekeep = u.startsWith("jdbc:h2:file:") && u.contains("WRITE_DELAY=0") && u.contains("RETENTION_TIME=");
      // after kill -9, H2's own start can miss the last commits (see H2Recovery)
      killed = H2Recovery.file(u).map(H2Recovery::recoverIfUnclean).orElse(false);
      h2.setURL(u);
      h2.setUser("");
      h2.setPassword(password.orElse(""));
      if (password.isPresent() && !password.get().isEmpty()) {
        givePasswordToLegacyStore(h2, password.get());
      }
      source = h2;
    } else if (url.startsWith("jdbc:postgresql:")) {
      vendor = Vendor.POSTGRESQL;
      PGSimpleDataSource pg = new PGSimpleDataSource();
      pg.setURL(url);
      password.ifPresent(pg::setPassword);
      source = pg;
    } else {
      throw new IllegalArgumentException("unsupported database URL (jdbc:h2:... or jdbc:postgresql://...): "
          + redact(url));
    }
    HikariDataSource pool;
    try {
      pool = pool(source, vendor);
    } catch (RuntimeException e) {
      throw new StoreException("cannot open the store at " + redact(url) + ": "
          + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
    }
    if (killed) {
      try {
        H2Recovery.finishLeftoverCommits(pool);
      } catch (StoreException e) {
        pool.close();
        throw e;
      }
    }
    try {
      Flyway.configure()
          .dataSource(pool)
          .locations("classpath:db/migration/common",
              "classpath:db/migration/" + vendor.name().toLowerCase(java.util.Locale.ROOT))
          .load()
          .migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw new StoreException("cannot open the store at " + redact(url) + ": " + e.getMessage(), e);
    }
    Database db = new Database(pool, vendor, auditHead.map(AuditChain.HeadFile::new));
    if (url.startsWith("jdbc:h2:file:")) {
      try {
        db.openJournal(H2Recovery.file(url).orElseThrow(), syncJournal, journaled);
      } catch (IOException | RuntimeException e) {
        pool.close();
        throw new StoreException("cannot open the journal of the store at " + redact(url) + ": " + e.getMessage(), e);
      }
    }
    if (housekeep) {
      db.housekeeping = Optional.of(H2Housekeeping.start(pool));
    }
    return db;
  }

  /**
   * The pool. Not H2's own {@code JdbcConnectionPool}: it rolls back every connection it hands
   * out, and a rollback empties H2's cache of the session's parsed statements, so each checkout
   * parsed its statements again (JFR at 500 requests/s: 15 % of the group commit's CPU). HikariCP
   * rolls back only a connection given back with uncommitted work.
   */
  private static HikariDataSource pool(DataSource source, Vendor vendor) {
    HikariConfig cfg = new HikariConfig();
    cfg.setDataSource(source);
    cfg.setPoolName("riskgate-store");
    cfg.setMaximumPoolSize(32);
    cfg.setMinimumIdle(2);
    if (vendor == Vendor.H2) {
      // an embedded H2 database closes with its last connection: never retire them for age
      cfg.setMaxLifetime(0);
    }
    return new HikariDataSource(cfg);
  }

  /**
   * Stores again what the journal holds and the file lacks, makes the file hold it and drops the
   * old segments; then, when {@code keep}, journals the commits from now on and starts the
   * checkpoints. (A store opened with its own {@code WRITE_DELAY} replays a journal left by an
   * earlier run too: its rows must not stay behind commits made without it.)
   */
  private void openJournal(Path h2File, boolean sync, boolean keep) throws IOException {
    String name = h2File.getFileName().toString();
    Journal j = new Journal(h2File.resolveSibling(name.substring(0, name.length() - ".mv.db".length())), sync);
    // replayed with plain commits, then written to the file at once
    replay(j.linesBefore(j.segment()));
    try (Connection c = pool.getConnection()) {
      flush(c, sync);
    } catch (SQLException e) {
      throw new StoreException("cannot write the H2 file after the journal's replay: " + e.getMessage(), e);
    }
    j.deleteBefore(j.segment());
    if (!keep) {
      j.close();
      return;
    }
    journal = j;
    checkpoints = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "riskgate-journal-checkpoint");
      t.setDaemon(true);
      return t;
    });
    checkpoints.scheduleWithFixedDelay(this::checkpoint, CHECKPOINT_MS, CHECKPOINT_MS,
        java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  /**
   * The redo: each journal line whose declarations the store lacks is stored again, in the order
   * written, with its audit entries under their own numbers; the audit log's numbering then
   * continues after the last.
   */
  private void replay(java.util.List<Journal.Line> lines) {
    int redone = 0;
    for (Journal.Line line : lines) {
      redone += inTransaction(c -> DeclarationStore.redo(c, line)) ? 1 : 0;
    }
    if (redone > 0) {
      inTransaction(c -> {
        try (java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(seq), 0) + 1 FROM audit_log")) {
          rs.next();
          s.execute("ALTER TABLE audit_log ALTER COLUMN seq RESTART WITH " + rs.getLong(1));
        }
        return null;
      });
    }
    if (!lines.isEmpty()) {
      LOG.log(System.Logger.Level.INFO, "journal: " + lines.size() + " lines read, " + redone
          + " stored again (the rest were in the store)");
    }
  }

  /**
   * Starts a journal segment, writes the H2 file (which then holds every commit journaled before)
   * and drops the older segments. The file is written outside the commit lock: commits go on.
   */
  private void checkpoint() {
    try {
      long upTo;
      commits.lock();
      try {
        if (journal.written() == 0) {
          return;
        }
        upTo = journal.rotate();
      } finally {
        commits.unlock();
      }
      try (Connection c = pool.getConnection()) {
        flush(c, journal.syncs());
      }
      journal.deleteBefore(upTo);
    } catch (IOException | SQLException | RuntimeException e) {
      // the segments stay and are replayed on open; nothing acknowledged is lost
      LOG.log(System.Logger.Level.WARNING, "journal checkpoint failed: " + e);
    }
  }

  /**
   * Writes what H2 holds in memory to its file, and forces it to the disk when {@code sync}. The
   * store is taken from a connection each time: H2 may have closed and reopened it meanwhile.
   */
  private static void flush(Connection c, boolean sync) throws SQLException {
    org.h2.mvstore.MVStore store = H2Housekeeping.mvStore(c);
    store.commit();
    if (sync) {
      store.sync();
    }
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
    return inTransaction(work, null);
  }

  /**
   * Runs {@code work} in one transaction, like {@link #inTransaction(Work)}; on a store with a
   * journal the commit is made durable by the journal line {@code redo} makes of the result
   * (which {@link DeclarationStore#redo} must be able to store again), not by writing the file.
   */
  <T> T inTransaction(Work<T> work, java.util.function.Function<T, String> redo) {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        if (journal == null) {
          c.commit();
        } else {
          durableCommit(c, redo == null ? null : redo.apply(result));
        }
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

  /**
   * Commits and makes the commit durable, in one order with every other commit and the
   * journal's rotation: a commit with a journal line appends it (one write); any other has H2
   * write its file. So the file, as a kill leaves it, holds every commit up to some point, and
   * the journal every acknowledged line after it: a replay never skips a commit and never leaves
   * a gap in the audit chain.
   */
  private void durableCommit(Connection c, String line) throws SQLException {
    commits.lock();
    try {
      c.commit();
      if (line == null) {
        flush(c, journal.syncs());
        return;
      }
      try {
        journal.append(line);
      } catch (IOException e) {
        LOG.log(System.Logger.Level.ERROR, "cannot append to the journal, the store's file is written instead: " + e);
        flush(c, journal.syncs());
      }
    } finally {
      commits.unlock();
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
    if (journal != null) {
      checkpoints.shutdown();
      try {
        checkpoints.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      checkpoint();
      try {
        journal.close();
      } catch (IOException e) {
        LOG.log(System.Logger.Level.WARNING, "cannot close the journal: " + e);
      }
    }
    pool.close();
  }
}
