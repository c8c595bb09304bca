-- 018: the state digest is now made from values exactly as SQLite stores them (booleans as 0 and 1, text as
-- stored UTF-8). A digest kept by an older Regie may have been summed from the values before storing, so it is
-- dropped here and counted again from the rows when the database is opened (ensureStateDigest).
DELETE FROM state_digest;
