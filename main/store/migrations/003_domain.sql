-- 003: the rest of the domain: agreements and their signatures, availability, requests, answers, commitments.

CREATE TABLE agreements (
  id       TEXT PRIMARY KEY,
  proposer TEXT NOT NULL,
  created  INTEGER NOT NULL DEFAULT 0,
  terms    TEXT,              -- canonical JSON of AgreementTerms; its sha256 is what parties sign
  stamps   TEXT NOT NULL DEFAULT '{}'
) STRICT;

-- One per agreement and signing gemeente; re-signing a changed version updates it.
CREATE TABLE signatures (
  id             TEXT PRIMARY KEY,
  signer         TEXT NOT NULL,
  created        INTEGER NOT NULL DEFAULT 0,
  agreement_id   TEXT,
  content_hash   TEXT,
  signed_at      TEXT,
  terminate_from TEXT,
  stamps         TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX signatures_by_agreement ON signatures (agreement_id);

CREATE TABLE absences (
  id         TEXT PRIMARY KEY,
  employer   TEXT NOT NULL,
  created    INTEGER NOT NULL DEFAULT 0,
  officer_id TEXT,
  starts_at  TEXT,
  ends_at    TEXT,
  cancelled  INTEGER,
  stamps     TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX absences_by_officer ON absences (officer_id, starts_at);

-- The reason for an absence stays on the employer's device.
CREATE TABLE absence_private (
  absence_id TEXT PRIMARY KEY,
  reason     TEXT
) STRICT;

CREATE TABLE requests (
  id           TEXT PRIMARY KEY,
  host         TEXT NOT NULL,
  created      INTEGER NOT NULL DEFAULT 0,
  shift_id     TEXT,
  provider     TEXT,
  agreement_id TEXT,
  count        INTEGER,
  note         TEXT,
  withdrawn    INTEGER,
  approved_by  TEXT,
  approved_at  TEXT,
  stamps       TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX requests_by_shift ON requests (shift_id);
CREATE INDEX requests_by_provider ON requests (provider);

-- The provider's answer to a request (declined with a reason); one per request.
CREATE TABLE responses (
  id         TEXT PRIMARY KEY,
  provider   TEXT NOT NULL,
  created    INTEGER NOT NULL DEFAULT 0,
  request_id TEXT,
  declined   INTEGER,
  reason     TEXT,
  stamps     TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX responses_by_request ON responses (request_id);

CREATE TABLE commitments (
  id         TEXT PRIMARY KEY,
  provider   TEXT NOT NULL,
  created    INTEGER NOT NULL DEFAULT 0,
  request_id TEXT,
  officer_id TEXT,
  withdrawn  INTEGER,
  reasons    TEXT,
  stamps     TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX commitments_by_request ON commitments (request_id);
CREATE INDEX commitments_by_officer ON commitments (officer_id);

