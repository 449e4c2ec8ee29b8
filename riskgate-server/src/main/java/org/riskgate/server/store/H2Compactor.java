package org.riskgate.server.store;

import java.sql.Connection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * Keeps an embedded H2 file from ballooning under many small commits. Every commit (one per
 * request when declarations arrive one by one, as WRITE_DELAY=0 demands for durability) writes a
 * new chunk holding the rewritten pages of every index it touched; a chunk is freed only when
 * none of its pages is live, and some always are (index pages of random keys), so the file grew
 * by 25-50 KB per declaration while its live data was under 2 KB. Rewriting sparse chunks every
 * few seconds frees them for reuse. (H2's own background compaction does not keep up with a
 * steady stream of commits; a long retention time only adds to it.)
 */
final class H2Compactor implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(H2Compactor.class.getName());
  static final long PERIOD_MS = 2_000;
  // chunks with fewer live bytes than this share are rewritten
  private static final int TARGET_FILL = 80;
  // rewrite at most this much per round, so a round stays short next to the requests
  private static final int WRITE_PER_ROUND = 16 << 20;
  private final DataSource source;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "riskgate-h2-compactor");
    t.setDaemon(true);
    return t;
  });

  private H2Compactor(DataSource source) {
    this.source = source;
  }

  static H2Compactor start(DataSource source) {
    H2Compactor c = new H2Compactor(source);
    c.timer.scheduleWithFixedDelay(c::round, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    return c;
  }

  private void round() {
    try (Connection c = source.getConnection()) {
      MVStore store = ((SessionLocal) c.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore().getMvStore();
      store.compact(TARGET_FILL, WRITE_PER_ROUND);
    } catch (Exception | LinkageError e) {
      LOG.log(System.Logger.Level.WARNING, "H2 compaction round failed: " + e);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
