package org.riskgate.server.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Registered model bundles and which one is active; activation is audited. */
public final class ModelStore {
  private final Database db;

  public ModelStore(Database db) {
    this.db = db;
  }

  public List<ModelRecord> all() {
    return db.read(c -> {
      List<ModelRecord> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT id, bundle_path, trainer, provenance, evaluation,"
          + " is_active FROM models ORDER BY registered_at DESC, id");
           ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new ModelRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getString(5), rs.getBoolean(6)));
        }
      }
      return out;
    });
  }

  public Optional<ModelRecord> find(String id) {
    return all().stream().filter(m -> m.id().equals(id)).findFirst();
  }

  public Optional<ModelRecord> active() {
    return all().stream().filter(ModelRecord::active).findFirst();
  }

  /** Registers a bundle (inactive); registering the same id again is a no-op. */
  public void register(ModelRecord m, String actor) {
    if (find(m.id()).isPresent()) {
      return;
    }
    db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO models (id, bundle_path, trainer, provenance,"
          + " evaluation, is_active, registered_at) VALUES (?, ?, ?, ?, ?, FALSE, ?)")) {
        ps.setString(1, m.id());
        ps.setString(2, m.bundlePath());
        ps.setString(3, m.trainer());
        ps.setString(4, m.provenance());
        ps.setString(5, m.evaluation());
        ps.setTimestamp(6, Timestamp.from(Instant.now()));
        ps.executeUpdate();
      }
      AuditLog.append(c, actor, "model_registered", m.id(), "{\"path\":" + org.riskgate.server.Json.write(m.bundlePath()) + "}");
      return null;
    });
  }

  /** Makes one registered bundle the active one, and audits the change with the previous one. */
  public void activate(String id, String actor) {
    db.inTransaction(c -> {
      String previous = "";
      try (PreparedStatement ps = c.prepareStatement("SELECT id FROM models WHERE is_active");
           ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          previous = rs.getString(1);
        }
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE models SET is_active = (id = ?)")) {
        ps.setString(1, id);
        ps.executeUpdate();
      }
      AuditLog.append(c, actor, "active_model", id, org.riskgate.server.Json.write(
          java.util.Map.of("active", id, "previous", previous)));
      return null;
    });
  }
}
