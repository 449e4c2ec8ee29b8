package org.riskgate.server.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.riskgate.lake.Lake;
import org.riskgate.lake.LakeQuery;
import org.riskgate.server.Json;
import org.riskgate.server.Refusals;
import org.riskgate.server.store.AuditLog;
import org.riskgate.server.store.Database;

/**
 * SQL over the lake for the web page and the API alike: the limits checked, the query run by
 * {@link LakeQuery} (the engine of {@code riskgate sql}, whose sandbox is what keeps a query from
 * writing, attaching or reading outside the lake), and one audit line per query, answered or not.
 */
public final class DataLab {
  /** Audit kind of a query. */
  public static final String AUDIT_KIND = "sql_query";
  /** Audit subject of every query, so {@code GET /api/v1/audit?subject=sql} lists them. */
  public static final String AUDIT_SUBJECT = "sql";
  /** The longest query text accepted; the audit line holds it whole. */
  public static final int MAX_SQL_CHARS = 20_000;

  /**
   * How much one query may return and how long it may run.
   *
   * @param rows the most rows returned, 1..{@value #MAX_ROWS}
   * @param seconds the time limit, 1..{@value #MAX_SECONDS}
   */
  public record Limits(int rows, int seconds) {
    public static final int DEFAULT_ROWS = 1_000;
    public static final int MAX_ROWS = 10_000;
    public static final int DEFAULT_SECONDS = 10;
    public static final int MAX_SECONDS = 60;

    public Limits {
      if (rows < 1 || rows > MAX_ROWS) {
        throw Refusals.refused("refused.rowLimit", MAX_ROWS, rows);
      }
      if (seconds < 1 || seconds > MAX_SECONDS) {
        throw Refusals.refused("refused.timeLimit", MAX_SECONDS, seconds);
      }
    }

    public static Limits defaults() {
      return new Limits(DEFAULT_ROWS, DEFAULT_SECONDS);
    }
  }

  /** The server was started without a lake. */
  public static final class NoLake extends IllegalStateException implements org.riskgate.server.Worded {
    private static final org.riskgate.core.evidence.Phrase WORDS = Refusals.phrase("refused.noLake");

    NoLake() {
      super(WORDS.english());
    }

    @Override
    public java.util.Optional<org.riskgate.core.evidence.Phrase> words() {
      return java.util.Optional.of(WORDS);
    }
  }

  private final Optional<Path> lake;
  private final Database db;
  private final SavedQueries saved;

  public DataLab(Optional<Path> lake, Database db) {
    this.lake = lake;
    this.db = db;
    this.saved = new SavedQueries(db, MAX_SQL_CHARS);
  }

  /** Whether a lake is configured. */
  public boolean configured() {
    return lake.isPresent();
  }

  public SavedQueries saved() {
    return saved;
  }

  /**
   * Runs one query for a user and audits it, answered or refused.
   *
   * @throws LakeQuery.Refused for anything but one SELECT over the lake, or a query past its time
   * @throws IllegalArgumentException for an empty or overlong text
   * @throws NoLake when the server has no lake
   */
  public LakeQuery.Result run(String user, String sql, Limits limits) throws IOException {
    Path dir = lake.orElseThrow(NoLake::new);
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("sha256", sha256(sql));
    detail.put("sql", sql.length() > MAX_SQL_CHARS ? sql.substring(0, MAX_SQL_CHARS) : sql);
    detail.put("rowLimit", limits.rows());
    detail.put("seconds", limits.seconds());
    LakeQuery.Result r;
    try {
      if (sql.isBlank()) {
        throw Refusals.refused("refused.noQuery");
      }
      if (sql.length() > MAX_SQL_CHARS) {
        throw Refusals.refused("refused.queryLength", MAX_SQL_CHARS);
      }
      // opened per query: imports committed while the server runs are seen at once
      r = new LakeQuery(Lake.open(dir)).run(sql, limits.rows(), Duration.ofSeconds(limits.seconds()));
    } catch (IllegalArgumentException e) {
      detail.put("outcome", "refused");
      detail.put("reason", String.valueOf(e.getMessage()));
      audit(user, detail);
      throw e;
    }
    detail.put("outcome", "answered");
    detail.put("rows", r.rows().size());
    detail.put("truncated", r.truncated());
    detail.put("millis", r.millis());
    audit(user, detail);
    return r;
  }

  private void audit(String user, Map<String, Object> detail) {
    db.inTransaction(c -> {
      AuditLog.append(c, user, AUDIT_KIND, AUDIT_SUBJECT, Json.write(detail));
      return null;
    });
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
