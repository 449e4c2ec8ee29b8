package org.riskgate.lake;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes tables as Parquet. Rows are first written as CSV (streamed, in constant memory) and
 * DuckDB then turns that CSV into a typed Parquet file: a blank unquoted field becomes NULL, a
 * quoted empty one an empty string.
 */
public final class ParquetFiles {
  private ParquetFiles() {}

  /** Whether an output path asks for Parquet rather than CSV. */
  public static boolean isParquet(Path output) {
    return output.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".parquet");
  }

  /**
   * A CSV writer for rows to be turned into Parquet by {@link #fromCsv}: empty strings are quoted
   * so they stay apart from NULLs (written as null).
   */
  public static CsvWriter csvWriter(Path csv) throws IOException {
    return CsvWriter.builder().bufferSize(1 << 16).quoteStrategy(QuoteStrategies.EMPTY).build(csv);
  }

  /**
   * Converts a CSV with a header row to Parquet.
   *
   * @param columns the CSV's columns in order, with their SQL types (VARCHAR, DOUBLE, DATE, ...)
   */
  public static void fromCsv(Path csv, Path parquet, Map<String, String> columns) throws IOException {
    List<String> spec = new ArrayList<>();
    columns.forEach((name, type) -> spec.add(DuckDb.quote(name) + ": " + DuckDb.quote(type)));
    Path tmp = parquet.resolveSibling(parquet.getFileName() + ".tmp");
    try (Connection c = DuckDb.open("512MB"); Statement s = c.createStatement()) {
      s.execute("COPY (SELECT * FROM read_csv(" + DuckDb.quote(csv.toString())
          + ", header = true, auto_detect = false, allow_quoted_nulls = false, columns = {" + String.join(", ", spec)
          + "})) TO " + DuckDb.quote(tmp.toString()) + " (FORMAT parquet, COMPRESSION zstd)");
      Files.move(tmp, parquet, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (SQLException e) {
      throw new IOException("writing " + parquet + " failed: " + e.getMessage(), e);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** A type that survives the trip through CSV text as itself; lists, structs and maps go as text. */
  private static String storable(String type) {
    return type.matches("BOOLEAN|U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)|FLOAT|DOUBLE|DATE|TIMESTAMP|VARCHAR|DECIMAL\\(\\d+,\\d+\\)")
        ? type : "VARCHAR";
  }

  /** Writes a query's result as CSV, or as Parquet when the path ends in .parquet. */
  public static void write(LakeQuery.Result result, Path output) throws IOException {
    Path csv = isParquet(output) ? output.resolveSibling(output.getFileName() + ".csv.tmp") : output;
    try {
      try (CsvWriter w = isParquet(output) ? csvWriter(csv) : CsvWriter.builder().build(csv)) {
        w.writeRecord(result.columns());
        for (List<Object> row : result.rows()) {
          w.writeRecord(row.stream().map(v -> v == null ? null : v.toString()).toList());
        }
      }
      if (isParquet(output)) {
        Map<String, String> types = new LinkedHashMap<>();
        for (int i = 0; i < result.columns().size(); i++) {
          String name = result.columns().get(i);
          types.put(types.containsKey(name) ? name + "_" + (i + 1) : name, storable(result.types().get(i)));
        }
        fromCsv(csv, output, types);
      }
    } finally {
      if (isParquet(output)) {
        Files.deleteIfExists(csv);
      }
    }
  }
}
