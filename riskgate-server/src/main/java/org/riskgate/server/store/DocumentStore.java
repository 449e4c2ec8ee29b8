package org.riskgate.server.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Documents attached to declarations; each upload is audited with its verdicts.
 *
 * <p>The ids of the declarations that have documents are kept in memory, read once on open and
 * added to by each upload, because every decision asks for its declaration's documents and almost
 * none have any: the query each time took 8 % of the server's CPU at 500 requests/s (JFR). This
 * store is the only writer of its table, as the live profiles assume of the declarations.
 */
public final class DocumentStore {
  private static final String COLUMNS = "id, declaration_id, issuer, file_name, sha256, width, height, report,"
      + " uploaded_by, uploaded_at";
  private final Database db;
  private final Set<String> withDocuments = ConcurrentHashMap.newKeySet();

  public DocumentStore(Database db) {
    this.db = db;
    db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT declaration_id FROM documents");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          withDocuments.add(rs.getString(1));
        }
      }
      return null;
    });
  }

  /** Stores a document's record and appends its check to the audit log; returns its id. */
  public long add(StoredDocument d, String auditDetail) {
    // before the commit, so that no decision made after it misses the document; a failed upload
    // leaves an id whose look-up finds nothing
    withDocuments.add(d.declarationId());
    return db.inTransaction(c -> {
      long id;
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO documents (declaration_id, issuer, file_name,"
          + " sha256, width, height, report, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          Statement.RETURN_GENERATED_KEYS)) {
        ps.setString(1, d.declarationId());
        ps.setString(2, d.issuer());
        ps.setString(3, d.fileName());
        ps.setString(4, d.sha256());
        ps.setInt(5, d.width());
        ps.setInt(6, d.height());
        ps.setString(7, d.report());
        ps.setString(8, d.uploadedBy());
        ps.setTimestamp(9, Timestamp.from(d.uploadedAt()));
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
          keys.next();
          id = keys.getLong(1);
        }
      }
      AuditLog.append(c, d.uploadedBy(), "document_check", d.declarationId(), auditDetail);
      return id;
    });
  }

  /** The documents of a declaration, in upload order. */
  public List<StoredDocument> of(String declarationId) {
    if (!withDocuments.contains(declarationId)) {
      return List.of();
    }
    return db.read(c -> {
      List<StoredDocument> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
          + " FROM documents WHERE declaration_id = ? ORDER BY id")) {
        ps.setString(1, declarationId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(read(rs));
          }
        }
      }
      return out;
    });
  }

  /** The latest documents of all declarations, newest first. */
  public List<StoredDocument> latest(int limit) {
    return db.read(c -> {
      List<StoredDocument> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM documents ORDER BY id DESC LIMIT ?")) {
        ps.setInt(1, limit);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(read(rs));
          }
        }
      }
      return out;
    });
  }

  public Optional<StoredDocument> find(long id) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM documents WHERE id = ?")) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(read(rs)) : Optional.empty();
        }
      }
    });
  }

  private static StoredDocument read(ResultSet rs) throws java.sql.SQLException {
    return new StoredDocument(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getInt(6), rs.getInt(7), rs.getString(8), rs.getString(9), rs.getTimestamp(10).toInstant());
  }
}
