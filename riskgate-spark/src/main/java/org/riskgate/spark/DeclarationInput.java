package org.riskgate.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.riskgate.core.Period;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.riskgate.core.ColumnMapping;
import org.riskgate.core.Declaration;
import org.riskgate.core.DeclarationReader;
import org.riskgate.core.RejectSink;
import org.riskgate.lake.Lake;

/**
 * Declarations as a Spark {@link Dataset} of {@link DeclarationRows#schema()}, from the declaration
 * lake ({@code LAKE/declarations/month=YYYY-MM/part-*.parquet}, the parts its manifest lists when
 * the driver can read it, else every part under the directory), a Parquet file with the lake's
 * columns, or a CSV file read by riskgate's own {@link DeclarationReader} (same column mapping,
 * same rejects).
 */
public final class DeclarationInput {
  // rows staged per Spark write: a chunk travels inside one task, which Spark wants small
  private static final int CHUNK = 20_000;
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT);

  private DeclarationInput() {}

  /** What was read: the rows, and where a CSV's rows went while Spark reads them. */
  public record Read(Dataset<Row> rows, String source) {}

  /**
   * Reads {@code input}: a file ending in .csv is read on the driver by riskgate's reader, its
   * rejects going to {@code rejects}, and staged as Parquet in {@code staging} (on a cluster, a
   * directory every executor sees; or give a lake); anything else is Parquet, a lake's directory
   * or a Parquet file or directory of the lake's columns. Only rows in {@code period} are kept.
   */
  public static Dataset<Row> read(SparkSession spark, String input, ColumnMapping mapping, Period period,
      RejectSink rejects, String staging) throws IOException {
    Dataset<Row> rows = input.toLowerCase(Locale.ROOT).endsWith(".csv")
        ? csv(spark, Path.of(input), mapping, rejects, staging)
        : parquet(spark, input, period);
    Column keep = lit(true);
    if (period.from().isPresent()) {
      keep = keep.and(col("date").geq(lit(period.from().get())));
    }
    if (period.to().isPresent()) {
      keep = keep.and(col("date").leq(lit(period.to().get())));
    }
    return rows.where(keep);
  }

  private static Dataset<Row> parquet(SparkSession spark, String input, Period period) throws IOException {
    String location = input;
    Path local = Path.of(input);
    if (Files.isDirectory(local.resolve("declarations"))) {
      location = local.resolve("declarations").toString();
    }
    if (Lake.isLake(local)) {
      return select(input, manifestParts(spark, Lake.open(local), location, period));
    }
    boolean lake = Files.isDirectory(Path.of(location)) && hasMonths(Path.of(location));
    Dataset<Row> raw = spark.read().option("basePath", location).parquet(location);
    if (lake && raw.columns().length > 0 && List.of(raw.columns()).contains("month")) {
      // whole months outside the period are not even opened
      if (period.from().isPresent()) {
        raw = raw.where(col("month").geq(lit(MONTH.format(period.from().get()))));
      }
      if (period.to().isPresent()) {
        raw = raw.where(col("month").leq(lit(MONTH.format(period.to().get()))));
      }
    }
    return select(input, raw);
  }

  /**
   * A lake's rows as its manifest lists them, as the single machine reads them: a part file that
   * an interrupted import left behind, before its manifest was written, is not in the lake.
   */
  private static Dataset<Row> manifestParts(SparkSession spark, Lake lake, String declarations, Period period) {
    List<Path> parts = lake.parts(period);
    if (parts.isEmpty()) {
      return spark.createDataFrame(List.of(), DeclarationRows.lakeSchema());
    }
    return spark.read().option("basePath", declarations)
        .parquet(parts.stream().map(Path::toString).toArray(String[]::new));
  }

  private static Dataset<Row> select(String input, Dataset<Row> raw) {
    List<String> have = List.of(raw.columns());
    List<Column> cols = new ArrayList<>();
    for (StructField f : DeclarationRows.lakeSchema().fields()) {
      if (have.contains(f.name())) {
        cols.add(col(f.name()).cast(f.dataType()).as(f.name()));
      } else if (f.nullable()) {
        cols.add(lit(null).cast(f.dataType()).as(f.name()));
      } else {
        throw new IllegalArgumentException(input + " has no column " + f.name()
            + " (a declaration lake's Parquet files have one column per riskgate field)");
      }
    }
    cols.add(monotonically_increasing_id().as(DeclarationRows.SEQ));
    return raw.select(cols.toArray(Column[]::new));
  }

  private static boolean hasMonths(Path dir) {
    try (var s = Files.list(dir)) {
      return s.anyMatch(p -> p.getFileName().toString().startsWith("month="));
    } catch (IOException e) {
      return false;
    }
  }

  private static Dataset<Row> csv(SparkSession spark, Path file, ColumnMapping mapping, RejectSink rejects,
      String staging) throws IOException {
    String out = (staging.endsWith("/") ? staging : staging + "/") + "declarations.parquet";
    long seq = 0;
    try (DeclarationReader reader = DeclarationReader.open(file, mapping, rejects)) {
      List<Row> chunk = new ArrayList<>(CHUNK);
      boolean first = true;
      while (reader.hasNext() || first) {
        while (reader.hasNext() && chunk.size() < CHUNK) {
          Declaration d = reader.next();
          chunk.add(DeclarationRows.toRow(d, seq++));
        }
        spark.createDataFrame(chunk, DeclarationRows.schema()).write()
            .mode(first ? SaveMode.Overwrite : SaveMode.Append).parquet(out);
        chunk.clear();
        first = false;
      }
    }
    return spark.read().schema(DeclarationRows.schema()).parquet(out);
  }
}
