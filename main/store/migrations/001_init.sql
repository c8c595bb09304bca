-- 001: this device's identity, the replicated log, and the first shared record type (events).

-- Local settings of this copy (never exported).
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- This installation's device key. Exactly one row once set up. The private key never leaves the device.
CREATE TABLE identity (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  gemeente     TEXT NOT NULL,
  device_label TEXT NOT NULL,
  public_key   TEXT NOT NULL UNIQUE,
  private_key  TEXT NOT NULL,
  created_at   TEXT NOT NULL
) STRICT;

-- Every device whose entries this copy knows: its own and its partners'.
CREATE TABLE authors (
  public_key   TEXT PRIMARY KEY,
  gemeente     TEXT NOT NULL,
  device_label TEXT NOT NULL,
  trusted      INTEGER NOT NULL CHECK (trusted IN (0, 1)),
  is_self      INTEGER NOT NULL CHECK (is_self IN (0, 1)),
  card         TEXT,
  added_at     TEXT NOT NULL,
  trusted_at   TEXT
) STRICT;

-- The per-device hash chains. bytes are the entry exactly as its author wrote it (canonical JSON).
CREATE TABLE entries (
  id          TEXT PRIMARY KEY,
  author      TEXT NOT NULL,
  seq         INTEGER NOT NULL CHECK (seq >= 1),
  prev        TEXT,
  hlc         TEXT NOT NULL,
  gemeente    TEXT NOT NULL,
  bytes       BLOB NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('applied', 'rejected')),
  reason      TEXT,
  received_at TEXT NOT NULL,
  UNIQUE (author, seq)
) STRICT;

-- Head of each feed and the newest checkpoint its author signed.
CREATE TABLE feeds (
  author         TEXT PRIMARY KEY,
  seq            INTEGER NOT NULL,
  head           TEXT NOT NULL,
  checkpoint_seq INTEGER,
  checkpoint_sig TEXT
) STRICT;

-- The hybrid logical clock of this copy: the highest stamp it has issued or seen.
CREATE TABLE clock (
  id  INTEGER PRIMARY KEY CHECK (id = 1),
  hlc TEXT NOT NULL
) STRICT;

-- Events (state derived from entries). stamps holds, per field, the (hlc, author) stamp that set it.
CREATE TABLE events (
  id        TEXT PRIMARY KEY,
  host      TEXT NOT NULL,
  created   INTEGER NOT NULL DEFAULT 0,
  name      TEXT,
  place     TEXT,
  starts_at TEXT,
  ends_at   TEXT,
  risk      TEXT,
  visitors  INTEGER,
  status    TEXT,
  stamps    TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX events_by_start ON events (starts_at);
