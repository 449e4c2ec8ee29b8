package org.riskgate.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends to and reads the audit log. There is deliberately no update or delete here, and the
 * store refuses them anyway (see the V2 migrations).
 */
public final class AuditLog {
  private static final String INSERT =
      "INSERT INTO audit_log (logged_at, actor, kind, subject, detail) VALUES (?, ?, ?, ?, ?)";

  private AuditLog() {}

  /** A line to append. */
  public record Line(String actor, String kind, String subject, String detail) {}

  /** Appends one line on the caller's connection, inside the caller's transaction. */
  public static void append(Connection c, String actor, String kind, String subject, String detail)
      throws SQLException {
    appendAll(c, List.of(new Line(actor, kind, subject, detail)));
  }

  /** Appends lines in one batch, inside the caller's transaction. */
  public static void appendAll(Connection c, List<Line> lines) throws SQLException {
    Timestamp now = Timestamp.from(Instant.now());
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      for (Line l : lines) {
        ps.setTimestamp(1, now);
        ps.setString(2, l.actor());
        ps.setString(3, l.kind());
        ps.setString(4, l.subject());
        ps.setString(5, l.detail());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** The latest entries, newest first, optionally only those about one subject. */
  public static List<AuditEntry> latest(Database db, String subjectOrEmpty, int limit) {
    return db.read(c -> {
      String sql = "SELECT seq, logged_at, actor, kind, subject, detail FROM audit_log"
          + (subjectOrEmpty.isEmpty() ? "" : " WHERE subject = ?") + " ORDER BY seq DESC LIMIT ?";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        int i = 1;
        if (!subjectOrEmpty.isEmpty()) {
          ps.setString(i++, subjectOrEmpty);
        }
        ps.setInt(i, limit);
        List<AuditEntry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6)));
          }
        }
        return out;
      }
    });
  }

  /** How many entries the log holds. */
  public static long count(Database db) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM audit_log");
           ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }
}
