package org.riskgate.lake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Analysts' read-only SQL over a lake: one SELECT (or WITH ... SELECT) on the view
 * {@code declarations}, with a row limit and a time limit. Used by {@code riskgate sql} and the
 * web UI's SQL page alike.
 *
 * <p>The query runs in a fresh in-memory DuckDB whose only view is {@code declarations} over the
 * lake's committed parts. Before the analyst's text is seen, the database is sealed by DuckDB's own
 * sandbox: file access is limited to those part files, by their exact paths (so no COPY TO, ATTACH,
 * INSTALL, or read_csv of another file can succeed, and a COPY cannot even replace a part, since it
 * would write a temporary file beside it first), and the configuration is locked (so no SET can undo
 * that). On top, the text must parse, with DuckDB's parser, as exactly one SELECT.
 */
public final class LakeQuery {
  /**
   * Why a query was not run, or was stopped: words for the analyst, a code of
   * {@code org/riskgate/lake/refusals*.properties} so that a page says them in the analyst's
   * language (in English, DuckDB's own reason as DuckDB wrote it).
   */
  public static final class Refused extends org.riskgate.core.evidence.RefusedException {
    private static final long serialVersionUID = 1L;

    Refused(String code, String... args) {
      super(org.riskgate.core.evidence.Phrase.of("org.riskgate.lake.refusals", code, (Object[]) args));
    }
  }

