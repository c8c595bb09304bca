// The merged plan as the rules and the settlement see it: every gemeente's records this copy knows.
import type { Db } from '../store/db';
import { stmt } from '../store/statements';
import { ASSIGNMENT_COLUMNS, live, LIVE_ASSIGNMENTS_FROM, LIVE_COMMITMENT_WHERE } from '../store/live';
import type { RequestRecord, RequestStatus } from '../../shared/domain/request';
import type { Assignment, PlanView, Violation } from '../../shared/rules/types';
import type { EventRecord } from '../../shared/domain/event';
import type { ShiftRecord } from '../../shared/domain/shift';
import { evaluatePlan, RULE_LOOKAHEAD_DAYS, RULE_LOOKBACK_DAYS } from '../../shared/rules';
import { epochToLocal } from '../../shared/time/local';
import { listEvents, toEventRecord, type EventRow } from './events';
import type { AbsenceRow as OfficerAbsenceRow } from './officers';
import { listShifts, toShift } from './shifts';
import { listOfficers } from './officers';
import { listAgreements } from './agreements';
import { overlapping } from './overlap';

interface RequestRow {
  id: string;
  host: string;
  shift_id: string;
  provider: string;
  agreement_id: string | null;
  count: number;
  note: string;
  withdrawn: number;
  approved_by: string | null;
  approved_at: string | null;
  declined: number | null;
  reason: string | null;
  committed: number;
  shift_cancelled: number | null;
  event_status: string | null;
}

/** Mandate checks need the agreement; escalation.needed is filled in by the caller that knows the rules. */
/** A time window on shift start (Amsterdam local 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:mm'); open ends allowed. */
export interface PlanScope {
  from?: string;
  to?: string;
}

function windowSql(column: string, scope: PlanScope, args: string[]): string[] {
  const where: string[] = [];
  if (scope.from) {
    where.push(`${column} >= ?`);
    args.push(scope.from);
  }
  if (scope.to) {
    where.push(`${column} < ?`);
    args.push(scope.to.length === 10 ? `${scope.to}T24:00` : scope.to);
  }
  return where;
}

export function listRequests(db: Db, filter: { shiftId?: string; provider?: string; host?: string; ids?: readonly string[] } & PlanScope = {}): RequestRecord[] {
  const where = ['r.created = 1'];
  const args: string[] = [];
  where.push(...windowSql('s.starts_at', filter, args));
  if (filter.ids) {
    // Only these requests (the plan view of some work, main/domain/work-view.ts).
    where.push('r.id IN (SELECT value FROM json_each(?))');
    args.push(JSON.stringify(filter.ids));
  }
  for (const [column, value] of [
    ['r.shift_id', filter.shiftId],
    ['r.provider', filter.provider],
    ['r.host', filter.host],
  ] as const) {
    if (value === undefined) continue;
    where.push(`${column} = ?`);
    args.push(value);
  }
  const rows = stmt(
    db,
    `SELECT r.*, rs.declined, rs.reason, s.cancelled AS shift_cancelled, e.status AS event_status,
         (SELECT count(*) FROM commitments c JOIN officers o ON o.id = c.officer_id AND o.employer = r.provider
            WHERE c.request_id = r.id AND ${live.commitment()}) AS committed
       FROM requests r
       LEFT JOIN responses rs ON rs.request_id = r.id AND rs.provider = r.provider AND rs.created = 1
       LEFT JOIN shifts s ON s.id = r.shift_id
       LEFT JOIN events e ON e.id = s.event_id
       WHERE ${where.join(' AND ')} ORDER BY s.starts_at, r.id`,
  ).all(...args) as RequestRow[];
  return rows.map((r) => {
    const cancelled = r.shift_cancelled === 1 || r.event_status === 'afgelast';
    const declined = r.declined === 1;
    const status: RequestStatus = r.withdrawn === 1 ? 'withdrawn' : cancelled ? 'cancelled' : r.committed >= r.count ? 'committed' : declined ? 'declined' : r.committed > 0 ? 'partly' : 'open';
    return {
      id: r.id,
      host: r.host,
      shiftId: r.shift_id,
      provider: r.provider,
      agreementId: r.agreement_id,
      count: r.count,
      note: r.note,
      withdrawn: r.withdrawn === 1,
      escalation: { needed: false, role: null, approvedBy: r.approved_by, approvedAt: r.approved_at },
      answer: declined ? { status: 'declined' as const, reason: r.reason ?? '' } : null,
      committed: r.committed,
      status,
    };
  });
}

export interface AssignmentRow {
  commitment_id: string;
  officer_id: string;
  shift_id: string;
  request_id: string;
  provider: string;
  host: string;
  agreement_id: string | null;
  starts_at: string;
  ends_at: string;
  reasons: string | null;
}

/**
 * Officers actually planned: commitments that are not withdrawn, made by the request's provider for its own
 * officer, on a request not withdrawn, for a shift not cancelled of an event not called off.
 */
export function listAssignments(db: Db, scope: PlanScope & { lentOnly?: boolean; commitmentIds?: readonly string[] } = {}): Assignment[] {
  const args: string[] = [];
  const window = windowSql('s.starts_at', scope, args);
  if (scope.commitmentIds) {
    // Only these commitments (the settlement's lines kept up to date, see settlement-queries.ts).
    window.push('c.id IN (SELECT value FROM json_each(?))');
    args.push(JSON.stringify(scope.commitmentIds));
  }
  // With a window, SQLite drives from shifts_by_start (migration 005) instead of scanning every commitment.
  const rows = stmt(
    db,
    `SELECT ${ASSIGNMENT_COLUMNS}
       FROM ${LIVE_ASSIGNMENTS_FROM}
       WHERE ${LIVE_COMMITMENT_WHERE} ${window.map((w) => `AND ${w}`).join(' ')} ${scope.lentOnly ? 'AND r.provider != r.host' : ''}
       ORDER BY s.starts_at, c.id`,
  ).all(...args) as AssignmentRow[];
  return rows.map(toAssignment);
}

