package org.riskgate.server.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.riskgate.server.Json;
import org.riskgate.server.Refusals;

/** Files attached to cases, kept in the store; each upload is audited with its SHA-256. */
public final class Attachments {
  /** The longest file name kept. */
  public static final int MAX_NAME = 200;

  /** An attachment's record, without its bytes. */
  public record Attachment(long id, String declarationId, String fileName, long size, String sha256,
      String uploadedBy, Instant uploadedAt) {}

  private final Database db;

  public Attachments(Database db) {
    this.db = db;
  }

  /**
   * Stores a file for a declaration's case and audits it; returns its id.
   *
   * @throws IllegalArgumentException for an empty file or a missing name
   */
  public long add(String declarationId, String fileName, byte[] content, String user) {
    String name = fileName == null ? "" : fileName.strip();
    if (name.isEmpty()) {
      throw Refusals.refused("refused.attachmentName");
    }
    if (name.length() > MAX_NAME) {
      name = name.substring(name.length() - MAX_NAME);
    }
    if (content.length == 0) {
      throw Refusals.refused("refused.attachmentEmpty", name);
    }
    String file = name;
    String sha256 = org.riskgate.server.auth.AuthService.sha256(content);
    return db.inTransaction(c -> {
      long id;
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO case_attachments (declaration_id, file_name,"
          + " size_bytes, sha256, content, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
          Statement.RETURN_GENERATED_KEYS)) {
        ps.setString(1, declarationId);
        ps.setString(2, file);
        ps.setLong(3, content.length);
        ps.setString(4, sha256);
        ps.setBytes(5, content);
        ps.setString(6, user);
        ps.setTimestamp(7, Timestamp.from(Instant.now()));
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
          keys.next();
          id = keys.getLong(1);
        }
      }
      AuditLog.append(c, user, "attachment", declarationId, Json.write(Map.of("id", id, "file", file,
          "bytes", content.length, "sha256", sha256)));
      return id;
    });
  }

  /** A declaration's attachments, oldest first. */
  public List<Attachment> of(String declarationId) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT id, declaration_id, file_name, size_bytes, sha256,"
          + " uploaded_by, uploaded_at FROM case_attachments WHERE declaration_id = ? ORDER BY id")) {
        ps.setString(1, declarationId);
        List<Attachment> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new Attachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getString(6), rs.getTimestamp(7).toInstant()));
          }
        }
        return out;
      }
    });
  }

  /** An attachment's record and bytes. */
  public Optional<Map.Entry<Attachment, byte[]>> find(long id) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT id, declaration_id, file_name, size_bytes, sha256,"
          + " uploaded_by, uploaded_at, content FROM case_attachments WHERE id = ?")) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          return Optional.of(Map.entry(new Attachment(rs.getLong(1), rs.getString(2), rs.getString(3),
              rs.getLong(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()), rs.getBytes(8)));
        }
      }
    });
  }
}
