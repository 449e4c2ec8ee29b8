package org.riskgate.server.lab;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.riskgate.server.Refusals;
import org.riskgate.server.store.AuditLog;
import org.riskgate.server.store.Database;

/** Each user's saved queries: only their owner lists, opens or deletes them. Saving and deleting are audited. */
public final class SavedQueries {
  /** The longest name of a saved query. */
  public static final int MAX_NAME_CHARS = 100;

  /** A saved query. */
  public record Saved(long id, String username, String name, String sql, Instant savedAt) {}

  private final Database db;
  private final int maxSqlChars;

  SavedQueries(Database db, int maxSqlChars) {
    this.db = db;
    this.maxSqlChars = maxSqlChars;
  }

  /** Saves a query under a name, replacing the user's query of that name; returns its id. */
  public long save(String username, String name, String sql) {
    String n = name.strip();
    if (n.isEmpty() || n.length() > MAX_NAME_CHARS) {
      throw Refusals.refused("refused.queryName", MAX_NAME_CHARS);
    }
    if (sql.isBlank() || sql.length() > maxSqlChars) {
      throw Refusals.refused("refused.queryText", maxSqlChars);
    }
    return db.inTransaction(c -> {
      Timestamp now = Timestamp.from(Instant.now());
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE saved_queries SET query_text = ?, saved_at = ? WHERE username = ? AND name = ?")) {
        ps.setString(1, sql);
        ps.setTimestamp(2, now);
        ps.setString(3, username);
        ps.setString(4, n);
        if (ps.executeUpdate() == 0) {
          try (PreparedStatement in = c.prepareStatement(
              "INSERT INTO saved_queries (username, name, query_text, saved_at) VALUES (?, ?, ?, ?)")) {
            in.setString(1, username);
            in.setString(2, n);
            in.setString(3, sql);
            in.setTimestamp(4, now);
            in.executeUpdate();
          }
        }
      }
      long id;
      try (PreparedStatement ps = c.prepareStatement("SELECT id FROM saved_queries WHERE username = ? AND name = ?")) {
        ps.setString(1, username);
        ps.setString(2, n);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          id = rs.getLong(1);
        }
      }
      AuditLog.append(c, username, "sql_saved", DataLab.AUDIT_SUBJECT,
          org.riskgate.server.Json.write(java.util.Map.of("id", id, "name", n, "sha256", DataLab.sha256(sql))));
      return id;
    });
  }

  /** The user's saved queries by name. */
  public List<Saved> of(String username) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT id, username, name, query_text, saved_at"
          + " FROM saved_queries WHERE username = ? ORDER BY name")) {
        ps.setString(1, username);
        List<Saved> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(read(rs));
          }
        }
        return out;
      }
    });
  }

  /** One of the user's saved queries; another user's is not found. */
  public Optional<Saved> find(String username, long id) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT id, username, name, query_text, saved_at"
          + " FROM saved_queries WHERE username = ? AND id = ?")) {
        ps.setString(1, username);
        ps.setLong(2, id);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(read(rs)) : Optional.empty();
        }
      }
    });
  }

  /** Deletes one of the user's saved queries; returns whether there was one. */
  public boolean delete(String username, long id) {
    return db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM saved_queries WHERE username = ? AND id = ?")) {
        ps.setString(1, username);
        ps.setLong(2, id);
        if (ps.executeUpdate() == 0) {
          return false;
        }
      }
      AuditLog.append(c, username, "sql_deleted", DataLab.AUDIT_SUBJECT,
          org.riskgate.server.Json.write(java.util.Map.of("id", id)));
      return true;
    });
  }

  private static Saved read(ResultSet rs) throws java.sql.SQLException {
    return new Saved(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant());
  }
}
