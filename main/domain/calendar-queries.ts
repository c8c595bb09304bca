// The Kalender's query: every event overlapping a period, each with its staffing summary, in two statements
// (events with their shift sums; nothing per event), fast enough for a region's year.
import type { Db } from '../store/db';
import type { CalendarEvent, StaffingSummary } from '../../shared/api/planning';
import { toEventRecord, type EventRow } from './event-queries';

interface CalendarRow extends EventRow {
  shift_count: number | null;
  needed: number | null;
  committed: number | null;
  open_requests: number | null;
  shifts_short: number | null;
}

/**
 * Per request: its officers actually committed (by the provider, for its own officer, not withdrawn), and
 * whether it still asks for something. Mirrors listRequests' status: declined or withdrawn requests and
 * fully committed ones are not open. Needs a CTE \`ev\` of the events concerned.
 */
export const REQUEST_STATE_SQL = `
  SELECT r.id, r.shift_id, r.count,
    (SELECT count(*) FROM commitments c JOIN officers o ON o.id = c.officer_id AND o.employer = r.provider
       WHERE c.request_id = r.id AND c.created = 1 AND c.withdrawn = 0 AND c.provider = r.provider) AS committed,
    coalesce(rs.declined, 0) AS declined
  FROM requests r
  LEFT JOIN responses rs ON rs.request_id = r.id AND rs.provider = r.provider AND rs.created = 1
  WHERE r.created = 1 AND r.withdrawn = 0
    AND r.shift_id IN (SELECT s.id FROM shifts s WHERE s.event_id IN (SELECT id FROM ev))`;

/** Staffing per shift that goes on: needed, committed (all providers), open requests. */
export const SHIFT_STAFFING_SQL = `
  SELECT s.id, s.event_id, s.needed,
    coalesce(sum(rq.committed), 0) AS committed,
    coalesce(sum(CASE WHEN rq.declined = 0 AND rq.committed < rq.count THEN 1 ELSE 0 END), 0) AS open_requests
  FROM shifts s
  LEFT JOIN rq ON rq.shift_id = s.id
  WHERE s.created = 1 AND s.cancelled = 0 AND s.event_id IN (SELECT id FROM ev)
  GROUP BY s.id`;

function summary(r: CalendarRow): StaffingSummary {
  return { shifts: r.shift_count ?? 0, needed: r.needed ?? 0, committed: r.committed ?? 0, openRequests: r.open_requests ?? 0, shiftsShort: r.shifts_short ?? 0 };
}

/** Events overlapping [from, to] (dates, inclusive), by start time, with their staffing. */
export function calendarRange(db: Db, from: string, to: string): CalendarEvent[] {
  const rows = db
    .prepare(
      `WITH ev AS (SELECT * FROM events WHERE created = 1 AND starts_at <= :toEnd AND ends_at > :fromStart),
       rq AS (${REQUEST_STATE_SQL}),
       st AS (${SHIFT_STAFFING_SQL})
       SELECT ev.*, count(st.id) AS shift_count, sum(st.needed) AS needed, sum(min(st.committed, st.needed)) AS committed,
         sum(st.open_requests) AS open_requests, sum(CASE WHEN st.committed < st.needed THEN 1 ELSE 0 END) AS shifts_short
       FROM ev LEFT JOIN st ON st.event_id = ev.id
       GROUP BY ev.id
       ORDER BY ev.starts_at, ev.name, ev.id`,
    )
    .all({ fromStart: `${from}T00:00`, toEnd: `${to}T23:59` }) as CalendarRow[];
  return rows.map((r) => ({ ...toEventRecord(r), staffing: summary(r) }));
}
