-- Issue 15: the gemeente as the unit of trust. A gemeente key certifies devices, revokes them and signs its
-- successor. Nothing of the shared state changes: the state hash of an upgraded copy stays what it was.

-- Gemeente keys this copy knows of its own gemeente; the private part only where this laptop holds it.
CREATE TABLE gemeente_keys (
  public_key  TEXT PRIMARY KEY,
  gemeente    TEXT NOT NULL,
  private_key TEXT,
  created_at  TEXT NOT NULL
) STRICT;

-- Per gemeente, the key this copy trusts as its root: its own, or a partner's confirmed by phone. Later keys
-- follow from rotations signed by it.
CREATE TABLE gemeente_roots (
  gemeente   TEXT PRIMARY KEY,
  public_key TEXT NOT NULL,
  trusted_at TEXT NOT NULL
) STRICT;

-- Signed statements of gemeente keys (device certificates, revocations, rotations), as the exact line that
-- travels in plan files. id = sha256 of the line. Kept and relayed; what they mean is derived from the set.
CREATE TABLE attestations (
  id          TEXT PRIMARY KEY,
  kind        TEXT NOT NULL,
  gemeente    TEXT NOT NULL,
  line        TEXT NOT NULL,
  received_at TEXT NOT NULL
) STRICT;

-- Derived from attestations and roots: devices revoked, and the last seq of theirs that is accepted.
CREATE TABLE revocations (
  device   TEXT PRIMARY KEY,
  gemeente TEXT NOT NULL,
  after    INTEGER NOT NULL,
  reason   TEXT NOT NULL,
  at       TEXT NOT NULL
) STRICT;
