package org.riskgate.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.riskgate.core.ColumnMapping;
import org.riskgate.core.Declaration;
import org.riskgate.core.DeclarationParser;
import org.riskgate.core.DeclarationStream;
import org.riskgate.core.Field;
import org.riskgate.core.RejectSink;

/**
 * Declarations from Parquet files, one file after the other, streamed through DuckDB. Every value
 * is handed to {@link DeclarationParser} as text, exactly as a CSV's would be, so a row that
 * breaks a declaration's rules (a 4-digit HS code, a blank id, a negative mass) is rejected with
 * its file, row number (1-based) and column, whatever its Parquet type.
 */
final class ParquetStream implements DeclarationStream {
  private final List<Path> files;
  private final ColumnMapping mapping;
  private final RejectSink rejects;
  private final Connection c;
  private int nextFile;
  private Statement statement;
  private ResultSet rows;
  private DeclarationParser parser;
  private Map<Field, Integer> columnOf;
  private String[] values;
  private Declaration next;

  ParquetStream(List<Path> files, ColumnMapping mapping, RejectSink rejects) throws IOException {
    this.files = List.copyOf(files);
    this.mapping = mapping;
    this.rejects = rejects;
    try {
      this.c = DuckDb.open("512MB");
    } catch (SQLException e) {
      throw new IOException("cannot start DuckDB to read Parquet: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean hasNext() {
    try {
      while (next == null) {
        if (rows == null || !rows.next()) {
          if (!openNextFile()) {
            return false;
          }
          continue;
        }
        long row = rows.getLong(1) + 1;
        for (int i = 0; i < values.length; i++) {
          values[i] = rows.getString(i + 2);
        }
        next = parser.parse(f -> values[columnOf.get(f)], row, rejects).orElse(null);
      }
      return true;
    } catch (SQLException e) {
      throw new UncheckedIOException(new IOException("reading Parquet failed: " + e.getMessage(), e));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean openNextFile() throws SQLException, IOException {
    closeFile();
    if (nextFile == files.size()) {
      return false;
    }
    Path file = files.get(nextFile++);
    String source = "read_parquet(" + DuckDb.quote(file.toString()) + ", file_row_number = true)";
    List<String> names = new ArrayList<>();
    Map<String, String> types = new java.util.HashMap<>();
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("DESCRIBE SELECT * FROM " + source)) {
      while (r.next()) {
        names.add(r.getString(1));
        types.put(r.getString(1), r.getString(2));
      }
    } catch (SQLException e) {
      throw new IOException(file + ": not a readable Parquet file: " + firstLine(e), e);
    }
    Map<Field, Integer> index = mapping.resolve(names, file.toString());
    Map<Field, String> columns = new EnumMap<>(Field.class);
    List<String> select = new ArrayList<>(List.of("file_row_number"));
    columnOf = new EnumMap<>(Field.class);
    for (Map.Entry<Field, Integer> e : index.entrySet()) {
      String name = names.get(e.getValue());
      columns.put(e.getKey(), name);
      columnOf.put(e.getKey(), select.size() - 1);
      select.add(asText(name, types.get(name)));
    }
    values = new String[select.size() - 1];
    parser = new DeclarationParser(file.toString(), columns);
    statement = c.createStatement();
    rows = statement.executeQuery("SELECT " + String.join(", ", select) + " FROM " + source);
    return true;
  }

  /**
   * A column as the text the parser reads: booleans as 1/0 (the CSV's spelling of an outcome),
   * everything else as DuckDB writes it (dates as YYYY-MM-DD, doubles exactly).
   */
  private static String asText(String column, String type) {
    String q = "\"" + column.replace("\"", "\"\"") + "\"";
    return "BOOLEAN".equals(type)
        ? "CASE WHEN " + q + " THEN '1' WHEN NOT " + q + " THEN '0' END"
        : "CAST(" + q + " AS VARCHAR)";
  }

  private static String firstLine(SQLException e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
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

  private void closeFile() throws SQLException {
    if (rows != null) {
      rows.close();
      statement.close();
      rows = null;
      statement = null;
    }
  }

  @Override
  public void close() {
    try {
      closeFile();
      c.close();
    } catch (SQLException e) {
      throw new UncheckedIOException(new IOException("closing DuckDB: " + e.getMessage(), e));
    }
  }
}
