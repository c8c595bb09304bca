-- 009 (issue 19): the postbus, a shared folder that a sync engine carries between gemeenten. Its settings,
-- the files this device wrote there (so it removes only its own), what became of each file seen there,
-- the partners seen, and a log of what was refused or ignored and why.

-- One row when a postbus is chosen. mode: one file per partner, or one file for all partners.
CREATE TABLE postbus_settings (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  dir          TEXT NOT NULL,
  mode         TEXT NOT NULL DEFAULT 'partner' CHECK (mode IN ('partner', 'all')),
  encrypt      INTEGER NOT NULL DEFAULT 0 CHECK (encrypt IN (0, 1)),
  since        TEXT NOT NULL,
  last_written TEXT,
  last_read    TEXT,
  error        TEXT,
  error_since  TEXT
) STRICT;

-- Partner gemeenten whose verified, conflict-free files are applied without asking ("automatisch inlezen").
CREATE TABLE postbus_auto (
  gemeente TEXT PRIMARY KEY,
  since    TEXT NOT NULL
) STRICT;

-- Files this device wrote into the postbus and has not removed yet. feeds: what each carries per author
-- ([{author, to}]); have: this copy's high-water marks when it was written.
CREATE TABLE postbus_out (
  name       TEXT PRIMARY KEY,
  recipients TEXT NOT NULL,
  feeds      TEXT NOT NULL,
  have       TEXT NOT NULL,
  created    TEXT NOT NULL,
  entries    INTEGER NOT NULL,
  bytes      INTEGER NOT NULL
) STRICT;

-- Every other file seen in the postbus, with the size and time it had when it was decided, so a file is
-- looked at again only when it changes. state: changing (not yet complete), waiting (for the user),
-- applied, ack (brought nothing new), duplicate, refused, ignored.
CREATE TABLE postbus_in (
  name        TEXT PRIMARY KEY,
  size        INTEGER NOT NULL,
  mtime       REAL NOT NULL,
  first_seen  TEXT NOT NULL,
  state       TEXT NOT NULL,
  reason      TEXT,
  file_id     TEXT,
  gemeente    TEXT,
  staged      TEXT,
  summary     TEXT,
  trust_epoch INTEGER NOT NULL DEFAULT 0,
  at          TEXT NOT NULL
) STRICT;

-- Partner gemeenten seen writing into the postbus (from verified files).
CREATE TABLE postbus_partners (
  gemeente   TEXT PRIMARY KEY,
  first_seen TEXT NOT NULL,
  last_seen  TEXT NOT NULL
) STRICT;

-- What the postbus did, refused or ignored, with the reason in Dutch; the newest 500 lines are kept.
CREATE TABLE postbus_log (
  id      INTEGER PRIMARY KEY,
  at      TEXT NOT NULL,
  kind    TEXT NOT NULL,
  name    TEXT,
  message TEXT NOT NULL
) STRICT;
