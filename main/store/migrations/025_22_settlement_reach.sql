-- 025 (issue 22): what marking the settlement lines again after a change needs (main/domain/settlement-reach.ts).
-- shifts_night_or_long: the few shifts that touch 00:00-06:00 or last more than a day (the night rules reach
-- 52 weeks, so their officers are marked again over the kept years); found without scanning the years.
-- settlement_lines_by_officer_start: an officer's kept lines near a change.
-- settlement_lines_marked: the few lines with blocking codes, per officer.
CREATE INDEX shifts_night_or_long ON shifts (starts_at)
  WHERE created = 1 AND (substr(starts_at, 12, 5) < '06:00' OR ends_at > date(substr(starts_at, 1, 10), '+1 day') || 'T00:00');
CREATE INDEX settlement_lines_by_officer_start ON settlement_lines (officer_id, start_date);
CREATE INDEX settlement_lines_marked ON settlement_lines (officer_id) WHERE blocking IS NOT NULL;
DROP INDEX settlement_lines_by_officer;
