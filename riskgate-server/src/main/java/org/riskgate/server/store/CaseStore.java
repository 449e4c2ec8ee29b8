package org.riskgate.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.riskgate.server.Json;
import org.riskgate.server.Refusals;

/**
 * Cases: the red and yellow declarations, with their status, assignee and comments. Every change
 * is appended to the audit log in its transaction; a case's history is its audit entries.
 */
public final class CaseStore {
  /**
   * The status of a queue row in SQL over {@code x} (decisions) and {@code k} (cases): none for a
   * green declaration, open when no one has touched the case.
   */
  static final String STATUS = "CASE WHEN x.lane = 'GREEN' THEN NULL ELSE COALESCE(k.status, 'open') END";
  /** Longest comment kept. */
  public static final int MAX_COMMENT_CHARS = 4000;

  private final Database db;

  public CaseStore(Database db) {
    this.db = db;
  }

  /**
   * A case as it stands.
   *
   * @param assignee who has it
   * @param updatedBy who changed it last; empty while nobody has
   */
  public record CaseState(CaseStatus status, Optional<String> assignee, Optional<String> updatedBy,
      Optional<Instant> updatedAt) {
    static final CaseState NEW = new CaseState(CaseStatus.OPEN, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** A comment on a case. */
  public record Comment(long id, String author, String body, Instant writtenAt) {}

  /**
   * A change asked for: a new status and assignee.
   *
   * @param assignee who gets the case; empty leaves it with nobody
   */
  public record Change(CaseStatus status, Optional<String> assignee) {
    public Change {
      if (status == CaseStatus.ASSIGNED && assignee.isEmpty()) {
        throw Refusals.refused("refused.noAssignee");
      }
    }
  }

  /** The case of a red or yellow declaration; empty for a green or unknown one. */
  public Optional<CaseState> state(String declarationId) {
    return db.read(c -> isCase(c, declarationId) ? Optional.of(read(c, declarationId)) : Optional.empty());
  }

  private static boolean isCase(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT lane FROM decisions WHERE declaration_id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && !rs.getString(1).equals("GREEN");
      }
    }
  }

  private static CaseState read(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT status, assignee, updated_by, updated_at FROM cases WHERE declaration_id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return CaseState.NEW;
        }
        return new CaseState(CaseStatus.parse(rs.getString(1)), Optional.ofNullable(rs.getString(2)),
            Optional.of(rs.getString(3)), Optional.of(rs.getTimestamp(4).toInstant()));
      }
    }
  }

  /**
   * Changes cases in one transaction, each change audited with what it replaced. All or nothing:
   * an id that is no case (green or unknown) refuses the whole change.
   *
   * @return how many cases changed (an unchanged one is not written or audited again)
   * @throws IllegalArgumentException naming the first id that is no case
   */
  public int change(List<String> ids, Change change, String actor) {
    if (ids.isEmpty()) {
      throw Refusals.refused("refused.noCase");
    }
    return db.inTransaction(c -> {
      int changed = 0;
      Instant now = Instant.now();
      List<AuditLog.Line> lines = new ArrayList<>();
      for (String id : ids) {
        if (!isCase(c, id)) {
          throw Refusals.refused("refused.isNoCase", id);
        }
        CaseState before = read(c, id);
        Optional<String> assignee = change.status() == CaseStatus.OPEN ? Optional.empty()
            : change.assignee().or(before::assignee);
        if (before.status() == change.status() && before.assignee().equals(assignee)) {
          continue;
        }
        write(c, id, change.status(), assignee, actor, now, before.updatedBy().isPresent());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("status", change.status().label());
        detail.put("assignee", assignee.orElse(""));
        detail.put("previous", Map.of("status", before.status().label(), "assignee", before.assignee().orElse("")));
        lines.add(new AuditLog.Line(actor, "case", id, Json.write(detail)));
        changed++;
      }
      AuditLog.appendAll(c, lines);
      return changed;
    });
  }

  private static void write(Connection c, String id, CaseStatus status, Optional<String> assignee, String actor,
      Instant at, boolean exists) throws SQLException {
    String sql = exists
        ? "UPDATE cases SET status = ?, assignee = ?, updated_by = ?, updated_at = ? WHERE declaration_id = ?"
        : "INSERT INTO cases (status, assignee, updated_by, updated_at, declaration_id) VALUES (?, ?, ?, ?, ?)";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, status.label());
      ps.setString(2, assignee.orElse(null));
      ps.setString(3, actor);
      ps.setTimestamp(4, Timestamp.from(at));
      ps.setString(5, id);
      ps.executeUpdate();
    }
  }

  /**
   * Closes the case of a declaration whose result is being recorded, inside that transaction
   * (the result's own audit line records it); a green declaration has no case to close.
   */
  static void closeWithResult(Connection c, String id, String actor, Instant at) throws SQLException {
    if (!isCase(c, id)) {
      return;
    }
    CaseState before = read(c, id);
    write(c, id, CaseStatus.CLOSED, before.assignee(), actor, at, before.updatedBy().isPresent());
  }

  /** Adds a comment to a case, audited with its text. */
  public Comment comment(String declarationId, String author, String body) {
    String text = body.strip();
    if (text.isEmpty() || text.length() > MAX_COMMENT_CHARS) {
      throw Refusals.refused("refused.comment", MAX_COMMENT_CHARS);
    }
    if (text.chars().anyMatch(ch -> ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t')) {
      throw Refusals.refused("refused.commentControl");
    }
    return db.inTransaction(c -> {
      if (!isCase(c, declarationId)) {
        throw Refusals.refused("refused.isNoCase", declarationId);
      }
      Instant now = Instant.now();
      long id;
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO case_comments (declaration_id, author, body, written_at)"
          + " VALUES (?, ?, ?, ?)", java.sql.Statement.RETURN_GENERATED_KEYS)) {
        ps.setString(1, declarationId);
        ps.setString(2, author);
        ps.setString(3, text);
        ps.setTimestamp(4, Timestamp.from(now));
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
          keys.next();
          id = keys.getLong(1);
        }
      }
      AuditLog.append(c, author, "case_comment", declarationId, Json.write(Map.of("comment", text)));
      return new Comment(id, author, text, now);
    });
  }

  /** A case's comments, oldest first. */
  public List<Comment> comments(String declarationId) {
    return db.read(c -> {
      List<Comment> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT id, author, body, written_at FROM case_comments"
          + " WHERE declaration_id = ? ORDER BY id")) {
        ps.setString(1, declarationId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new Comment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()));
          }
        }
      }
      return out;
    });
  }
}
