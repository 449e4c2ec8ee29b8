package org.riskgate.server.loop;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.riskgate.server.Json;
import org.riskgate.server.store.AuditLog;
import org.riskgate.server.store.Database;

/** The loop's tables: challengers and their shadow scores (V23). */
final class LoopStore {
  static final String SHADOW = "shadow";
  static final String PROMOTED = "promoted";
  static final String RETIRED = "retired";

  private final Database db;

  LoopStore(Database db) {
    this.db = db;
  }

  /** A challenger as stored. */
  record Challenger(String bundleId, String championId, String status, String trainedBy, Instant trainedAt,
      int trainedOn) {}

  /** Makes {@code bundleId} the one challenger in shadow (retiring any other), audited. */
  void start(Challenger c) {
    db.inTransaction(conn -> {
      try (PreparedStatement ps = conn.prepareStatement("UPDATE challengers SET status = ? WHERE status = ?")) {
        ps.setString(1, RETIRED);
        ps.setString(2, SHADOW);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = conn.prepareStatement("INSERT INTO challengers (bundle_id, champion_id, status,"
          + " trained_by, trained_at, trained_on) VALUES (?, ?, ?, ?, ?, ?)")) {
        ps.setString(1, c.bundleId());
        ps.setString(2, c.championId());
        ps.setString(3, SHADOW);
        ps.setString(4, c.trainedBy());
        ps.setTimestamp(5, Timestamp.from(c.trainedAt()));
        ps.setInt(6, c.trainedOn());
        ps.executeUpdate();
      }
      AuditLog.append(conn, c.trainedBy(), "challenger_trained", c.bundleId(), Json.write(Map.of(
          "champion", c.championId(), "trainedOn", c.trainedOn())));
      return null;
    });
  }

  /** The challenger in shadow, if any. */
  Optional<Challenger> current() {
    return db.read(conn -> {
      try (PreparedStatement ps = conn.prepareStatement("SELECT bundle_id, champion_id, status, trained_by,"
          + " trained_at, trained_on FROM challengers WHERE status = ?")) {
        ps.setString(1, SHADOW);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(new Challenger(rs.getString(1), rs.getString(2), rs.getString(3),
              rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getInt(6))) : Optional.empty();
        }
      }
    });
  }

  /** Stores shadow scores; a declaration already scored by the bundle keeps its first score. */
  void shadow(String bundleId, List<String> ids, double[] scores) {
    db.inTransaction(conn -> {
      java.util.Set<String> fresh = new java.util.HashSet<>();
      try (PreparedStatement ps = conn.prepareStatement(
          "SELECT 1 FROM shadow_scores WHERE bundle_id = ? AND declaration_id = ?")) {
        for (String id : ids) {
          ps.setString(1, bundleId);
          ps.setString(2, id);
          try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
              fresh.add(id);
            }
          }
        }
      }
      Timestamp now = Timestamp.from(Instant.now());
      try (PreparedStatement ps = conn.prepareStatement("INSERT INTO shadow_scores (declaration_id, bundle_id,"
          + " model_score, scored_at) VALUES (?, ?, ?, ?)")) {
        for (int i = 0; i < ids.size(); i++) {
          if (fresh.contains(ids.get(i))) {
            ps.setString(1, ids.get(i));
            ps.setString(2, bundleId);
            ps.setDouble(3, scores[i]);
            ps.setTimestamp(4, now);
            ps.addBatch();
          }
        }
        ps.executeBatch();
      }
      return null;
    });
  }

  /** Every declaration the champion decided and the challenger shadow-scored. */
  List<ChallengerEvaluation.Row> scored(String championId, String challengerId) {
    return db.read(conn -> {
      List<ChallengerEvaluation.Row> out = new ArrayList<>();
      try (PreparedStatement ps = conn.prepareStatement("SELECT d.id, d.decl_date, d.office_id, x.lane,"
          + " x.random_pick, x.model_score, s.model_score, r.fraud, r.amount FROM declarations d"
          + " JOIN decisions x ON x.declaration_id = d.id"
          + " JOIN shadow_scores s ON s.declaration_id = d.id AND s.bundle_id = ?"
          + " LEFT JOIN inspection_results r ON r.declaration_id = d.id"
          + " WHERE x.bundle_id = ? ORDER BY d.decl_date, d.id")) {
        ps.setString(1, challengerId);
        ps.setString(2, championId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            boolean fraud = rs.getBoolean(8);
            Optional<Boolean> result = rs.wasNull() ? Optional.empty() : Optional.of(fraud);
            out.add(new ChallengerEvaluation.Row(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3),
                org.riskgate.selectivity.Lane.valueOf(rs.getString(4)),
                rs.getBoolean(5), rs.getDouble(6), rs.getDouble(7), result, rs.getDouble(9)));
          }
        }
      }
      return out;
    });
  }

  /** Ends the challenger's shadow as promoted, audited. */
  void promoted(String bundleId, String actor, String detail) {
    db.inTransaction(conn -> {
      try (PreparedStatement ps = conn.prepareStatement("UPDATE challengers SET status = ? WHERE bundle_id = ?")) {
        ps.setString(1, PROMOTED);
        ps.setString(2, bundleId);
        ps.executeUpdate();
      }
      AuditLog.append(conn, actor, "challenger_promoted", bundleId, detail);
      return null;
    });
  }

  /** Audits a refused promotion (the challenger stays in shadow). */
  void refused(String bundleId, String actor, String detail) {
    db.inTransaction(conn -> {
      AuditLog.append(conn, actor, "promotion_refused", bundleId, detail);
      return null;
    });
  }
}
