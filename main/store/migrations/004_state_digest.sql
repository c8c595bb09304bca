-- 004: the state hash, kept up to date with every applied op instead of recomputed over all records.
-- digest = sum of sha256(row) over all shared rows, modulo 2^256 (order-independent, so equal on every copy
-- with the same accepted entries). Filled from the existing rows the first time it is needed.
CREATE TABLE state_digest (
  id     INTEGER PRIMARY KEY CHECK (id = 1),
  digest TEXT NOT NULL
) STRICT;

-- Lapsed commitments start from the few withdrawn requests, cancelled shifts and called-off events.
CREATE INDEX requests_withdrawn ON requests (id) WHERE withdrawn = 1;
CREATE INDEX shifts_cancelled ON shifts (id) WHERE cancelled = 1;
CREATE INDEX events_called_off ON events (id) WHERE status = 'afgelast';
