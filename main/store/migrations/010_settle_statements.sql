-- 010: vaststellen. A settlement statement for a gemeente pair and period, proposed by one of the two, and the
-- signatures of both. Both are content-addressed and never change (see main/log/records.ts): a later change to
-- a vastgesteld period becomes a correction in the next open period, derived, never an edit of these rows.
CREATE TABLE statements (
  id           TEXT PRIMARY KEY,
  proposer     TEXT NOT NULL,
  created      INTEGER NOT NULL DEFAULT 0,
  pair         TEXT,              -- 'GM0397|GM0473', the lower code first
  period       TEXT,              -- '2027-07-01|2027-09-30'
  content      TEXT,              -- canonical JSON of the statement content; its sha256 is content_hash
  content_hash TEXT,
  stamps       TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX statements_by_pair ON statements (pair, period);

CREATE TABLE statement_signatures (
  id           TEXT PRIMARY KEY,
  signer       TEXT NOT NULL,
  created      INTEGER NOT NULL DEFAULT 0,
  statement_id TEXT,
  pair         TEXT,
  period       TEXT,
  content_hash TEXT,
  signed_at    TEXT,
  stamps       TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX statement_signatures_by_statement ON statement_signatures (statement_id);
