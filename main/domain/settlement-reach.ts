// How far in time a change can move the blocking codes kept with the settlement lines (settlement-queries.ts),
// so that after a change only the lines near it are marked again, from the work near them, instead of the
// whole kept years of every officer it involves (a week of a whole region's work involves all of them).
//
// What a line's codes depend on, rule by rule (shared/rules/), for the officer's own work:
// - double booking, absence (6), shift length (1): the work that overlaps or adjoins the line's own work;
// - daily rest (2): the 24 hours after a dienst and the short rests of the 7 x 24 hours before it; which short
//   rest of a week is the one allowed is decided in time order (a chain), so an officer with a short rest
//   near the change, or a line marked for one, is marked again over all the kept years;
// - weekly rest (4): a line is in a run of failing periods when a period starting in the 7 days before it
//   fails, and a period depends on the 7 days before it and the 14 days after its start: 21 days;
// - a week over 60 h and the average over 4 weeks (5): the ISO weeks around it, 4 weeks and a week: 35 days;
// - the average over 16 weeks (5): 16 weeks and a week, 120 days. It can only change with an excess: when the
//   officer's work around the change and the kept lines adds up to no more than 48 h a week in every 16
//   weeks (counted generously, below), the short reach holds;
// - night work (1, 3): up to 52 weeks (long night shifts per 52 weeks): an officer with any shift that
//   touches 00:00-06:00 in the judged years (or a shift longer than a day) is marked again over all of them;
// - akte and qualifications (7, 8), agreement in force, cap and mandate (9, 10), risk class (11): the line's
//   own request, shift, event and officer, or its provider's month (the caps, kept whole as before).
// A line whose codes came from a finding with a longer reach (the 16-week average, night work, a chain) is
// marked: its officer is marked again over all the kept years. So a change whose records lie in [a, b]
// changes the codes only of the officer's lines in [a - reach, b + reach], and those are computed from the
// work in twice that reach around them, where whatever the window leaves out is further than the reach.
// A change that moves a record in time or in the plan (a shift's start, end or event, an absence's dates or
// officer, a request's shift, a commitment's request or officer) is not followed: its earlier place is not
// kept, so the officers involved are marked again over all the kept years (or the whole plan, below).
import type { Db } from '../store/db';
import { stmt } from '../store/statements';
import { MAX_SIXTEEN_WEEK_MINUTES } from '../../shared/rules/working-time';
import { addDays, MINUTE_MS } from '../../shared/rules/calendar';
import type { RuleCode } from '../../shared/rules/types';

/** Double booking, shift length, daily and weekly rest, a week and the 4-week average (see above). */
export const SHORT_REACH_DAYS = 36;
/** The 16-week average: 16 weeks and an ISO week. */
export const SIXTEEN_WEEK_REACH_DAYS = 16 * 7 + 8;
/** Codes whose findings reach further than their own window or chain: an officer with a line marked with one is marked again over the kept years. */
export const FAR_CODES: ReadonlySet<RuleCode> = new Set<RuleCode>([
  'ATW_SHIFT_TOO_LONG',
  'ATW_NIGHT_SHIFT_TOO_LONG',
  'ATW_REST_TOO_SHORT',
  'ATW_NIGHT_REST_TOO_SHORT',
  'ATW_NIGHT_SERIES_REST_TOO_SHORT',
  'ATW_NIGHT_SHIFTS_PER_16_WEEKS',
  'ATW_SIXTEEN_WEEK_AVERAGE',
]);
/** Codes decided in time order (which short rest of a week is the allowed one): found near a change, its officer is marked again over the kept years. */
export const CHAIN_CODES: ReadonlySet<string> = new Set(['ATW_REST_TOO_SHORT', 'ATW_NIGHT_REST_TOO_SHORT', 'ATW_NIGHT_SERIES_REST_TOO_SHORT']);

/** Days (both ends in, 'YYYY-MM-DD') of an officer's changed work, or 'all' for all of it. */
export type Span = { lo: string; hi: string } | 'all';

export interface Changed {
  /** The ids the entries touched, per kind ('officer.create' for a created officer). */
  touched: Map<string, Set<string>>;
  /** Shifts and absences an update gave other dates. */
  moved: Set<string>;
  /** An update moved a record in the plan (a shift to another event, a request to another shift, ...). */
  restructured: boolean;
}

/** The fields whose update moves a record in time (moved) or in the plan (restructured). */
const MOVES: Record<string, { time?: string[]; plan?: string[] }> = {
  shift: { time: ['start', 'end'], plan: ['event'] },
  absence: { time: ['start', 'end'], plan: ['officer'] },
  request: { plan: ['shift', 'provider'] },
  commitment: { plan: ['request', 'officer'] },
};

