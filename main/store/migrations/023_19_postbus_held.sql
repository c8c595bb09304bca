-- 023 (issue 19): per recipient set, what this copy held of each feed when it last wrote to them (or decided
-- there was nothing to write). A third gemeente's entries are relayed only when the recipients still lack
-- what this copy already held then: the author had a round to bring them itself, so a file carries what is
-- new for its recipients instead of repeating every partner's changes (see main/postbus/writer.ts).
CREATE TABLE postbus_held (
  recipients TEXT PRIMARY KEY,
  up_to      TEXT NOT NULL
) STRICT;
