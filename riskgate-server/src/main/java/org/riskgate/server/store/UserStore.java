package org.riskgate.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.riskgate.server.Json;

/** Users and API tokens (kept as SHA-256 hashes). Every change of a user or token is audited. */
public final class UserStore {
  private static final String USER_COLUMNS = "username, password_hash, role, must_change, disabled";
  private static final String TOKEN_COLUMNS = "token_sha256, username, token_label, created_at, expires_at, revoked_at";
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
      try (PreparedStatement ps = c.prepareStatement("SELECT " + USER_COLUMNS + " FROM users WHERE username = ?")) {
        ps.setString(1, username);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(user(rs, true)) : Optional.empty();
        }
      }
    });
  }

  /** Every user, without password hashes. */
  public List<UserRecord> all() {
    return db.read(c -> {
      List<UserRecord> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT " + USER_COLUMNS + " FROM users ORDER BY username");
           ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(user(rs, false));
        }
      }
      return out;
    });
  }

  private static UserRecord user(ResultSet rs, boolean withHash) throws SQLException {
    return new UserRecord(rs.getString(1), withHash ? rs.getString(2) : "", rs.getString(3), rs.getBoolean(4),
        rs.getBoolean(5));
  }

  /** The user's chosen UI language tag; empty when the user has chosen none. */
  public Optional<String> locale(String username) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT locale FROM users WHERE username = ?")) {
        ps.setString(1, username);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
        }
      }
    });
  }

  /** Sets the user's UI language: a preference, not a change of rights, so it is not audited. */
  public void setLocale(String username, String languageTag) {
    db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE users SET locale = ? WHERE username = ?")) {
        ps.setString(1, languageTag);
        ps.setString(2, username);
        ps.executeUpdate();
      }
      return null;
    });
  }

  /** Creates a user; throws a duplicate-key {@link StoreException} when the name is taken. */
  public void create(UserRecord u, String actor) {
    db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (username, password_hash, role,"
          + " must_change, disabled, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
        ps.setString(1, u.username());
        ps.setString(2, u.passwordHash());
        ps.setString(3, u.role());
        ps.setBoolean(4, u.mustChange());
        ps.setBoolean(5, u.disabled());
        ps.setTimestamp(6, Timestamp.from(Instant.now()));
        ps.executeUpdate();
      }
      AuditLog.append(c, actor, "user", u.username(), Json.write(Map.of("created", true, "role", u.role())));
      return null;
    });
  }

  /** Replaces a password hash, clears the one-time flag and revokes every token of the user. */
  public void setPassword(String username, String hash, String actor) {
    db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE users SET password_hash = ?, must_change = FALSE WHERE username = ?")) {
        ps.setString(1, hash);
        ps.setString(2, username);
        ps.executeUpdate();
      }
      int revoked = revokeAll(c, username);
      AuditLog.append(c, actor, "user", username, Json.write(Map.of("passwordChanged", true, "tokensRevoked", revoked)));
      return null;
    });
  }

  /**
   * Sets an admin's one-time password for a user: it must be changed at the next login, and
   * every token of the user is revoked.
   *
   * @return false when there is no such user
   */
  public boolean resetPassword(String username, String hash, String actor) {
    return db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE users SET password_hash = ?, must_change = TRUE WHERE username = ?")) {
        ps.setString(1, hash);
        ps.setString(2, username);
        if (ps.executeUpdate() == 0) {
          return false;
        }
      }
      int revoked = revokeAll(c, username);
      AuditLog.append(c, actor, "user", username, Json.write(Map.of("passwordReset", true, "tokensRevoked", revoked)));
      return true;
    });
  }

  /**
   * Disables or enables a user; disabling also revokes every token of theirs.
   *
   * @return false when there is no such user
   */
  public boolean setDisabled(String username, boolean disabled, String actor) {
    return db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE users SET disabled = ? WHERE username = ?")) {
        ps.setBoolean(1, disabled);
        ps.setString(2, username);
        if (ps.executeUpdate() == 0) {
          return false;
        }
      }
      int revoked = disabled ? revokeAll(c, username) : 0;
      AuditLog.append(c, actor, "user", username, Json.write(Map.of("disabled", disabled, "tokensRevoked", revoked)));
      return true;
    });
  }

  private static int revokeAll(Connection c, String username) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE api_tokens SET revoked_at = ? WHERE username = ? AND revoked_at IS NULL")) {
      ps.setTimestamp(1, Timestamp.from(Instant.now()));
      ps.setString(2, username);
      return ps.executeUpdate();
    }
  }

  /** Stores a token's hash for a user, valid until {@code expiresAt}. */
  public void addToken(String sha256, String username, String label, Instant expiresAt) {
    db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_tokens (token_sha256, username,"
          + " token_label, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
        ps.setString(1, sha256);
        ps.setString(2, username);
        ps.setString(3, label);
        ps.setTimestamp(4, Timestamp.from(Instant.now()));
        ps.setTimestamp(5, Timestamp.from(expiresAt));
        ps.executeUpdate();
      }
      AuditLog.append(c, username, "user", username, Json.write(Map.of("tokenIssued", sha256.substring(0, 16),
          "expiresAt", expiresAt.toString())));
      return null;
    });
  }

  /** The user a live (unrevoked, unexpired) token hash belongs to. */
  public Optional<UserRecord> byToken(String sha256, Instant now) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT u.username, u.password_hash, u.role,"
          + " u.must_change, u.disabled FROM api_tokens t JOIN users u ON u.username = t.username"
          + " WHERE t.token_sha256 = ? AND t.revoked_at IS NULL AND t.expires_at > ?")) {
        ps.setString(1, sha256);
        ps.setTimestamp(2, Timestamp.from(now));
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(user(rs, true)) : Optional.empty();
        }
      }
    });
  }

  /** Tokens, newest first: one user's, or everyone's when {@code username} is empty. */
  public List<TokenRecord> tokens(Optional<String> username) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + TOKEN_COLUMNS + " FROM api_tokens"
          + (username.isPresent() ? " WHERE username = ?" : "") + " ORDER BY created_at DESC, token_sha256")) {
        if (username.isPresent()) {
          ps.setString(1, username.get());
        }
        List<TokenRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Timestamp revoked = rs.getTimestamp(6);
            out.add(new TokenRecord(rs.getString(1).substring(0, 16), rs.getString(2), rs.getString(3),
                rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(),
                Optional.ofNullable(revoked).map(Timestamp::toInstant)));
          }
        }
        return out;
      }
    });
  }

  /**
   * Revokes a token by its listed id.
   *
   * @return the user whose token it was; empty when no live token has that id
   */
  public Optional<String> revoke(String id, String actor) {
    if (!id.matches("[0-9a-f]{16}")) {
      return Optional.empty();
    }
    return db.inTransaction(c -> {
      String owner;
      String hash;
      try (PreparedStatement ps = c.prepareStatement("SELECT token_sha256, username FROM api_tokens"
          + " WHERE token_sha256 LIKE ? AND revoked_at IS NULL")) {
        ps.setString(1, id + "%");
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          hash = rs.getString(1);
          owner = rs.getString(2);
        }
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE api_tokens SET revoked_at = ? WHERE token_sha256 = ?")) {
        ps.setTimestamp(1, Timestamp.from(Instant.now()));
        ps.setString(2, hash);
        ps.executeUpdate();
      }
      AuditLog.append(c, actor, "user", owner, Json.write(Map.of("tokenRevoked", id)));
      return Optional.of(owner);
    });
  }

  /** Appends a failed login to the audit log. */
  public void loginFailed(String username, String address, String why) {
    db.inTransaction(c -> {
      AuditLog.append(c, "anonymous", "login_failed", username.length() > 64 ? username.substring(0, 64) : username,
          Json.write(Map.of("address", address, "reason", why)));
      return null;
    });
  }
}
