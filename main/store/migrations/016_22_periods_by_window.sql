-- 016 (issue 22): a period's rows are found at the cost of the period, not of the years behind it.
-- Events and absences overlapping a period were found by "starts before the end of the period and ends after
-- its start": the range on the start then covers every earlier row, so a month at the end of fifty years read
-- fifty years of index. Now they are found by start within [period start - 15 days, period end] (short rows
-- cannot reach further back), plus the rows longer than 14 days through the small partial indexes below,
-- by end (see main/domain/overlap.ts). Checked with EXPLAIN QUERY PLAN at region and stress scale.
CREATE INDEX events_long ON events (ends_at) WHERE created = 1 AND coalesce(julianday(ends_at) - julianday(starts_at), 1e9) > 14;
CREATE INDEX absences_by_start ON absences (starts_at, ends_at) WHERE created = 1;
CREATE INDEX absences_long ON absences (ends_at) WHERE created = 1 AND coalesce(julianday(ends_at) - julianday(starts_at), 1e9) > 14;
