-- PostgreSQL: triggers refuse any change to a written audit row, and TRUNCATE of the table.
CREATE FUNCTION audit_log_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit log is append-only: % refused', TG_OP USING ERRCODE = '42501';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse();
-- Nobody but the owner may even try; the owner is held back by the triggers above.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;
