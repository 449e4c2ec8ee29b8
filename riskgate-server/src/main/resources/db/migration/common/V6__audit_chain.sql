-- Tamper evidence: each audit entry carries a SHA-256 over its fields and the previous entry's
-- hash (see AuditChain), so changing, removing or reordering entries breaks the chain. Entries
-- written before this migration have no hash and are reported as not covered.
ALTER TABLE audit_log ADD COLUMN chain_hash VARCHAR(64);
-- The chain's current end. Appends lock this row, so entries are chained in commit order even
-- from concurrent transactions. Its copy outside the database (the audit-head file in the data
-- directory) is what shows a deleted last entry.
CREATE TABLE audit_head (
  id         INTEGER PRIMARY KEY,
  seq        BIGINT      NOT NULL,
  chain_hash VARCHAR(64) NOT NULL
);
INSERT INTO audit_head (id, seq, chain_hash)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
