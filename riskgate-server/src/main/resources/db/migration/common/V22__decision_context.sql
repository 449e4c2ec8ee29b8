-- What each decision was measured against (issue 14): its priority, its rank and the slots of
-- its day and office, or the thresholds, as JSON. Decisions stored before have none.
ALTER TABLE decisions ADD COLUMN decision_context VARCHAR(2000);
