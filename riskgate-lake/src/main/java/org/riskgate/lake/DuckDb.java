package org.riskgate.lake;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** Opens in-memory DuckDB connections that never download anything. */
final class DuckDb {
  private DuckDb() {}

  /**
   * An in-memory database. Extensions are neither installed nor loaded on demand: Parquet and
   * JSON are built into the driver, and a machine without internet must behave as one with it.
   *
   * @param memoryLimit DuckDB's own memory ceiling (beyond the JVM heap), e.g. "1GB"
   */
  static Connection open(String memoryLimit) throws SQLException {
    Properties p = new Properties();
    p.setProperty("autoinstall_known_extensions", "false");
    p.setProperty("autoload_known_extensions", "false");
    // results are pulled as they are read, not materialised: a lake is larger than memory
    p.setProperty("jdbc_stream_results", "true");
    Connection c = DriverManager.getConnection("jdbc:duckdb:", p);
    try (Statement s = c.createStatement()) {
      s.execute("SET memory_limit = '" + memoryLimit + "'");
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  /** A SQL string literal. */
  static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  /** A list literal of paths, for read_parquet([...]). */
  static String pathList(java.util.List<java.nio.file.Path> paths) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < paths.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(quote(paths.get(i).toString()));
    }
    return b.append(']').toString();
  }
}
