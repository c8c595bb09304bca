// The plan as the rules see it, limited to some work: the violations of a few records without evaluating every
// officer of the region. Used where only part of the plan changed: the import preview (the violations of the
// records a file touches, main/exchange/apply.ts through the check domain registers) and the settlement's
// blocking marks kept per line (settlement-queries.ts).
//
// Which violations a part of the plan decides on its own: the rules about one officer (1-8: rest, hours,
// nights, absences, double bookings, akte and qualifications) need all of that officer's work in the window;
// a koppel (8) and a risk class (9) need every officer of the shift or event; a cap (9) every lent officer of
// the provider in that month; a request's agreement and mandate (7, 10) the request, its shift and agreement.
// So the view holds: the officers involved with all their work and absences in the window, every assignment
// on the events of that work, and every lent assignment of the same provider in the same months. Violations
// of the other officers pulled in for a cap or an event lack their other work: callers keep only what names
// the involved officers' records (violationsOfRecords) or take only the codes that are whole (the caps).
// The tests hold both to the evaluation of the whole plan (test/unit/main/domain/work-view.test.ts and
// period-queries.test.ts).
import type { Db } from '../store/db';
import { stmt } from '../store/statements';
import { ASSIGNMENT_COLUMNS, LIVE_ASSIGNMENTS_FROM, LIVE_COMMITMENT_WHERE } from '../store/live';
import type { Assignment, PlanView, Violation } from '../../shared/rules/types';
import { evaluatePlan } from '../../shared/rules';
import { epochToLocal } from '../../shared/time/local';
import { toEventRecord, type EventRow } from './events';
import { toShift } from './shifts';
import { listOfficers } from './officers';
import { listAgreements } from './agreements';
import { listRequests, listViolations, scopeAround, toAssignment, type AssignmentRow, type PlanScope } from './plan-view';

const json = (ids: Iterable<string>) => JSON.stringify([...ids]);

/**
 * The officers whose work some records involve, whatever their kind: the officers themselves, the officer of
 * an absence, and the officers committed (in any state, so a withdrawal counts) through a commitment, a
 * request, a shift, an event or an agreement among them.
 */
export function involvedOfficers(db: Db, recordIds: Iterable<string>): Set<string> {
  const ids = json(recordIds);
  const rows = stmt(
    db,
    `SELECT o.id FROM officers o WHERE o.id IN (SELECT value FROM json_each(:ids))
     UNION SELECT a.officer_id FROM absences a WHERE a.id IN (SELECT value FROM json_each(:ids))
     UNION SELECT c.officer_id FROM commitments c WHERE c.id IN (SELECT value FROM json_each(:ids))
     UNION SELECT c.officer_id FROM commitments c WHERE c.request_id IN (SELECT value FROM json_each(:ids))
     UNION SELECT c.officer_id FROM requests r CROSS JOIN commitments c ON c.request_id = r.id WHERE r.shift_id IN (SELECT value FROM json_each(:ids))
     UNION SELECT c.officer_id FROM shifts s CROSS JOIN requests r ON r.shift_id = s.id CROSS JOIN commitments c ON c.request_id = r.id WHERE s.event_id IN (SELECT value FROM json_each(:ids))`,
  )
    .pluck()
    .all({ ids }) as string[];
  // Requests have no index by agreement: scanned only when an agreement is among the records.
  const agreements = stmt(db, 'SELECT id FROM agreements WHERE id IN (SELECT value FROM json_each(?))').pluck().all(ids) as string[];
  if (agreements.length > 0) {
    rows.push(
      ...(stmt(db, 'SELECT DISTINCT c.officer_id FROM requests r CROSS JOIN commitments c ON c.request_id = r.id WHERE r.agreement_id IN (SELECT value FROM json_each(?))')
        .pluck()
        .all(JSON.stringify(agreements)) as string[]),
    );
  }
  return new Set(rows);
}

/** What else the view must hold: records whose own violations are asked for (requests, shifts, events, agreements) and cap groups. */
export interface WorkExtra {
  /** Requests, shifts, events and agreements whose request-level violations (7, 10) and shift-level ones must be whole. */
  recordIds?: Iterable<string>;
  /** Cap groups to hold whole, as `provider|YYYY-MM` (a commitment that left a month still changes its cap). */
  capGroups?: Iterable<string>;
  /** Hold whole only the cap groups of the officers' work starting in these months ('YYYY-MM', both ends in); default all. */
  capMonths?: { from: string; to: string };
}

export interface WorkView {
  view: PlanView;
  /** `provider|YYYY-MM` of the cap groups the view holds whole. */
  capGroups: Set<string>;
}

