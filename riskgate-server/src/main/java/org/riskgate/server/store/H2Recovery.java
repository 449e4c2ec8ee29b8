package org.riskgate.server.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionStore;

/**
 * Finds the last commit of an H2 file store that was not closed (a killed process) before H2
 * opens it, because H2's own quick start can miss it.
 *
 * <p>What H2 2.x does: when a commit's chunk is written into reused space rather than where the
 * previous chunk predicted, it rewrites the file header so that the next start can find the
 * chunk, but the header it writes names the previous chunk (in {@code RandomAccessStore},
 * {@code writeChunk} writes the header before {@code storeBuffer} makes the new chunk the last
 * one). A start after {@code kill -9} follows the header and the chunks' predictions, does not
 * reach the new chunk, and opens the store as it was one or more commits earlier: commits that
 * were acknowledged are gone. Space is reused once chunks are older than the retention time
 * (45 s), so any server that has run for a minute was exposed; {@code H2KillTest} lost the last
 * acknowledged declaration every time. H2's recovery mode reads every block of the file instead
 * and takes the newest chunk whose chunks are all intact; opened so and closed, the store gets a
 * clean header naming that chunk, and H2 then opens it as usual.
 */
final class H2Recovery {
  private static final System.Logger LOG = System.getLogger(H2Recovery.class.getName());
  // the header's "clean" field, present only after a normal close
  private static final Pattern CLEAN = Pattern.compile("(^|,)clean:1(,|$)");
  // H2's recovery commit and its transaction close (package-private), looked up when the class
  // loads so that an H2 upgrade that changes them fails every open of a file store, not one
  // after a kill
  private static final Method RECOVERY_COMMIT;
  private static final Method CLOSE;

  static {
    try {
      RECOVERY_COMMIT = TransactionStore.class.getDeclaredMethod("commit", Transaction.class, boolean.class);
      CLOSE = Transaction.class.getDeclaredMethod("close", boolean.class, Throwable.class);
      RECOVERY_COMMIT.setAccessible(true);
      CLOSE.setAccessible(true);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("this H2 lacks the methods H2Recovery.finishLeftoverCommits uses: " + e, e);
    }
  }

  private H2Recovery() {}

  /** The file of an H2 file URL ({@code jdbc:h2:file:PATH;...}), if it names one. */
  static Optional<Path> file(String url) {
    if (!url.startsWith("jdbc:h2:file:")) {
      return Optional.empty();
    }
    String path = url.substring("jdbc:h2:file:".length());
    int settings = path.indexOf(';');
    path = settings < 0 ? path : path.substring(0, settings);
    if (path.startsWith("~")) {
      path = System.getProperty("user.home") + path.substring(1);
    }
    return Optional.of(Path.of(path + ".mv.db"));
  }

  /**
   * Recovers the store in {@code file} to its last complete commit when it was not closed
   * cleanly; does nothing for a new store or one that was closed.
   *
   * @return whether a recovery ran
   */
  static boolean recoverIfUnclean(Path file) {
    if (!Files.isRegularFile(file) || closedCleanly(file)) {
      return false;
    }
    long t0 = System.nanoTime();
    long version;
    try {
      MVStore store = new MVStore.Builder().fileName(file.toString()).recoveryMode().open();
      version = store.getCurrentVersion();
      store.close();
    } catch (MVStoreException e) {
      // e.g. the file is locked: another process has the store open
      throw new StoreException("cannot recover the H2 store " + file + ": " + e.getMessage(), e);
    }
    LOG.log(System.Logger.Level.INFO, String.format(java.util.Locale.ROOT,
        "%s was not closed: recovered to its last complete commit (version %d) in %.1f s", file, version,
        (System.nanoTime() - t0) / 1e9));
    return true;
  }

  /** Whether the file header carries H2's clean-shutdown mark. */
  static boolean closedCleanly(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer b = ByteBuffer.allocate(4096);
      while (b.hasRemaining() && ch.read(b) > 0) {
        // a header block is 4 KB; read it whole
      }
      String header = new String(b.array(), 0, b.position(), StandardCharsets.ISO_8859_1);
      int end = header.indexOf('\n');
      return CLEAN.matcher(end < 0 ? header : header.substring(0, end)).find();
    } catch (IOException e) {
      throw new StoreException("cannot read the H2 file header of " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Finishes the commits a killed process left half done, which H2 leaves open for ever.
   *
   * <p>A kill between the moment H2 marks a transaction's undo log committed and the end of its
   * commit, with the file written in between (any checkpoint may be), leaves a transaction in
   * state COMMITTED in the file. H2's start ends leftover transactions by calling
   * {@code Transaction.commit()}, which does nothing for one already COMMITTED (H2 2.5.252:
   * {@code isActive(COMMITTED)} is false), so the transaction stays open and every later lock on
   * a row it wrote (the audit head's, first) spins in {@code TxDecisionMaker} without end and
   * without {@code LOCK_TIMEOUT}: the store never opened, and a CI run ran out of time in
   * {@code H2KillTest}. Finished here as H2 means to (its recovery commit over the undo log), with
   * H2's own package-private methods: no public API reaches them.
   */
  static void finishLeftoverCommits(DataSource source) {
    try (Connection c = source.getConnection()) {
      TransactionStore ts = H2Housekeeping.store(c).getTransactionStore();
      for (Transaction t : ts.getOpenTransactions()) {
        if (t.getStatus() != Transaction.STATUS_COMMITTED) {
          continue;
        }
        RECOVERY_COMMIT.invoke(ts, t, true);
        CLOSE.invoke(t, true, null);
        LOG.log(System.Logger.Level.WARNING, "H2 left transaction " + t.getId() + " committed but not finished"
            + " (the process was killed during its commit): finished now");
      }
    } catch (SQLException | ReflectiveOperationException | RuntimeException e) {
      throw new StoreException("cannot finish the commits a killed process left in the H2 store: " + e, e);
    }
  }
}
