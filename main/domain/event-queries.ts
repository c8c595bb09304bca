// The Evenement screen's query: one event with its shifts, each with its committed officers (of any
// gemeente this copy has heard from) and its requests, in a handful of statements whatever the shift count.
import type { Db } from '../store/db';
import { ApiError } from '../../shared/api/errors';
import type { EventRecord } from '../../shared/domain/event';
import type { EventPlan, ShiftOfficer, ShiftPlan, StaffingSummary } from '../../shared/api/planning';
import type { PlanView } from '../../shared/rules/types';
import { hlcWallIso } from '../log/hlc';
import { toShift } from './shifts';
import { listRequests } from './plan-view';
import { listAgreements } from './agreements';
import { withEscalation } from './requests';

export interface EventRow {
  id: string;
  host: string;
  name: string;
  place: string;
  starts_at: string;
  ends_at: string;
  risk: EventRecord['risk'];
  visitors: number | null;
  status: EventRecord['status'];
  stamps: string;
}

export function toEventRecord(row: EventRow): EventRecord {
  const stamps = Object.values(JSON.parse(row.stamps) as Record<string, string>);
  const latest = stamps.sort().at(-1) ?? '';
  return {
    id: row.id,
    host: row.host,
    name: row.name,
    place: row.place,
    start: row.starts_at,
    end: row.ends_at,
    risk: row.risk,
    visitors: row.visitors,
    status: row.status,
    updatedAt: hlcWallIso(latest.split(' ')[0] ?? ''),
  };
}

interface OfficerOnShiftRow {
  commitment_id: string;
  officer_id: string;
  name: string;
  employer: string;
  shift_id: string;
}

export function eventPlan(db: Db, id: string): EventPlan {
  const row = db.prepare('SELECT * FROM events WHERE id = ? AND created = 1').get(id) as EventRow | undefined;
  if (!row) throw new ApiError('not_found', `Evenement ${id} bestaat niet in deze kopie.`);
  const event = toEventRecord(row);
  const shifts = (db.prepare('SELECT * FROM shifts WHERE created = 1 AND event_id = ? ORDER BY starts_at, ends_at, id').all(id) as Parameters<typeof toShift>[0][]).map(toShift);
  const shiftIds = new Set(shifts.map((s) => s.id));
  // Only the host asks for its shifts, so its requests are all there can be.
  const requests = listRequests(db, { host: event.host }).filter((r) => shiftIds.has(r.shiftId));
  // The mandate check needs the agreements and these shifts only.
  const slice: PlanView = { officers: [], events: [event], shifts, requests, assignments: [], absences: [], agreements: listAgreements(db) };
  const officers = db
    .prepare(
      `SELECT c.id AS commitment_id, c.officer_id, o.name, o.employer, r.shift_id
       FROM commitments c
       JOIN requests r ON r.id = c.request_id AND r.created = 1 AND r.withdrawn = 0 AND r.provider = c.provider
       JOIN officers o ON o.id = c.officer_id AND o.employer = c.provider
       JOIN shifts s ON s.id = r.shift_id AND s.event_id = ?
       WHERE c.created = 1 AND c.withdrawn = 0
       ORDER BY o.employer, o.name, c.id`,
    )
    .all(id) as OfficerOnShiftRow[];
  const byShift = new Map<string, ShiftOfficer[]>();
  for (const o of officers) {
    const list = byShift.get(o.shift_id) ?? [];
    list.push({ commitmentId: o.commitment_id, officerId: o.officer_id, name: o.name, employer: o.employer });
    byShift.set(o.shift_id, list);
  }
  const plans: ShiftPlan[] = shifts.map((s) => {
    const on = byShift.get(s.id) ?? [];
    return { ...s, committed: on.length, officers: on, requests: requests.filter((r) => r.shiftId === s.id).map((r) => withEscalation(db, r, slice)) };
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
