package org.riskgate.server.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Named settings (capacity, objective, rules). A change and its audit line, with the old and new value,
 * commit together.
 */
public final class Settings {
  /** The lane capacity, as JSON. */
  public static final String CAPACITY = "capacity";
  /** The analysts' rule text. */
  public static final String RULES = "rules";
  /** What the capacity is spent on: {@code frauds} or {@code revenue}. */
  public static final String OBJECTIVE = "objective";

  private final Database db;

  public Settings(Database db) {
    this.db = db;
  }

  public Optional<String> get(String name) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT setting_value FROM settings WHERE name = ?")) {
        ps.setString(1, name);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
      }
    });
  }

  /** Sets a value and appends the change to the audit log. */
  public void set(String name, String value, String actor, String auditDetail) {
    db.inTransaction(c -> {
      int n;
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE settings SET setting_value = ?, changed_by = ?, changed_at = ? WHERE name = ?")) {
        ps.setString(1, value);
        ps.setString(2, actor);
        ps.setTimestamp(3, Timestamp.from(Instant.now()));
        ps.setString(4, name);
        n = ps.executeUpdate();
      }
      if (n == 0) {
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO settings (setting_value, changed_by, changed_at, name) VALUES (?, ?, ?, ?)")) {
          ps.setString(1, value);
          ps.setString(2, actor);
          ps.setTimestamp(3, Timestamp.from(Instant.now()));
          ps.setString(4, name);
          ps.executeUpdate();
        }
      }
      AuditLog.append(c, actor, name, name, auditDetail);
      return null;
    });
  }
}
