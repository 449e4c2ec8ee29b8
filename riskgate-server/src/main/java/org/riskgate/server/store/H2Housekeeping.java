package org.riskgate.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * The chunk housekeeping that H2 does not do for a store opened with {@code WRITE_DELAY=0}.
 *
 * <p>Every commit writes a new chunk holding every page it changed (one commit per request when
 * declarations arrive one by one). A chunk's space is reused only when none of its pages is live
 * any more, and one page of some index always is, so without rewriting nearly every chunk stays:
 * measured, the chunks held 1-2 % live data and the file grew about 20 KB per declaration. H2
 * rewrites such sparse chunks from its background writer thread, but {@code WRITE_DELAY=0}
 * (needed so that a commit reaches the operating system before it is acknowledged) is exactly
 * the setting under which H2 starts no such thread. This class runs H2's own rewrite
 * ({@link MVStore#compact}) on a timer instead. A chunk is rewritten, and its space reused, only
 * once it is older than the retention time; {@link Database} runs this only for a store whose
 * URL sets {@code RETENTION_TIME} (with a 2 s retention it halved the growth; with the default
 * 45 s it freed nothing measurable within minutes and cost CPU). Reuse of chunk space is what
 * exposed H2's lost last commit after kill -9 ({@link H2Recovery}).
 */
final class H2Housekeeping implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(H2Housekeeping.class.getName());
  static final long PERIOD_MS = 1_000;
  // chunks whose live share is below this are rewritten; most chunks of a store written one
  // commit at a time hold a few per cent
  private static final int TARGET_FILL = 50;
  // at most this much rewritten per round, so that a round stays short beside the requests
  private static final int WRITE_PER_ROUND = 4 << 20;
  private final MVStore store;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "riskgate-h2-housekeeping");
    t.setDaemon(true);
    return t;
  });

  private H2Housekeeping(MVStore store) {
    this.store = store;
  }

  /** Starts rewriting sparse chunks of the H2 file store behind {@code source}. */
  static H2Housekeeping start(DataSource source) {
    H2Housekeeping h = new H2Housekeeping(mvStore(source));
    h.timer.scheduleWithFixedDelay(h::round, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    return h;
  }

  /** The MVStore under an embedded H2 database. */
  static MVStore mvStore(DataSource source) {
    try (Connection c = source.getConnection()) {
      return mvStore(c);
    } catch (SQLException e) {
      throw new StoreException("cannot reach the H2 store for its housekeeping: " + e.getMessage(), e);
    }
  }

  /** The MVStore under an embedded H2 connection's database. */
  static MVStore mvStore(Connection c) throws SQLException {
    return store(c).getMvStore();
  }

  /** H2's store (MVStore and transactions) under an embedded H2 connection's database. */
  static org.h2.mvstore.db.Store store(Connection c) throws SQLException {
    return ((SessionLocal) c.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore();
  }

  private void round() {
    try {
      if (store.isClosed()) {
        return;
      }
      if (store.compact(TARGET_FILL, WRITE_PER_ROUND)) {
        // the rewritten pages are written with the next commit; while no request commits, this one does
        store.tryCommit();
      }
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "H2 housekeeping round failed: " + e);
    }
  }

  /**
   * Stops the rounds and waits for one in progress: never interrupts it, since a thread
   * interrupted during its file I/O closes H2's file channel.
   */
  @Override
  public void close() {
    timer.shutdown();
    try {
      if (!timer.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.log(System.Logger.Level.WARNING, "H2 housekeeping round still running at close");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
