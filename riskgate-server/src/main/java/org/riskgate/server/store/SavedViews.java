package org.riskgate.server.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.riskgate.server.Json;
import org.riskgate.server.Refusals;

/**
 * Each user's saved views of the queue: a name for a set of filters, kept as the query string
 * the queue page reads. Only their owner lists or deletes them; saving and deleting are audited.
 */
public final class SavedViews {
  /** The longest name of a view. */
  public static final int MAX_NAME = 100;
  /** The longest query a view keeps. */
  public static final int MAX_QUERY = 2000;

  /** A saved view; {@code query} is the queue's query string, already encoded. */
  public record View(long id, String name, String query) {}

  private final Database db;

  public SavedViews(Database db) {
    this.db = db;
  }

  /** Saves the user's view of a name, replacing one of the same name. */
  public void save(String username, String name, String query) {
    String n = name.strip();
    if (n.isEmpty() || n.length() > MAX_NAME) {
      throw Refusals.refused("refused.viewName", MAX_NAME);
    }
    if (query.length() > MAX_QUERY) {
      throw Refusals.refused("refused.viewQuery", MAX_QUERY);
    }
    db.inTransaction(c -> {
      Timestamp now = Timestamp.from(Instant.now());
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE saved_views SET query_text = ?, saved_at = ? WHERE username = ? AND name = ?")) {
        ps.setString(1, query);
        ps.setTimestamp(2, now);
        ps.setString(3, username);
        ps.setString(4, n);
        if (ps.executeUpdate() == 0) {
          try (PreparedStatement in = c.prepareStatement(
              "INSERT INTO saved_views (username, name, query_text, saved_at) VALUES (?, ?, ?, ?)")) {
            in.setString(1, username);
            in.setString(2, n);
            in.setString(3, query);
            in.setTimestamp(4, now);
            in.executeUpdate();
          }
        }
      }
      AuditLog.append(c, username, "view_saved", username, Json.write(Map.of("name", n, "query", query)));
      return null;
    });
  }

  /** The user's views by name. */
  public List<View> of(String username) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id, name, query_text FROM saved_views WHERE username = ? ORDER BY name")) {
        ps.setString(1, username);
        List<View> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new View(rs.getLong(1), rs.getString(2), rs.getString(3)));
          }
        }
        return out;
      }
    });
  }

  /** Deletes one of the user's views; another user's is not found. */
  public boolean delete(String username, long id) {
    return db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM saved_views WHERE username = ? AND id = ?")) {
        ps.setString(1, username);
        ps.setLong(2, id);
        if (ps.executeUpdate() == 0) {
          return false;
        }
      }
      AuditLog.append(c, username, "view_deleted", username, Json.write(Map.of("id", id)));
      return true;
    });
  }
}
