-- The queue reads decisions highest score first, within a lane or across all: indexes in that
-- order let it read one page without sorting the whole store.
CREATE INDEX decisions_queue ON decisions(lane, score DESC, declaration_id);
CREATE INDEX decisions_score ON decisions(score DESC, declaration_id);
