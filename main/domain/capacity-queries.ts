// Capaciteit: per day, which own officers are available, committed (to whose event) or absent, and which
// partner officers are committed to our events. Two indexed queries over the period, then grouping in memory.
import type { Db } from '../store/db';
import { stmt } from '../store/statements';
import { live } from '../store/live';
import type { CapacityCell, CapacityView, CapacityWork, PartnerCommitment } from '../../shared/api/coordination';
import { addDays, daysBetween } from '../../shared/rules/calendar';
import type { LocalIdentity } from '../log/log';
import { overlapping } from './overlap';
import { hoursFromRecord } from '../../shared/domain/officer';
import { keyedError } from '../../shared/i18n/error-messages';

/** A heat map wider than this is not readable, and would only cost time. */
export const MAX_CAPACITY_DAYS = 31 * 6;

interface WorkRow {
  officer_id: string;
  officer_name: string;
  employer: string;
  host: string;
  event_id: string;
  event_name: string;
  starts_at: string;
  ends_at: string;
}

interface AbsenceRow {
  officer_id: string;
  starts_at: string;
  ends_at: string;
}

export function capacity(db: Db, me: LocalIdentity, from: string, to: string): CapacityView {
  const span = daysBetween(from, to);
  if (span < 0) throw keyedError('invalid_argument', 'period.end_not_after', {}, [{ path: 'to', key: 'event.end.before_start' }]);
  if (span >= MAX_CAPACITY_DAYS) throw keyedError('invalid_argument', 'period.too_long', { max: MAX_CAPACITY_DAYS });
  const days = Array.from({ length: span + 1 }, (_, i) => addDays(from, i));
  const index = new Map(days.map((d, i) => [d, i]));
  const after = addDays(to, 1);

  const officers = stmt(
    db,
    "SELECT id, name, contract_hours, contract_tenths, json_extract(qualifications, '$.akteValidUntil') AS akte_valid_until FROM officers WHERE created = 1 AND employer = ? AND active = 1 ORDER BY name, id",
  ).all(me.gemeente) as { id: string; name: string; contract_hours: number; contract_tenths: number | null; akte_valid_until: string | null }[];
  const rows = officers.map((o) => ({
    id: o.id,
    name: o.name,
    contractHours: hoursFromRecord(o.contract_hours, o.contract_tenths),
    akteValidUntil: o.akte_valid_until ?? '',
    cells: days.map((): CapacityCell => ({ state: 'available', work: [], absent: false })),
  }));
  const byOfficer = new Map(rows.map((r) => [r.id, r]));

  // Planned work as the rules count it (see listAssignments), of our officers anywhere and of anyone on our events.
  // Our officers' live commitments are ours (made by the request's provider, for its own officer), so both
  // are a condition on the request: the period's requests between other gemeenten are passed before their
  // event and commitments are read (a region's July: 0.6 ms instead of 1.9, the same at ten times the history).
  const work = stmt(
    db, // CROSS JOIN keeps SQLite's order: the period's shifts first, then their requests and commitments by index.
    `SELECT c.officer_id, o.name AS officer_name, o.employer, r.host, e.id AS event_id, e.name AS event_name, s.starts_at, s.ends_at
       FROM shifts s
       CROSS JOIN requests r ON r.shift_id = s.id AND ${live.request()}
       CROSS JOIN commitments c ON c.request_id = r.id AND ${live.commitment()}
       JOIN events e ON e.id = s.event_id AND e.created = 1 AND ${live.event()}
       JOIN officers o ON o.id = c.officer_id AND ${live.ownOfficer()}
       WHERE ${live.shift()} AND s.starts_at >= :from AND s.starts_at < :after
         AND (r.provider = :me OR r.host = :me)
       ORDER BY s.starts_at, o.name, c.id`,
  ).all({ from, after, me: me.gemeente }) as WorkRow[];

  const partners: PartnerCommitment[][] = days.map(() => []);
  for (const w of work) {
    const day = index.get(w.starts_at.slice(0, 10));
    if (day === undefined) continue;
    const item: CapacityWork = { eventId: w.event_id, eventName: w.event_name, host: w.host, start: w.starts_at, end: w.ends_at };
    if (w.employer === me.gemeente) {
      const cell = byOfficer.get(w.officer_id)?.cells[day];
      if (cell) cell.work.push(item);
    } else {
      partners[day]!.push({ ...item, officerId: w.officer_id, officerName: w.officer_name, employer: w.employer });
    }
  }

  // By start within the period and the two weeks before it, plus the few longer absences (main/domain/overlap.ts).
  const absences = overlapping<AbsenceRow>(db, {
    table: 'absences',
    where: 'cancelled = 0 AND employer = :me',
    params: { me: me.gemeente },
    startBefore: { op: '<', value: `${after}T00:00` },
    endAfter: { op: '>', value: `${from}T00:00` },
  });
  for (const a of absences) {
    const row = byOfficer.get(a.officer_id);
    if (!row) continue;
    // Every day the absence overlaps; one ending at 00:00 does not take the next day.
    const first = a.starts_at.slice(0, 10) < from ? from : a.starts_at.slice(0, 10);
    const endDay = a.ends_at.slice(11) === '00:00' ? addDays(a.ends_at.slice(0, 10), -1) : a.ends_at.slice(0, 10);
    const last = endDay > to ? to : endDay;
    for (let d = first; d <= last; d = addDays(d, 1)) {
      const cell = row.cells[index.get(d) ?? -1];
      if (cell) cell.absent = true;
    }
  }

  // An officer whose akte is not valid on a day is not available then (rule 7), though planned work still shows.
  for (const row of rows) {
    row.cells.forEach((cell, i) => {
      cell.state = cell.absent ? 'absent' : cell.work.length > 0 ? 'committed' : days[i]! > row.akteValidUntil ? 'no_akte' : 'available';
    });
  }
  return { from, to, days, officers: rows.map(({ akteValidUntil: _akte, ...r }) => r), partners };
}
