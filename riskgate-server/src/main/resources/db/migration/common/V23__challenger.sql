-- The learning loop: challengers trained from recorded results, and the scores they give new
-- declarations beside the champion's decisions (shadow scores decide nothing).
CREATE TABLE challengers (
  bundle_id   VARCHAR(200) PRIMARY KEY REFERENCES models(id),
  champion_id VARCHAR(200) NOT NULL,
  status      VARCHAR(16)  NOT NULL,
  trained_by  VARCHAR(64)  NOT NULL,
  trained_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  trained_on  INTEGER      NOT NULL
);

CREATE TABLE shadow_scores (
  declaration_id VARCHAR(64)  NOT NULL REFERENCES declarations(id),
  bundle_id      VARCHAR(200) NOT NULL REFERENCES models(id),
  model_score    DOUBLE PRECISION NOT NULL,
  scored_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (bundle_id, declaration_id)
);