function windowArgs(scope: PlanScope): { from: string; toEnd: string } {
  return { from: scope.from ?? '0000-01-01', toEnd: scope.to ? (scope.to.length === 10 ? `${scope.to}T24:00` : scope.to) : '9999-12-31T24:00' };
}

const nextMonth = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${String(y + 1).padStart(4, '0')}-01` : `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}`;
};

/**
 * The plan view of the work of `officerIds` with shifts starting in `scope`, plus what the rules about
 * koppels, risk classes, caps and requests need to judge that work whole (see the top of this file).
 */
export function buildWorkView(db: Db, scope: PlanScope, officerIds: Iterable<string>, extra: WorkExtra = {}): WorkView {
  const { from, toEnd } = windowArgs(scope);
  const officers = json(officerIds);
  const records = json(extra.recordIds ?? []);
  const byId = new Map<string, AssignmentRow>();
  const add = (rows: AssignmentRow[]) => {
    for (const r of rows) byId.set(r.commitment_id, r);
  };
  // The officers' own work (by commitments_by_officer).
  add(
    stmt(
      db,
      `SELECT ${ASSIGNMENT_COLUMNS} FROM ${LIVE_ASSIGNMENTS_FROM}
       WHERE ${LIVE_COMMITMENT_WHERE} AND c.officer_id IN (SELECT value FROM json_each(?)) AND s.starts_at >= ? AND s.starts_at < ?`,
    ).all(officers, from, toEnd) as AssignmentRow[],
  );
  // Every assignment on the events of that work and of the records asked about (koppels, risk class).
  const eventIds = new Set(
    stmt(
      db,
      `SELECT s.event_id FROM shifts s WHERE s.id IN (SELECT value FROM json_each(:shifts))
       UNION SELECT e.id FROM events e WHERE e.id IN (SELECT value FROM json_each(:records))
       UNION SELECT s.event_id FROM shifts s WHERE s.id IN (SELECT value FROM json_each(:records))
       UNION SELECT s.event_id FROM requests r CROSS JOIN shifts s ON s.id = r.shift_id WHERE r.id IN (SELECT value FROM json_each(:records))`,
    )
      .pluck()
      .all({ shifts: json(new Set([...byId.values()].map((a) => a.shift_id))), records }) as string[],
  );
  add(
    stmt(
      db,
      `SELECT ${ASSIGNMENT_COLUMNS} FROM shifts s0 CROSS JOIN ${LIVE_ASSIGNMENTS_FROM.replace('JOIN shifts s ON s.id = r.shift_id', 'JOIN shifts s ON s.id = s0.id AND s.id = r.shift_id')}
       WHERE s0.event_id IN (SELECT value FROM json_each(?)) AND s0.starts_at >= ? AND s0.starts_at < ? AND ${LIVE_COMMITMENT_WHERE}`,
    ).all(json(eventIds), from, toEnd) as AssignmentRow[],
  );
  // Caps: every lent assignment of the same provider in the same month (by shifts_by_start).
  const capGroups = new Set(extra.capGroups ?? []);
  const months = extra.capMonths;
  for (const a of byId.values()) {
    const month = a.starts_at.slice(0, 7);
    if (a.provider !== a.host && (!months || (month >= months.from && month <= months.to))) capGroups.add(`${a.provider}|${month}`);
  }
  const capStmt = stmt(
    db,
    `SELECT ${ASSIGNMENT_COLUMNS} FROM shifts s0 CROSS JOIN ${LIVE_ASSIGNMENTS_FROM.replace('JOIN shifts s ON s.id = r.shift_id', 'JOIN shifts s ON s.id = s0.id AND s.id = r.shift_id')}
     WHERE s0.created = 1 AND s0.starts_at >= ? AND s0.starts_at < ? AND r.provider = ? AND r.host != r.provider AND ${LIVE_COMMITMENT_WHERE}`,
  );
  for (const group of capGroups) {
    const [provider, month] = group.split('|') as [string, string];
    const lo = `${month}-01` > from ? `${month}-01` : from;
    const hi = `${nextMonth(month)}-01` < toEnd ? `${nextMonth(month)}-01` : toEnd;
    add(capStmt.all(lo, hi, provider) as AssignmentRow[]);
  }
  const assignments = [...byId.values()]
    .sort((a, b) => (a.starts_at < b.starts_at ? -1 : a.starts_at > b.starts_at ? 1 : a.commitment_id < b.commitment_id ? -1 : a.commitment_id > b.commitment_id ? 1 : 0))
    .map(toAssignment);

  // The shifts of that work and of the records asked about, their requests, and their events.
  const shiftIds = json(new Set(assignments.map((a) => a.shiftId)));
  const shifts = (
    stmt(
      db,
      `SELECT * FROM shifts WHERE created = 1 AND starts_at >= :from AND starts_at < :toEnd AND (
         id IN (SELECT value FROM json_each(:shifts)) OR id IN (SELECT value FROM json_each(:records))
         OR event_id IN (SELECT value FROM json_each(:records)) OR id IN (SELECT shift_id FROM requests WHERE id IN (SELECT value FROM json_each(:records))))
       ORDER BY starts_at, id`,
    ).all({ from, toEnd, shifts: shiftIds, records }) as Parameters<typeof toShift>[0][]
  ).map(toShift);
  const inView = json(shifts.map((s) => s.id));
  const requestIds = stmt(db, 'SELECT r.id FROM requests r WHERE r.shift_id IN (SELECT value FROM json_each(?))').pluck().all(inView) as string[];
  // The requests under an agreement asked about (its agreement in force, rule 7), with their shifts: found by
  // scanning the requests, so only when an agreement is among the records (the caps of its lent officers are
  // whole already: those officers are involved, involvedOfficers).
  const agreementIds = stmt(db, 'SELECT id FROM agreements WHERE id IN (SELECT value FROM json_each(?))').pluck().all(records) as string[];
  if (agreementIds.length > 0) {
    const under = stmt(
      db,
      'SELECT r.id, r.shift_id FROM requests r CROSS JOIN shifts s ON s.id = r.shift_id WHERE r.agreement_id IN (SELECT value FROM json_each(?)) AND s.starts_at >= ? AND s.starts_at < ?',
    ).all(json(agreementIds), from, toEnd) as { id: string; shift_id: string }[];
    const known = new Set(shifts.map((s) => s.id));
    const missing = [...new Set(under.map((u) => u.shift_id))].filter((id) => !known.has(id));
    if (missing.length > 0) {
      shifts.push(...(stmt(db, 'SELECT * FROM shifts WHERE created = 1 AND id IN (SELECT value FROM json_each(?))').all(json(missing)) as Parameters<typeof toShift>[0][]).map(toShift));
      shifts.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    }
    requestIds.push(...under.map((u) => u.id));
  }
  const requests = listRequests(db, { ...scope, ids: [...new Set(requestIds)] });
  const events = (
    stmt(db, 'SELECT * FROM events WHERE id IN (SELECT DISTINCT value FROM json_each(?)) ORDER BY starts_at, name, id').all(json(new Set(shifts.map((s) => s.eventId)))) as EventRow[]
  ).map(toEventRecord);
  const absences = (
    stmt(
      db,
      `SELECT id, employer, officer_id, starts_at, ends_at, cancelled FROM absences
       WHERE created = 1 AND officer_id IN (SELECT value FROM json_each(?)) AND ends_at >= ? AND starts_at < ? ORDER BY starts_at, id`,
    ).all(officers, from.slice(0, 10), toEnd) as { id: string; employer: string; officer_id: string; starts_at: string; ends_at: string; cancelled: number }[]
  ).map((a) => ({ id: a.id, employer: a.employer, officerId: a.officer_id, start: a.starts_at, end: a.ends_at, cancelled: a.cancelled === 1 }));
  return {
    view: { officers: listOfficers(db), events, shifts, requests, assignments: assignments satisfies Assignment[], absences, agreements: listAgreements(db) },
    capGroups,
  };
}

/**
 * The violations that name one of `recordIds` in the work from `today` on (with the 52 weeks before it), as
 * listViolations(db) would list them filtered to those records, without evaluating the rest of the plan.
 */
export function violationsOfRecords(db: Db, recordIds: ReadonlySet<string>, today = epochToLocal(Date.now()).slice(0, 10)): Violation[] {
  if (recordIds.size === 0) return [];
  const touches = (v: Violation) => v.records.some((r) => recordIds.has(r));
  const officers = involvedOfficers(db, recordIds);
  // A file that involves a good part of the officers (a whole region): the whole plan at once is cheaper.
  if (officers.size * 4 >= (stmt(db, 'SELECT count(*) FROM officers WHERE created = 1').pluck().get() as number)) return listViolations(db, today).filter(touches);
  return scopedViolations(db, recordIds, officers, today);
}

/** violationsOfRecords always from the work of the officers involved (the tests hold it to the whole plan for any set). */
export function scopedViolations(db: Db, recordIds: ReadonlySet<string>, officers = involvedOfficers(db, recordIds), today = epochToLocal(Date.now()).slice(0, 10)): Violation[] {
  const { view } = buildWorkView(db, { from: scopeAround(today, today).from }, officers, { recordIds });
  return evaluatePlan(view, { today }).filter((v) => v.records.some((r) => recordIds.has(r)));
}
