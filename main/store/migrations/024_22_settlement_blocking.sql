-- 024 (issue 22): the blocking rule codes of each kept settlement line, kept up to date with the line
-- (main/domain/settlement-queries.ts), instead of evaluating the rules over the whole period at every look.
-- blocking: JSON [[code, last], ...] or NULL (no blocking violation); `last` is the latest local time the
-- violation concerns, so a look at a period leaves out what lies wholly before it, as the rules do.
-- The lines kept so far have no codes: they are dropped and counted again at the next look.
ALTER TABLE settlement_lines ADD COLUMN blocking TEXT;
DELETE FROM settlement_lines;
DELETE FROM settlement_years;
DELETE FROM settlement_state;