  /**
   * A query's answer.
   *
   * @param columns column names
   * @param types their DuckDB types (VARCHAR, BIGINT, DOUBLE, DATE ...)
   * @param rows at most the row limit; each value a String, Long, Integer, Double, Boolean,
   *     BigDecimal, LocalDate or LocalDateTime, or null
   * @param truncated whether the query had more rows than the limit
   * @param millis time taken
   */
  public record Result(List<String> columns, List<String> types, List<List<Object>> rows, boolean truncated,
      long millis) {
    public Result {
      columns = List.copyOf(columns);
      types = List.copyOf(types);
      rows = List.copyOf(rows);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LEADING_COMMENTS = Pattern.compile("\\A(\\s+|--[^\\n]*(\\n|\\z)|/\\*.*?\\*/)*", Pattern.DOTALL);
  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "lake-query-timer");
    t.setDaemon(true);
    return t;
  });

  private final Lake lake;

  public LakeQuery(Lake lake) {
    this.lake = lake;
  }

  /**
   * Runs one SELECT over the lake.
   *
   * @param rowLimit the most rows returned (more are counted as {@link Result#truncated()})
   * @param timeout the longest the query may run, reading its rows included
   * @throws Refused for anything but a single SELECT, a query DuckDB rejects, or one past its time
   */
  public Result run(String sql, int rowLimit, Duration timeout) throws IOException {
    if (rowLimit < 1) {
      throw new IllegalArgumentException("the row limit must be at least 1");
    }
    long t0 = System.nanoTime();
    try (Connection c = sealed()) {
      checkSingleSelect(c, sql);
      AtomicBoolean timedOut = new AtomicBoolean();
      try (Statement s = c.createStatement()) {
        ScheduledFuture<?> stop = TIMER.schedule(() -> {
          timedOut.set(true);
          try {
            s.cancel();
          } catch (SQLException ignored) {
            // the query ended on its own meanwhile
          }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try (ResultSet r = s.executeQuery(sql)) {
          ResultSetMetaData md = r.getMetaData();
          List<String> columns = new ArrayList<>();
          List<String> types = new ArrayList<>();
          for (int i = 1; i <= md.getColumnCount(); i++) {
            columns.add(md.getColumnLabel(i));
            types.add(md.getColumnTypeName(i));
          }
          List<List<Object>> rows = new ArrayList<>();
          boolean truncated = false;
          while (r.next()) {
            if (rows.size() == rowLimit) {
              truncated = true;
              break;
            }
            Object[] row = new Object[columns.size()];
            for (int i = 0; i < row.length; i++) {
              row[i] = value(r.getObject(i + 1));
            }
            rows.add(Arrays.asList(row));
          }
          return new Result(columns, types, rows, truncated, (System.nanoTime() - t0) / 1_000_000);
        } catch (SQLException e) {
          if (timedOut.get()) {
            throw new Refused("timeLimit", String.valueOf(timeout.toSeconds()));
          }
          throw refusal(firstLine(e));
        } finally {
          stop.cancel(false);
        }
      }
    } catch (SQLException e) {
      throw new IOException("cannot open the lake for SQL: " + firstLine(e), e);
    }
  }

  /** An in-memory DuckDB that sees the lake's declarations and nothing else, configuration locked. */
  Connection sealed() throws SQLException, IOException {
    Connection c = DuckDb.open("1GB");
    try (Statement s = c.createStatement()) {
      List<Path> parts = lake.parts(org.riskgate.core.Period.ALL);
      s.execute("CREATE VIEW declarations AS " + (parts.isEmpty() ? LakeSchema.emptyRelation()
          : "SELECT * FROM read_parquet(" + DuckDb.pathList(parts)
              + ", hive_partitioning = true, hive_types = {'" + LakeSchema.MONTH + "': VARCHAR})"));
      // no spilling: a temp directory would be one more place the query could touch
      s.execute("SET temp_directory = ''");
      // the committed parts, each by its exact path: not their directory, where a COPY could add a file
      if (!parts.isEmpty()) {
        s.execute("SET allowed_paths = " + DuckDb.pathList(parts));
      }
      s.execute("SET enable_external_access = false");
      s.execute("SET lock_configuration = true");
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  /** Refuses anything DuckDB's parser does not read as exactly one SELECT statement. */
  private static void checkSingleSelect(Connection c, String sql) throws SQLException {
    String head = LEADING_COMMENTS.matcher(sql).replaceFirst("").toLowerCase(Locale.ROOT);
    if (!(head.startsWith("select") || head.startsWith("with") || head.startsWith("from") || head.startsWith("("))) {
      throw new Refused("onlySelect");
    }
    JsonNode parsed;
    try (PreparedStatement p = c.prepareStatement("SELECT json_serialize_sql(?)")) {
      p.setString(1, sql);
      try (ResultSet r = p.executeQuery()) {
        r.next();
        parsed = JSON.readTree(r.getString(1));
      }
    } catch (IOException e) {
      throw new SQLException("unreadable parse of the query", e);
    }
    if (parsed.path("error").asBoolean(true)) {
      String why = parsed.path("error_message").asText("not a SELECT");
      throw why.startsWith("Only SELECT") ? new Refused("onlySelect") : refusal(why);
    }
    if (parsed.path("statements").size() != 1) {
      throw new Refused("oneStatement", String.valueOf(parsed.path("statements").size()));
    }
  }

  /**
   * DuckDB's kinds of refusal that an analyst meets most, by the start of its message: each a code
   * whose words name the problem in the analyst's language, with the name DuckDB quotes (group 1,
   * where there is one); the English stays DuckDB's own line.
   */
  private static final List<Map.Entry<Pattern, String>> DUCKDB_REFUSALS = List.of(
      Map.entry(Pattern.compile("(?:Parser Error: )?syntax error at end of input.*"), "database.syntaxEnd"),
      Map.entry(Pattern.compile("(?:Parser Error: )?syntax error at or near \"(.*)\".*"), "database.syntax"),
      Map.entry(Pattern.compile("Binder Error: (?:Referenced column|Column) \"([^\"]*)\" (?:not found|does not exist).*"),
          "database.noColumn"),
      Map.entry(Pattern.compile("Catalog Error: Table with name (\\S+) does not exist.*"), "database.noTable"),
      Map.entry(Pattern.compile("Catalog Error: \\w+ Function with name (\\S+) does not exist.*"), "database.noFunction"),
      Map.entry(Pattern.compile("Binder Error: column \"([^\"]*)\" must appear in the GROUP BY clause.*"),
          "database.groupBy"),
      Map.entry(Pattern.compile("Permission Error: .*"), "database.access"),
      Map.entry(Pattern.compile("(?:Binder Error: Could not choose a best candidate function|Conversion Error).*"),
          "database.types"),
      // DuckDB's JDBC driver says no more than this when the query fails while its rows are read (a value
      // that does not convert, most often)
      Map.entry(Pattern.compile("Invalid Input Error: Invalid result set.*"), "database.reading"),
      Map.entry(Pattern.compile("Out of Memory Error: .*"), "database.memory"));

  /** DuckDB's refusal of the query, as the kind of problem it is ({@code database} when no kind matches). */
  static Refused refusal(String duckdb) {
    for (Map.Entry<Pattern, String> kind : DUCKDB_REFUSALS) {
      Matcher m = kind.getKey().matcher(duckdb);
      if (m.matches()) {
        return new Refused(kind.getValue(), m.groupCount() > 0 ? m.group(1) : "", duckdb);
      }
    }
    return new Refused("database", "", duckdb);
  }

  private static Object value(Object v) {
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (v instanceof java.sql.Timestamp t) {
      return t.toLocalDateTime();
    }
    if (v instanceof String || v instanceof Number || v instanceof Boolean || v == null
        || v instanceof java.time.temporal.Temporal) {
      return v;
    }
    return v.toString();
  }

  private static String firstLine(SQLException e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
