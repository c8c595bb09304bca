-- 002: exchange of plan files with partners: what each partner is known to have, what was imported,
-- entries waiting for trust or for their predecessors, forks, and concurrent-edit tracking.

-- Per partner gemeente and author feed: the highest seq that partner told us it has (from its files' header).
CREATE TABLE peer_have (
  gemeente TEXT NOT NULL,
  author   TEXT NOT NULL,
  seq      INTEGER NOT NULL,
  PRIMARY KEY (gemeente, author)
) STRICT;

-- Every plan file imported or written, for replay detection and the partner overview.
CREATE TABLE plan_files (
  file_id     TEXT PRIMARY KEY,          -- sha256 of the file's content before its trailer
  direction   TEXT NOT NULL CHECK (direction IN ('in', 'out')),
  sender      TEXT NOT NULL,             -- device public key
  gemeente    TEXT NOT NULL,             -- sender gemeente
  recipients  TEXT NOT NULL,             -- JSON array of gemeente codes
  created     TEXT NOT NULL,             -- the sender's timestamp in the header
  at          TEXT NOT NULL,             -- when this copy imported or wrote it
  entries     INTEGER NOT NULL,
  summary     TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX plan_files_by_sender ON plan_files (sender, created);

-- Verified entries that cannot be applied yet: their author is not (yet) trusted ('trust'), or entries
-- before them are missing ('gap'). Kept with the checkpoint that covers them.
CREATE TABLE pending_entries (
  id        TEXT PRIMARY KEY,
  author    TEXT NOT NULL,
  seq       INTEGER NOT NULL,
  gemeente  TEXT NOT NULL,
  bytes     BLOB NOT NULL,
  reason    TEXT NOT NULL CHECK (reason IN ('trust', 'gap')),
  at        TEXT NOT NULL,
  UNIQUE (author, seq)
) STRICT;

CREATE TABLE pending_checkpoints (
  author TEXT NOT NULL,
  seq    INTEGER NOT NULL,
  head   TEXT NOT NULL,
  sig    TEXT NOT NULL,
  PRIMARY KEY (author, seq)
) STRICT;

-- Two different entries signed with one author and seq: the feed is frozen, both entries kept as proof.
CREATE TABLE forks (
  author      TEXT NOT NULL,
  seq         INTEGER NOT NULL,
  ours        TEXT NOT NULL,
  theirs      TEXT NOT NULL,
  theirs_bytes BLOB NOT NULL,
  detected_at TEXT NOT NULL,
  PRIMARY KEY (author, seq, theirs)
) STRICT;

ALTER TABLE feeds ADD COLUMN frozen TEXT;

-- Each field write with the stamp it was based on, so concurrent edits (same base, different devices)
-- become visible conflicts instead of silent last-writer-wins.
CREATE TABLE field_writes (
  record_id TEXT NOT NULL,
  field     TEXT NOT NULL,
  stamp     TEXT NOT NULL,
  base      TEXT,
  author    TEXT NOT NULL,
  value     TEXT NOT NULL,
  PRIMARY KEY (record_id, field, stamp)
) STRICT;

-- Officers (handhavers): the shared part. Private details live in officer_private and never leave the device.
CREATE TABLE officers (
  id             TEXT PRIMARY KEY,
  employer       TEXT NOT NULL,
  created        INTEGER NOT NULL DEFAULT 0,
  name           TEXT,
  qualifications TEXT,
  contract_hours INTEGER,
  active         INTEGER,
  stamps         TEXT NOT NULL DEFAULT '{}'
) STRICT;

CREATE TABLE officer_private (
  officer_id TEXT PRIMARY KEY,
  phone      TEXT,
  boa_number TEXT,
  notes      TEXT
) STRICT;

-- Shifts (diensten) of an event, owned by the host gemeente.
CREATE TABLE shifts (
  id        TEXT PRIMARY KEY,
  host      TEXT NOT NULL,
  created   INTEGER NOT NULL DEFAULT 0,
  event_id  TEXT,
  starts_at TEXT,
  ends_at   TEXT,
  role      TEXT,
  needed    INTEGER,
  in_pairs  INTEGER,
  qualifications TEXT,
  cancelled INTEGER,
  stamps    TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX shifts_by_event ON shifts (event_id, starts_at);
