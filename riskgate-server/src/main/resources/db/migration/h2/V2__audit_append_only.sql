-- H2: Java triggers refuse any change to a written audit row.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW
  CALL "org.riskgate.server.store.AuditLogGuard";
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW
  CALL "org.riskgate.server.store.AuditLogGuard";
-- H2 runs no trigger on TRUNCATE, but refuses to truncate a table that a foreign key points at:
-- this anchor row keeps audit_log referenced for good (and is itself guarded below).
CREATE TABLE audit_anchor (
  id  INTEGER PRIMARY KEY,
  seq BIGINT REFERENCES audit_log(seq)
);
INSERT INTO audit_anchor (id, seq) VALUES (1, NULL);
CREATE TRIGGER audit_anchor_no_update BEFORE UPDATE ON audit_anchor FOR EACH ROW
  CALL "org.riskgate.server.store.AuditLogGuard";
CREATE TRIGGER audit_anchor_no_delete BEFORE DELETE ON audit_anchor FOR EACH ROW
  CALL "org.riskgate.server.store.AuditLogGuard";
