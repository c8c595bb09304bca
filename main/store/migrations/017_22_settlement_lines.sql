-- 017 (issue 22): settlement lines kept per commitment, so the first settlement after a change costs that
-- change, not the year (main/domain/settlement-queries.ts). Local and derived: a pure function of the shared
-- state, never exchanged, not in the state hash; emptying these tables only costs the next look a recount.
-- settlement_years: the years whose lines are all here. settlement_lines: one line per lent commitment that
-- counts, with what its line depends on beyond its own assignment (officer, agreement) to find it on a change.
-- settlement_state.as_of: the last entry (rowid of entries) the lines include.
CREATE TABLE settlement_state (
  id    INTEGER PRIMARY KEY CHECK (id = 1),
  as_of INTEGER NOT NULL
) STRICT;
CREATE TABLE settlement_years (
  year INTEGER PRIMARY KEY
) STRICT;
CREATE TABLE settlement_lines (
  commitment_id TEXT PRIMARY KEY,
  start_date    TEXT NOT NULL,
  officer_id    TEXT NOT NULL,
  agreement_id  TEXT,
  line          TEXT NOT NULL
) STRICT;
CREATE INDEX settlement_lines_by_start ON settlement_lines (start_date);
CREATE INDEX settlement_lines_by_officer ON settlement_lines (officer_id);
CREATE INDEX settlement_lines_by_agreement ON settlement_lines (agreement_id);
