package org.riskgate.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.riskgate.core.ColumnMapping;
import org.riskgate.core.Declaration;
import org.riskgate.core.DeclarationReader;
import org.riskgate.core.Declarations;
import org.riskgate.core.Reject;
import org.riskgate.core.RejectFile;

/**
 * Appends CSV files of declarations to a lake, each file in one atomic step.
 *
 * <p>A file is read in a stream (rows checked as every reader checks them, the unreadable ones
 * written to a reject file), buffered in chunks of rows in DuckDB and written as Parquet into a
 * staging directory inside the lake. Only then are the parts renamed into their month partitions
 * and, last, the manifest replaced (temp file, then an atomic rename): the manifest is the commit.
 * A process killed at any point leaves the lake as it was, plus leftovers that no reader looks at
 * and that the next import removes ({@link #recover()}). A file whose content (SHA-256) is
 * already in the manifest is skipped.
 */
public final class LakeImporter {
  /** Points between the steps of an import where a test makes the process "die". */
  interface Steps {
    void reached(String step) throws IOException;
  }

  /** What happened to one file. */
  public sealed interface Outcome permits Imported, Skipped {
    Path file();
  }

  /**
   * The file was appended.
   *
   * @param rejects the reject file in the lake, when any row was rejected
   * @param firstRejects the first few rejected rows, for the console
   */
  public record Imported(Path file, String sha256, long rows, long rejected, Optional<Path> rejects,
      List<Reject> firstRejects, List<String> months) implements Outcome {
    public Imported {
      firstRejects = List.copyOf(firstRejects);
      months = List.copyOf(months);
    }
  }

  /** The same content was imported before (perhaps under another name). */
  public record Skipped(Path file, String sha256, Manifest.Import earlier) implements Outcome {}

  private static final int DEFAULT_CHUNK_ROWS = 500_000;

  private final Path dir;
  private final ColumnMapping mapping;
  private final LongConsumer progress;
  private final Steps steps;
  private final int chunkRows;

  /**
   * @param lake the lake directory, created when missing
   * @param progress told the number of rows read so far, now and then
   */
  public LakeImporter(Path lake, ColumnMapping mapping, LongConsumer progress) {
    this(lake, mapping, progress, step -> {}, DEFAULT_CHUNK_ROWS);
  }

  LakeImporter(Path lake, ColumnMapping mapping, LongConsumer progress, Steps steps, int chunkRows) {
    this.dir = lake.toAbsolutePath().normalize();
    this.mapping = mapping;
    this.progress = progress;
    this.steps = steps;
    this.chunkRows = chunkRows;
  }

  /**
   * Removes what interrupted imports left behind: staging directories, parts the manifest does not
   * list, unfinished manifests and unlisted reject files.
   *
   * @return how many files and directories were removed
   */
  public int recover() throws IOException {
    Lake lake = Lake.openOrCreate(dir);
    try (FileChannel lock = lock()) {
      return recover(lake);
    }
  }

  /** Imports one CSV file, or skips it when its content is already in the lake. */
  public Outcome importFile(Path csv) throws IOException {
    Lake.openOrCreate(dir);
    try (FileChannel lock = lock()) {
      // read under the lock: another import may have committed since
      Lake lake = Lake.open(dir);
      recover(lake);
      if (!Files.isRegularFile(csv)) {
        throw new IOException("no such declaration file: " + csv);
      }
      String sha = Declarations.sha256OfBytes(csv);
      Optional<Manifest.Import> earlier = lake.manifest().find(sha);
      if (earlier.isPresent()) {
        return new Skipped(csv, sha, earlier.get());
      }
      Path staging = dir.resolve(".staging-" + UUID.randomUUID());
      try {
        return append(lake, csv, sha, staging);
      } finally {
        deleteTree(staging);
      }
    }
  }