export function toAssignment(r: AssignmentRow): Assignment {
  return {
    commitmentId: r.commitment_id,
    officerId: r.officer_id,
    shiftId: r.shift_id,
    requestId: r.request_id,
    provider: r.provider,
    host: r.host,
    agreementId: r.agreement_id,
    start: r.starts_at,
    end: r.ends_at,
    reasons: r.reasons ? (JSON.parse(r.reasons) as Record<string, string>) : {},
  };
}

type AbsenceRow = Omit<OfficerAbsenceRow, 'reason'>;

const toAbsence = (a: AbsenceRow): PlanView['absences'][number] => ({ id: a.id, employer: a.employer, officerId: a.officer_id, start: a.starts_at, end: a.ends_at, cancelled: a.cancelled === 1 });

export function listAllAbsences(db: Db): PlanView['absences'] {
  return (stmt(db, 'SELECT id, employer, officer_id, starts_at, ends_at, cancelled FROM absences WHERE created = 1').all() as AbsenceRow[]).map(toAbsence);
}

/** Rows of a table with a start and an end that overlap the days of the scope (main/domain/overlap.ts). */
function inScope<T>(db: Db, scope: PlanScope, table: 'absences' | 'events', orderBy: string): T[] {
  const { toEnd } = scopeBounds(scope);
  return overlapping<T>(db, {
    table,
    startBefore: { op: '<', value: toEnd },
    ...(scope.from ? { endAfter: { op: '>=' as const, value: scope.from.slice(0, 10) } } : {}),
    orderBy,
  });
}

/** Absences on the days of the scope or a superset of them (by absences_by_start and absences_long), by start. */
function absencesOverlapping(db: Db, scope: PlanScope): PlanView['absences'] {
  return inScope<AbsenceRow>(db, scope, 'absences', 'starts_at, id').map(toAbsence);
}

/**
 * The plan the rules and the settlement see. With a scope, only shifts (and their requests and assignments)
 * starting in that window, and events and absences overlapping it: rules look at most 52 weeks around a
 * shift, so a window of the work in question plus 52 weeks gives the same verdicts at a fraction of the
 * cost of five years of history. Officers and agreements are always all of them.
 */
export function buildPlanView(db: Db, scope: PlanScope = {}): PlanView {
  const scoped = scope.from !== undefined || scope.to !== undefined;
  const overlaps = <T extends { start: string; end: string }>(rows: T[]) =>
    scoped ? rows.filter((r) => (!scope.to || r.start.slice(0, 10) <= scope.to.slice(0, 10)) && (!scope.from || r.end.slice(0, 10) >= scope.from.slice(0, 10))) : rows;
  return {
    officers: listOfficers(db),
    events: scoped ? eventsOverlapping(db, scope) : listEvents(db),
    shifts: scoped ? shiftsStarting(db, scope) : listShifts(db),
    requests: listRequests(db, scope),
    assignments: listAssignments(db, scope),
    absences: scoped ? overlaps(absencesOverlapping(db, scope)) : listAllAbsences(db),
    agreements: listAgreements(db),
  };
}

/** Bounds of a scope as SQL text values: from as given, to up to the end of its day. */
function scopeBounds(scope: PlanScope): { from: string; toEnd: string } {
  return { from: scope.from ?? '0000-01-01', toEnd: scope.to ? `${scope.to.slice(0, 10)}T24:00` : '9999-12-31T24:00' };
}

/** Shifts starting in the scope (by shifts_by_start), in the order of listShifts. */
function shiftsStarting(db: Db, scope: PlanScope): ShiftRecord[] {
  const { from, toEnd } = scopeBounds(scope);
  const rows = stmt(db, 'SELECT * FROM shifts WHERE created = 1 AND starts_at >= ? AND starts_at < ? ORDER BY starts_at, id').all(from, toEnd) as Parameters<typeof toShift>[0][];
  return rows.map(toShift);
}

/** Events overlapping the days of the scope (by events_by_span and events_long), in the order of listEvents. */
function eventsOverlapping(db: Db, scope: PlanScope): EventRecord[] {
  return inScope<EventRow>(db, scope, 'events', 'starts_at, name, id').map(toEventRecord);
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * The window the rules need around some work: 52 weeks before its start to 52 weeks after its end (the
 * longest period a rule counts over is the 22 long night shifts per 52 weeks; the 16-week ones fit inside).
 */
export function scopeAround(start: string, end: string): PlanScope {
  const shift = (date: string, days: number) => new Date(Date.parse(`${date.slice(0, 10)}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
  return { from: shift(start, -RULE_LOOKBACK_DAYS), to: shift(end, RULE_LOOKAHEAD_DAYS) };
}

/**
 * Violations of work from `from` (default: today) on. History cannot be fixed, so it is not reported, but
 * the 52 weeks before still count for rest, working hours and night shifts.
 */
export function listViolations(db: Db, from?: string, to?: string): Violation[] {
  const today = from ?? epochToLocal(Date.now()).slice(0, 10);
  const scope = scopeAround(today, to ?? today);
  return evaluatePlan(buildPlanView(db, { from: scope.from, ...(to ? { to: scope.to } : {}) }), { today });
}
