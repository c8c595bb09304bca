// The Evenement screen's query: one event with its shifts, each with its committed officers (of any
// gemeente this copy has heard from) and its requests, in a handful of statements whatever the shift count.
import type { Db } from '../store/db';
import { stmt } from '../store/statements';
import { ASSIGNMENT_COLUMNS, live, LIVE_ASSIGNMENTS_FROM, LIVE_COMMITMENT_WHERE } from '../store/live';
import type { EventPlan, ShiftOfficer, ShiftPlan, StaffingSummary } from '../../shared/api/planning';
import type { Assignment, PlanView, Violation } from '../../shared/rules/types';
import { evaluatePlan, RULE_LOOKAHEAD_DAYS, RULE_LOOKBACK_DAYS } from '../../shared/rules';
import type { RequestRecord } from '../../shared/domain/request';
import { toShift } from './shifts';
import { listAllAbsences, listRequests, toAssignment, type AssignmentRow as PlanAssignmentRow } from './plan-view';
import { listAgreements } from './agreements';
import { listOfficers } from './officers';
import { withEscalation } from './escalation';

export { toEventRecord, type EventRow } from './events';
import { toEventRecord, type EventRow } from './events';
import { keyedError } from '../../shared/i18n/error-messages';

interface OfficerOnShiftRow {
  commitment_id: string;
  officer_id: string;
  name: string;
  employer: string;
  shift_id: string;
}

export function eventPlan(db: Db, id: string): EventPlan {
  const row = stmt(db, 'SELECT * FROM events WHERE id = ? AND created = 1').get(id) as EventRow | undefined;
  if (!row) throw keyedError('not_found', 'event.unknown', { id });
  const event = toEventRecord(row);
  const shifts = (stmt(db, 'SELECT * FROM shifts WHERE created = 1 AND event_id = ? ORDER BY starts_at, ends_at, id').all(id) as Parameters<typeof toShift>[0][]).map(toShift);
  const shiftIds = new Set(shifts.map((s) => s.id));
  const requests = requestsOf(db, shiftIds);
  // The mandate check needs the agreements and these shifts only.
  const slice: PlanView = { officers: [], events: [event], shifts, requests, assignments: [], absences: [], agreements: listAgreements(db) };
  const officers = stmt(
    db,
    `SELECT c.id AS commitment_id, c.officer_id, o.name, o.employer, r.shift_id
       FROM commitments c
       JOIN requests r ON r.id = c.request_id AND ${live.request()} AND r.provider = c.provider
       JOIN officers o ON o.id = c.officer_id AND ${live.ownOfficer()}
       JOIN shifts s ON s.id = r.shift_id AND s.event_id = ?
       WHERE ${LIVE_COMMITMENT_WHERE}
       ORDER BY o.employer, o.name, c.id`,
  ).all(id) as OfficerOnShiftRow[];
  const byShift = new Map<string, ShiftOfficer[]>();
  for (const o of officers) {
    const list = byShift.get(o.shift_id) ?? [];
    list.push({ commitmentId: o.commitment_id, officerId: o.officer_id, name: o.name, employer: o.employer });
    byShift.set(o.shift_id, list);
  }
  const plans: ShiftPlan[] = shifts.map((s) => {
    const on = byShift.get(s.id) ?? [];
    return { ...s, committed: on.length, officers: on, requests: requests.filter((r) => r.shiftId === s.id).map((r) => withEscalation(db, r, slice.agreements)) };
  });
  return { event, shifts: plans, staffing: staffingOf(plans) };
}

export function staffingOf(shifts: readonly ShiftPlan[]): StaffingSummary {
  const out: StaffingSummary = { shifts: 0, needed: 0, committed: 0, openRequests: 0, shiftsShort: 0 };
  for (const s of shifts) {
    if (s.cancelled) continue;
    out.shifts++;
    out.needed += s.needed;
    out.committed += Math.min(s.committed, s.needed);
    if (s.committed < s.needed) out.shiftsShort++;
    out.openRequests += s.requests.filter((r) => r.status === 'open' || r.status === 'partly').length;
  }
  return out;
}

function requestsOf(db: Db, shiftIds: Iterable<string>): RequestRecord[] {
  // One indexed query per shift: an event has a handful of shifts, rarely hundreds.
  return [...shiftIds].flatMap((shiftId) => listRequests(db, { shiftId }));
}

interface AssignmentRow extends PlanAssignmentRow {
  event_id: string;
}

const DAY_MS = 86_400_000;
const dayShift = (local: string, days: number) => new Date(Date.parse(`${local.slice(0, 10)}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * The rule violations that concern one event, without evaluating the whole region: the event's assignments,
 * and the other work of its officers within 52 weeks either side (enough for every rule: the longest counts
 * 22 long night shifts per 52 weeks). Caps are checked on this slice only; the full list (violations.list) counts every month's hours.
 */
export function eventViolations(db: Db, id: string): Violation[] {
  const plan = eventPlan(db, id);
  const officerIds = [...new Set(plan.shifts.flatMap((s) => s.officers.map((o) => o.officerId)))];
  const from = `${dayShift(plan.event.start, -RULE_LOOKBACK_DAYS)}T00:00`;
  const to = `${dayShift(plan.event.end, RULE_LOOKAHEAD_DAYS)}T23:59`;
  const rows = stmt(
    db,
    `SELECT ${ASSIGNMENT_COLUMNS}, s.event_id
       FROM ${LIVE_ASSIGNMENTS_FROM}
       WHERE ${LIVE_COMMITMENT_WHERE}
         AND (s.event_id = :event OR (c.officer_id IN (SELECT value FROM json_each(:officers)) AND s.starts_at <= :to AND s.ends_at >= :from))`,
  ).all({ event: id, officers: JSON.stringify(officerIds), from, to }) as AssignmentRow[];
  const assignments: Assignment[] = rows.map(toAssignment);
  const otherShiftIds = [...new Set(rows.filter((r) => r.event_id !== id).map((r) => r.shift_id))];
  const otherShifts = otherShiftIds.length
    ? (stmt(db, 'SELECT * FROM shifts WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(otherShiftIds)) as Parameters<typeof toShift>[0][]).map(toShift)
    : [];
  const eventIds = [...new Set([id, ...otherShifts.map((s) => s.eventId)])];
  const events = (stmt(db, 'SELECT * FROM events WHERE created = 1 AND id IN (SELECT value FROM json_each(?))').all(JSON.stringify(eventIds)) as EventRow[]).map(toEventRecord);
  const view: PlanView = {
    officers: listOfficers(db),
    events,
    shifts: [...plan.shifts, ...otherShifts],
    requests: [...plan.shifts.flatMap((s) => s.requests), ...requestsOf(db, otherShiftIds)],
    assignments,
    absences: listAllAbsences(db),
    agreements: listAgreements(db),
  };
  const ids = new Set([id, ...plan.shifts.flatMap((s) => [s.id, ...s.requests.map((r) => r.id), ...s.officers.map((o) => o.commitmentId)])]);
  return evaluatePlan(view).filter((v) => v.records.some((r) => ids.has(r)));
}