  private Imported append(Lake lake, Path csv, String sha, Path staging) throws IOException {
    int number = lake.manifest().imports().size() + 1;
    Files.createDirectories(staging.resolve(Lake.DECLARATIONS));
    Path stagedRejects = staging.resolve("rejects.csv");
    List<Manifest.Part> parts = new ArrayList<>();
    long rows;
    long rejected;
    List<Reject> first;
    try (RejectFile rejects = new RejectFile(stagedRejects);
        Connection c = DuckDb.open("1GB");
        DeclarationReader reader = DeclarationReader.open(csv, mapping, rejects)) {
      try (Statement s = c.createStatement()) {
        s.execute("SET temp_directory = " + DuckDb.quote(staging.resolve("tmp").toString()));
      }
      rows = 0;
      try (Chunks chunks = new Chunks(c.unwrap(DuckDBConnection.class), staging, number, parts, chunkRows)) {
        while (reader.hasNext()) {
          chunks.add(reader.next());
          if (++rows % 10_000 == 0) {
            progress.accept(rows);
          }
        }
        chunks.finish();
      }
      progress.accept(rows);
      rejected = rejects.count();
      first = rejects.first();
    } catch (SQLException e) {
      throw new IOException("writing Parquet for " + csv + " failed: " + e.getMessage(), e);
    }
    steps.reached("staged");
    Optional<Path> rejectFile = Optional.empty();
    if (Files.exists(stagedRejects)) {
      Path target = dir.resolve("rejects").resolve(String.format("import-%06d-%s.rejects.csv", number, csv.getFileName()));
      Files.createDirectories(target.getParent());
      Files.move(stagedRejects, target, StandardCopyOption.ATOMIC_MOVE);
      rejectFile = Optional.of(target);
      steps.reached("rejects moved");
    }
    for (Manifest.Part p : parts) {
      Path target = dir.resolve(p.path());
      Files.createDirectories(target.getParent());
      Files.move(staging.resolve(p.path()), target, StandardCopyOption.ATOMIC_MOVE);
      steps.reached("moved " + p.path());
    }
    Manifest.Import entry = new Manifest.Import(sha, csv.toAbsolutePath().normalize().toString(),
        Instant.now().toString(), rows, rejected,
        rejectFile.map(f -> dir.relativize(f).toString()).orElse(""), parts);
    lake.manifest().with(entry).writeAtomically(dir);
    steps.reached("committed");
    List<String> months = parts.stream().map(Manifest.Part::month).distinct().sorted().toList();
    return new Imported(csv, sha, rows, rejected, rejectFile, first, months);
  }