/** Notes what an op changes, for dirtyOf. */
export function noteOp(changed: Changed, op: { t: string; id: string; set?: unknown }): void {
  const dot = op.t.indexOf('.');
  const type = op.t.slice(0, dot);
  const kind = op.t === 'officer.create' ? 'officer.create' : type;
  let ids = changed.touched.get(kind);
  if (!ids) changed.touched.set(kind, (ids = new Set()));
  ids.add(op.id);
  if (op.t.slice(dot + 1) !== 'update' || typeof op.set !== 'object' || op.set === null) return;
  const fields = Object.keys(op.set);
  const moves = MOVES[type];
  if (moves?.time?.some((f) => fields.includes(f))) changed.moved.add(op.id);
  if (moves?.plan?.some((f) => fields.includes(f))) changed.restructured = true;
}

const json = (ids: Iterable<string>) => JSON.stringify([...ids]);

/** A commitment (in any state) on a shift a change touched, with its officer and the shift's times. */
export interface TouchedWork {
  commitment_id: string;
  officer_id: string;
  id: string;
  starts_at: string | null;
  ends_at: string | null;
}

/**
 * Every commitment (in any state) on the shifts a change touched, directly or through their request,
 * commitment, response or event: whose lines may change, and whose officers' work it is.
 */
export function touchedWork(db: Db, changed: Changed): TouchedWork[] {
  const ids = (kind: string) => json(changed.touched.get(kind) ?? []);
  return stmt(
    db,
    `WITH touched(id) AS (
       SELECT value FROM json_each(:shifts)
       UNION SELECT r.shift_id FROM requests r WHERE r.id IN (SELECT value FROM json_each(:requests))
       UNION SELECT r.shift_id FROM responses p CROSS JOIN requests r ON r.id = p.request_id WHERE p.id IN (SELECT value FROM json_each(:responses))
       UNION SELECT r.shift_id FROM commitments c CROSS JOIN requests r ON r.id = c.request_id WHERE c.id IN (SELECT value FROM json_each(:commitments))
       UNION SELECT s.id FROM shifts s WHERE s.event_id IN (SELECT value FROM json_each(:events)))
     SELECT c.id AS commitment_id, c.officer_id, s.id, s.starts_at, s.ends_at FROM touched t CROSS JOIN shifts s ON s.id = t.id CROSS JOIN requests r ON r.shift_id = s.id CROSS JOIN commitments c ON c.request_id = r.id`,
  ).all({ shifts: ids('shift'), requests: ids('request'), responses: ids('response'), commitments: ids('commitment'), events: ids('event') }) as TouchedWork[];
}

/**
 * Per officer whose work the change involves, the days of that work it touched (or 'all'); null when the
 * change moved records in the plan (then every involved officer is marked again over the kept years).
 */
export function spansOf(db: Db, changed: Changed, rows: readonly TouchedWork[]): Map<string, Span> | null {
  if (changed.restructured) return null;
  const ids = (kind: string) => json(changed.touched.get(kind) ?? []);
  const spans = new Map<string, Span>();
  const widen = (officer: string, from: string | null, to: string | null, moved = false) => {
    const was = spans.get(officer);
    if (was === 'all') return;
    if (moved || !from || !to) return void spans.set(officer, 'all');
    const lo = from.slice(0, 10);
    const hi = to.slice(0, 10);
    spans.set(officer, was ? { lo: lo < was.lo ? lo : was.lo, hi: hi > was.hi ? hi : was.hi } : { lo, hi });
  };
  for (const kind of ['officer', 'officer.create']) for (const id of changed.touched.get(kind) ?? []) spans.set(id, 'all');
  // Every officer committed on the shifts the change touched, with those shifts' days (touchedWork).
  for (const r of rows) widen(r.officer_id, r.starts_at, r.ends_at, changed.moved.has(r.id));
  const absences = stmt(db, 'SELECT id, officer_id, starts_at, ends_at FROM absences WHERE id IN (SELECT value FROM json_each(?))').all(ids('absence')) as {
    id: string;
    officer_id: string | null;
    starts_at: string | null;
    ends_at: string | null;
  }[];
  for (const a of absences) if (a.officer_id) widen(a.officer_id, a.starts_at, a.ends_at, changed.moved.has(a.id));
  // An agreement (or a signature of it) changes no one's work: only the kept lines lent under it (whether it
  // is in force, its cap, its mandate), so those lines' days.
  const agreements = stmt(db, 'SELECT value FROM json_each(:agreements) UNION SELECT agreement_id FROM signatures WHERE id IN (SELECT value FROM json_each(:signatures)) AND agreement_id IS NOT NULL')
    .pluck()
    .all({ agreements: ids('agreement'), signatures: ids('signature') }) as string[];
  if (agreements.length > 0) {
    const under = stmt(db, 'SELECT officer_id, start_date FROM settlement_lines WHERE agreement_id IN (SELECT value FROM json_each(?))').all(json(agreements)) as {
      officer_id: string;
      start_date: string;
    }[];
    for (const l of under) widen(l.officer_id, l.start_date, l.start_date);
  }
  return spans;
}

