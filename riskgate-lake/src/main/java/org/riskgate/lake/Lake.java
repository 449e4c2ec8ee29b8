package org.riskgate.lake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.riskgate.core.Period;

/**
 * A declaration lake on disk: {@code LAKE/manifest.json} and
 * {@code LAKE/declarations/month=YYYY-MM/part-*.parquet}. Only the parts the manifest lists
 * belong to the lake (see {@link Manifest}).
 */
public final class Lake {
  /** The directory of the Hive-style month partitions. */
  public static final String DECLARATIONS = "declarations";

  private final Path dir;
  private final Manifest manifest;

  private Lake(Path dir, Manifest manifest) {
    this.dir = dir;
    this.manifest = manifest;
  }

  /** Whether {@code dir} is a lake (it has a manifest). */
  public static boolean isLake(Path dir) {
    return Files.isRegularFile(dir.resolve(Manifest.FILE));
  }

  /** Opens an existing lake, as its manifest stands now. */
  public static Lake open(Path dir) throws IOException {
    Path d = dir.toAbsolutePath().normalize();
    if (!isLake(d)) {
      throw new IOException(dir + " is not a declaration lake (no " + Manifest.FILE
          + "); create one with `riskgate lake import --lake " + dir + " FILE.csv`");
    }
    return new Lake(d, Manifest.read(d.resolve(Manifest.FILE)));
  }

  /** Opens a lake, creating an empty one (directory and manifest) when there is none. */
  public static Lake openOrCreate(Path dir) throws IOException {
    Path d = dir.toAbsolutePath().normalize();
    if (!isLake(d)) {
      Files.createDirectories(d.resolve(DECLARATIONS));
      Manifest.empty().writeAtomically(d);
    }
    return open(d);
  }

  public Path dir() {
    return dir;
  }

  public Manifest manifest() {
    return manifest;
  }

  /** The absolute paths of the parts whose month overlaps {@code period}, by month then name. */
  public List<Path> parts(Period period) {
    String first = period.from().map(d -> YearMonth.from(d).toString()).orElse("");
    String last = period.to().map(d -> YearMonth.from(d).toString()).orElse("9999-99");
    return manifest.parts().stream()
        .filter(p -> p.month().compareTo(first) >= 0 && p.month().compareTo(last) <= 0)
        .sorted(Comparator.comparing(Manifest.Part::month).thenComparing(Manifest.Part::path))
        .map(p -> dir.resolve(p.path()))
        .toList();
  }

  /** Rows, frauds and bytes per month, from the manifest (no Parquet file is read). */
  public Info info() {
    Map<String, long[]> byMonth = new TreeMap<>();
    for (Manifest.Part p : manifest.parts()) {
      long[] t = byMonth.computeIfAbsent(p.month(), m -> new long[4]);
      t[0] += p.rows();
      t[1] += p.frauds();
      t[2] += p.bytes();
      t[3]++;
    }
    List<Month> months = new ArrayList<>();
    byMonth.forEach((m, t) -> months.add(new Month(m, t[0], t[1], t[2], (int) t[3])));
    long rejected = manifest.imports().stream().mapToLong(Manifest.Import::rejected).sum();
    return new Info(dir, manifest.imports().size(), rejected, months);
  }

  /**
   * What a lake holds.
   *
   * @param files source files imported
   * @param rejected rows set aside at import, over all files
   */
  public record Info(Path dir, int files, long rejected, List<Month> months) {
    public Info {
      months = List.copyOf(months);
    }

    public long rows() {
      return months.stream().mapToLong(Month::rows).sum();
    }

    public long frauds() {
      return months.stream().mapToLong(Month::frauds).sum();
    }

    public long bytes() {
      return months.stream().mapToLong(Month::bytes).sum();
    }
  }

  /** One month partition: its rows, frauds, Parquet bytes and part files. */
  public record Month(String month, long rows, long frauds, long bytes, int parts) {}

  /** The month partition a date falls in, as its directory names it. */
  static String monthOf(LocalDate d) {
    return YearMonth.from(d).toString();
  }
}