  /**
   * Two chunk tables: rows are appended to one while the other, full, is written out as Parquet by
   * a second thread on its own connection, so that reading the CSV and writing Parquet overlap.
   */
  private static final class Chunks implements AutoCloseable {
    private final Chunk[] chunks = new Chunk[2];
    private final List<java.util.concurrent.Future<?>> pending = new ArrayList<>(List.of(
        java.util.concurrent.CompletableFuture.completedFuture(null), java.util.concurrent.CompletableFuture.completedFuture(null)));
    private final java.util.concurrent.ExecutorService writer = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "lake-parquet-writer");
      t.setDaemon(true);
      return t;
    });
    private final DuckDBConnection writing;
    private final int chunkRows;
    private int current;

    Chunks(DuckDBConnection c, Path staging, int number, List<Manifest.Part> parts, int chunkRows) throws SQLException {
      this.writing = (DuckDBConnection) c.duplicate();
      this.chunkRows = chunkRows;
      for (int i = 0; i < 2; i++) {
        chunks[i] = new Chunk(c, writing, "chunk" + i, staging, number, parts);
      }
    }

    void add(Declaration d) throws SQLException, IOException {
      chunks[current].add(d);
      if (chunks[current].size() == chunkRows) {
        handOver();
        current = 1 - current;
        await(current);
      }
    }

    /** Writes what is left and waits for every part to be written. */
    void finish() throws SQLException, IOException {
      handOver();
      await(0);
      await(1);
    }

    private void handOver() throws SQLException {
      Chunk full = chunks[current];
      full.flush();
      pending.set(current, writer.submit(() -> {
        full.write();
        return null;
      }));
    }

    private void await(int i) throws SQLException, IOException {
      try {
        pending.get(i).get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while writing Parquet", e);
      } catch (java.util.concurrent.ExecutionException e) {
        switch (e.getCause()) {
          case SQLException q -> throw q;
          case IOException io -> throw io;
          case RuntimeException r -> throw r;
          case Error err -> throw err;
          default -> throw new IOException(e.getCause());
        }
      }
    }

    @Override
    public void close() throws SQLException {
      writer.shutdownNow();
      for (Chunk c : chunks) {
        c.close();
      }
      writing.close();
    }
  }

  /**
   * Rows waiting to be written, held in a DuckDB table (native memory, spilled to the staging
   * directory if need be), then written as one Parquet part per month they cover, in file order.
   */
  private static final class Chunk {
    private final DuckDBConnection writing;
    private final String table;
    private final Path staging;
    private final int number;
    private final List<Manifest.Part> parts;
    private final DuckDBAppender appender;
    private int size;

    /**
     * @param appending the connection rows are appended on
     * @param writing the connection the Parquet files are written from
     * @param parts where the parts written are listed, in order (by the one writer thread)
     */
    Chunk(DuckDBConnection appending, DuckDBConnection writing, String table, Path staging, int number,
        List<Manifest.Part> parts) throws SQLException {
      this.writing = writing;
      this.table = table;
      this.staging = staging;
      this.number = number;
      this.parts = parts;
      try (Statement s = appending.createStatement()) {
        s.execute("CREATE TABLE " + table + " (" + LakeSchema.MONTH + " VARCHAR, " + LakeSchema.columnDefinitions() + ")");
      }
      appender = appending.createAppender("main", table);
    }

    int size() {
      return size;
    }

    void add(Declaration d) throws SQLException {
      appender.beginRow().append(Lake.monthOf(d.date()));
      LakeSchema.append(appender, d);
      appender.endRow();
      size++;
    }

    /** Makes the appended rows visible to the writing connection. */
    void flush() throws SQLException {
      appender.flush();
    }

    void write() throws SQLException, IOException {
      if (size == 0) {
        return;
      }
      List<String[]> months = new ArrayList<>();
      try (Statement s = writing.createStatement();
          ResultSet r = s.executeQuery("SELECT month, count(*), count_if(fraud) FROM " + table + " GROUP BY month ORDER BY month")) {
        while (r.next()) {
          months.add(new String[] {r.getString(1), Long.toString(r.getLong(2)), Long.toString(r.getLong(3))});
        }
      }
      for (String[] m : months) {
        String rel = Lake.DECLARATIONS + "/month=" + m[0] + "/" + String.format("part-%06d-%05d.parquet", number, parts.size());
        Path out = staging.resolve(rel);
        Files.createDirectories(out.getParent());
        try (Statement s = writing.createStatement()) {
          // insertion order is preserved (DuckDB's preserve_insertion_order): the part keeps the file's order
          s.execute("COPY (SELECT " + LakeSchema.columnNames() + " FROM " + table + " WHERE month = " + DuckDb.quote(m[0])
              + ") TO " + DuckDb.quote(out.toString()) + " (FORMAT parquet, COMPRESSION zstd)");
        }
        parts.add(new Manifest.Part(rel, m[0], Long.parseLong(m[1]), Long.parseLong(m[2]), Files.size(out)));
      }
      try (Statement s = writing.createStatement()) {
        s.execute("DELETE FROM " + table);
      }
      size = 0;
    }

    void close() throws SQLException {
      appender.close();
    }
  }

  /** The lake's write lock: held until the returned channel is closed. */
  private FileChannel lock() throws IOException {
    FileChannel ch = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      ch.close();
      throw new IOException(dir + ": another import is writing to this lake");
    }
    return ch;
  }

  private int recover(Lake lake) throws IOException {
    Set<Path> listed = new HashSet<>();
    for (Manifest.Import i : lake.manifest().imports()) {
      i.parts().forEach(p -> listed.add(dir.resolve(p.path()).normalize()));
      if (!i.rejects().isEmpty()) {
        listed.add(dir.resolve(i.rejects()).normalize());
      }
    }
    List<Path> leftovers = new ArrayList<>();
    try (Stream<Path> top = Files.list(dir)) {
      top.filter(p -> p.getFileName().toString().startsWith(".staging-")
          || p.getFileName().toString().startsWith(".manifest-")).forEach(leftovers::add);
    }
    for (String sub : List.of(Lake.DECLARATIONS, "rejects")) {
      Path d = dir.resolve(sub);
      if (Files.isDirectory(d)) {
        try (Stream<Path> all = Files.walk(d)) {
          all.filter(Files::isRegularFile).filter(p -> !listed.contains(p.normalize())).forEach(leftovers::add);
        }
      }
    }
    for (Path p : leftovers) {
      deleteTree(p);
    }
    return leftovers.size();
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
