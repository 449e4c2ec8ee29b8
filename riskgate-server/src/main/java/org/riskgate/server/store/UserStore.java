package org.riskgate.server.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Users and API tokens (kept as SHA-256 hashes). Every change of a user is audited. */
public final class UserStore {
  private final Database db;

  public UserStore(Database db) {
    this.db = db;
  }

  public long count() {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM users");
           ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  public Optional<UserRecord> find(String username) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT username, password_hash, role, must_change FROM users WHERE username = ?")) {
        ps.setString(1, username);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next()
              ? Optional.of(new UserRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
              : Optional.empty();
        }
      }
    });
  }

  public List<UserRecord> all() {
    return db.read(c -> {
      List<UserRecord> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT username, '', role, must_change FROM users ORDER BY username");
           ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new UserRecord(rs.getString(1), "", rs.getString(3), rs.getBoolean(4)));
        }
      }
      return out;
    });
  }

  /** Creates a user; throws a duplicate-key {@link StoreException} when the name is taken. */
  public void create(UserRecord u, String actor) {
    db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (username, password_hash, role,"
          + " must_change, created_at) VALUES (?, ?, ?, ?, ?)")) {
        ps.setString(1, u.username());
        ps.setString(2, u.passwordHash());
        ps.setString(3, u.role());
        ps.setBoolean(4, u.mustChange());
        ps.setTimestamp(5, Timestamp.from(Instant.now()));
        ps.executeUpdate();
      }
      AuditLog.append(c, actor, "user", u.username(), "{\"created\":true,\"role\":\"" + u.role() + "\"}");
      return null;
    });
  }

  /** Replaces a password hash and clears the one-time flag. */
  public void setPassword(String username, String hash, String actor) {
    db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE users SET password_hash = ?, must_change = FALSE WHERE username = ?")) {
        ps.setString(1, hash);
        ps.setString(2, username);
        ps.executeUpdate();
      }
      AuditLog.append(c, actor, "user", username, "{\"passwordChanged\":true}");
      return null;
    });
  }

  /** Stores a token's hash for a user. */
  public void addToken(String sha256, String username, String label) {
    db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_tokens (token_sha256, username,"
          + " token_label, created_at) VALUES (?, ?, ?, ?)")) {
        ps.setString(1, sha256);
        ps.setString(2, username);
        ps.setString(3, label);
        ps.setTimestamp(4, Timestamp.from(Instant.now()));
        ps.executeUpdate();
      }
      AuditLog.append(c, username, "user", username, "{\"tokenIssued\":true}");
      return null;
    });
  }

  /** The user a token hash belongs to. */
  public Optional<UserRecord> byToken(String sha256) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT u.username, u.password_hash, u.role,"
          + " u.must_change FROM api_tokens t JOIN users u ON u.username = t.username WHERE t.token_sha256 = ?")) {
        ps.setString(1, sha256);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next()
              ? Optional.of(new UserRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
              : Optional.empty();
        }
      }
    });
  }
}
