package org.riskgate.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.ServiceLoader;

/**
 * The one way commands open declarations: a CSV file, a Parquet file or a lake directory, for a
 * period. The format is chosen by the path; formats beyond CSV are plug-ins ({@link DeclarationFormat}).
 */
public final class Declarations {
  private static final DeclarationFormat CSV = new CsvFormat();
  private static final List<DeclarationFormat> PLUGGED = loadFormats();

  private Declarations() {}

  private static List<DeclarationFormat> loadFormats() {
    List<DeclarationFormat> formats = new ArrayList<>();
    ServiceLoader.load(DeclarationFormat.class, Declarations.class.getClassLoader()).forEach(formats::add);
    return List.copyOf(formats);
  }

  /** The format that reads {@code path}: a plugged-in one that claims it, else CSV. */
  public static DeclarationFormat formatOf(Path path) {
    for (DeclarationFormat f : PLUGGED) {
      if (f.reads(path)) {
        return f;
      }
    }
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    boolean directory = Files.isDirectory(path);
    if ((directory || name.endsWith(".parquet")) && PLUGGED.isEmpty()) {
      throw new IllegalArgumentException(path + ": reading Parquet files and declaration lakes needs "
          + "riskgate-lake on the class path (the riskgate distribution has it)");
    }
    if (directory) {
      throw new IllegalArgumentException(path + " is a directory but not a declaration lake (no manifest.json); "
          + "create one with `riskgate lake import --lake DIR FILE.csv`");
    }
    return CSV;
  }

  /** Streams the declarations of a period; rows that cannot be read go to {@code rejects}. */
  public static DeclarationStream open(Path path, Period period, ColumnMapping mapping, RejectSink rejects)
      throws IOException {
    return formatOf(path).open(path, period, mapping, rejects);
  }

  /** Reads a whole period into memory: for training sets and profiles, never for scoring. */
  public static List<Declaration> readAll(Path path, Period period, ColumnMapping mapping, RejectSink rejects)
      throws IOException {
    List<Declaration> all = new ArrayList<>();
    try (DeclarationStream s = open(path, period, mapping, rejects)) {
      s.forEachRemaining(all::add);
    }
    return all;
  }

  /**
   * Reads a whole period into a compact {@link DeclarationTable}: for training sets of millions of
   * rows, a quarter of the memory of {@link #readAll}'s records.
   */
  public static DeclarationTable readTable(Path path, Period period, ColumnMapping mapping, RejectSink rejects)
      throws IOException {
    DeclarationTable.Builder all = DeclarationTable.builder();
    try (DeclarationStream s = open(path, period, mapping, rejects)) {
      s.forEachRemaining(all::add);
    }
    return all.build();
  }

  /** A SHA-256 (hex) of the declarations at {@code path}: a file's bytes, or a lake's manifest. */
  public static String sha256(Path path) throws IOException {
    return formatOf(path).sha256(path);
  }

  /** SHA-256 (hex) of a file's bytes. */
  public static String sha256OfBytes(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }

  /** The rows of {@code in} dated within {@code period}, for formats that cannot select them themselves. */
  public static DeclarationStream inPeriod(DeclarationStream in, Period period) {
    return period.isAll() ? in : new InPeriod(in, period);
  }

  /** CSV files, through {@link DeclarationReader}; a period is applied as rows stream by. */
  private static final class CsvFormat implements DeclarationFormat {
    @Override
    public String name() {
      return "csv";
    }

    @Override
    public boolean reads(Path path) {
      return Files.isRegularFile(path);
    }

    @Override
    public DeclarationStream open(Path path, Period period, ColumnMapping mapping, RejectSink rejects)
        throws IOException {
      DeclarationReader reader = DeclarationReader.open(path, mapping, rejects);
      return inPeriod(reader, period);
    }

    @Override
    public String sha256(Path path) throws IOException {
      return sha256OfBytes(path);
    }
  }

  /** The rows of a stream that fall in a period. */
  private static final class InPeriod implements DeclarationStream {
    private final DeclarationStream in;
    private final Period period;
    private Declaration next;

    InPeriod(DeclarationStream in, Period period) {
      this.in = in;
      this.period = period;
    }

    @Override
    public boolean hasNext() {
      while (next == null && in.hasNext()) {
        Declaration d = in.next();
        if (period.contains(d.date())) {
          next = d;
        }
      }
      return next != null;
    }

    @Override
    public Declaration next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Declaration d = next;
      next = null;
      return d;
    }

    @Override
    public void close() {
      in.close();
    }
  }
}