/** A shift that touches 00:00-06:00 or lasts more than a day (the partial index shifts_night_or_long, migration 025). */
export const NIGHT_OR_LONG = `(substr(s.starts_at, 12, 5) < '06:00' OR s.ends_at > date(substr(s.starts_at, 1, 10), '+1 day') || 'T00:00')`;

/** Of `officers`, those committed (in any state) on a shift starting in [from, toEnd) that touches the night or lasts more than a day. */
export function officersWithNightWork(db: Db, officers: Iterable<string>, from: string, toEnd: string): Set<string> {
  return new Set(
    stmt(
      db,
      `SELECT DISTINCT c.officer_id FROM shifts s INDEXED BY shifts_night_or_long CROSS JOIN requests r ON r.shift_id = s.id CROSS JOIN commitments c ON c.request_id = r.id
       WHERE s.created = 1 AND ${NIGHT_OR_LONG.replaceAll('s.', '')} AND s.starts_at >= ? AND s.starts_at < ? AND c.officer_id IN (SELECT value FROM json_each(?))`,
    )
      .pluck()
      .all(from, toEnd, json(officers)) as string[],
  );
}

/**
 * Of some officers, each with the days [lo, hi] it matters for, those whose work in those days may exceed
 * 48 h a week over some 16 weeks: counted generously (each assignment whole in the ISO week it starts in and
 * in the one it ends in, overlaps twice), so an officer left out cannot exceed it however the work is merged.
 */
export function officersNearSixteenWeekLimit(db: Db, ranges: Map<string, { lo: string; hi: string }>): Set<string> {
  const out = new Set<string>();
  if (ranges.size === 0) return out;
  let lo = '9999-12-31';
  let hi = '0000-01-01';
  for (const r of ranges.values()) {
    if (r.lo < lo) lo = r.lo;
    if (r.hi > hi) hi = r.hi;
  }
  // One pass over the shifts of those days (by shifts_by_start), not over each officer's history; withdrawn
  // and cancelled work too (more is still an upper bound).
  const rows = stmt(
    db,
    `SELECT c.officer_id, s.starts_at, s.ends_at FROM shifts s CROSS JOIN requests r ON r.shift_id = s.id CROSS JOIN commitments c ON c.request_id = r.id
     WHERE s.created = 1 AND s.starts_at >= ? AND s.starts_at < ? AND c.officer_id IN (SELECT value FROM json_each(?))`,
  ).all(lo, `${addDays(hi, 1)}T00:00`, json(ranges.keys())) as { officer_id: string; starts_at: string; ends_at: string }[];
  const weeks = new Map<string, Map<number, number>>();
  for (const r of rows) {
    const range = ranges.get(r.officer_id)!;
    const day = r.starts_at.slice(0, 10);
    if (day < range.lo || day > range.hi) continue;
    // Local times read as UTC, plus an hour for a change of the clocks.
    const minutes = Math.max(0, (Date.parse(`${r.ends_at}:00Z`) - Date.parse(`${r.starts_at}:00Z`)) / MINUTE_MS) + 60;
    let byWeek = weeks.get(r.officer_id);
    if (!byWeek) weeks.set(r.officer_id, (byWeek = new Map()));
    const first = weekIndex(day);
    const last = weekIndex(r.ends_at.slice(0, 10));
    for (let w = first; w <= Math.max(first, last); w++) byWeek.set(w, (byWeek.get(w) ?? 0) + minutes);
  }
  for (const [officer, byWeek] of weeks) {
    const sorted = [...byWeek.keys()].sort((a, b) => a - b);
    // The most any 16 consecutive weeks add up to.
    let sum = 0;
    let first = 0;
    for (const w of sorted) {
      sum += byWeek.get(w)!;
      while (sorted[first]! <= w - 16) sum -= byWeek.get(sorted[first++]!)!;
      if (sum > MAX_SIXTEEN_WEEK_MINUTES) {
        out.add(officer);
        break;
      }
    }
  }
  return out;
}

/** The number of the ISO week a day is in, counted from 1970-01-05 (a Monday). */
function weekIndex(date: string): number {
  return Math.floor((Date.parse(`${date}T00:00:00Z`) - Date.UTC(1970, 0, 5)) / (7 * 86_400_000));
}
