-- Supervisors' watchlists (issue 14): named lists of parties, countries or HS codes that rules
-- test with 'FIELD in watchlist "NAME"'. Entries go with their list.
CREATE TABLE watchlists (
  name        VARCHAR(100) PRIMARY KEY,
  kind        VARCHAR(16)  NOT NULL,
  description VARCHAR(500) NOT NULL,
  changed_by  VARCHAR(64)  NOT NULL,
  changed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE watchlist_entries (
  watchlist VARCHAR(100) NOT NULL REFERENCES watchlists(name) ON DELETE CASCADE,
  entry     VARCHAR(64)  NOT NULL,
  PRIMARY KEY (watchlist, entry)
);
