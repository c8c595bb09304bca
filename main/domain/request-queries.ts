// Requests as the Verzoeken screen lists them: each with its shift, event, agreement title and the officers
// committed to it, in one call instead of one per row.
import type { Db } from '../store/db';
import { stmt } from '../store/statements';
import { live } from '../store/live';
import type { CommittedOfficer, RequestOverview } from '../../shared/api/coordination';
import type { LocalIdentity } from '../log/log';
import type { ShiftRecord } from '../../shared/domain/shift';
import type { EventRecord } from '../../shared/domain/event';
import { listRequests } from './plan-view';
import type { ShiftRow } from './shifts';
import { listAgreements } from './agreements';
import { escalationTable } from './escalation';

interface CommitmentRow {
  id: string;
  request_id: string;
  officer_id: string;
  officer_name: string;
  reasons: string | null;
}

type Direction = 'in' | 'out' | 'all';

/** Requests of one side: to us (provider), from us (host), or all. */
function whereFor(direction: Direction): string {
  return direction === 'in' ? 'r.provider = :me' : direction === 'out' ? 'r.host = :me' : '1 = 1';
}

/** Active commitments of the request's provider for its own officers, grouped by request. */
function commitmentsByRequest(db: Db, direction: Direction, me: string): Map<string, CommittedOfficer[]> {
  const rows = stmt(
    db,
    `SELECT c.id, c.request_id, c.officer_id, o.name AS officer_name, c.reasons
       FROM requests r
       CROSS JOIN commitments c ON c.request_id = r.id AND ${live.commitment()}
       JOIN officers o ON o.id = c.officer_id AND ${live.ownOfficer()}
       WHERE r.created = 1 AND ${whereFor(direction)}
       ORDER BY o.name, c.id`,
  ).all(direction === 'all' ? {} : { me }) as CommitmentRow[];
  const out = new Map<string, CommittedOfficer[]>();
  for (const r of rows) {
    const item = { id: r.id, officerId: r.officer_id, officerName: r.officer_name, reasons: r.reasons ? (JSON.parse(r.reasons) as Record<string, string>) : {} };
    const list = out.get(r.request_id);
    if (list) list.push(item);
    else out.set(r.request_id, [item]);
  }
  return out;
}

/** A shift row with its event's name, place, risk and status (null when the event is not known here). */
interface ShiftEventRow extends Omit<ShiftRow, 'host'> {
  name: string | null;
  place: string | null;
  risk: EventRecord['risk'] | null;
  status: EventRecord['status'] | null;
}

/** The shifts (with their events) of the requests of one side only, not the whole region's. */
function shiftsFor(db: Db, direction: Direction, me: string): Map<string, ShiftEventRow> {
  const rows = stmt(
    db,
    `SELECT s.id, s.starts_at, s.ends_at, s.role, s.needed, s.in_pairs, s.qualifications, s.cancelled, s.event_id, e.name, e.place, e.risk, e.status
       FROM shifts s LEFT JOIN events e ON e.id = s.event_id AND e.created = 1
       WHERE s.created = 1 AND s.id IN (SELECT r.shift_id FROM requests r WHERE r.created = 1 AND ${whereFor(direction)})`,
  ).all(direction === 'all' ? {} : { me }) as ShiftEventRow[];
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Like requests.list, but fast at region scale: escalation by the fast version (./escalation.ts), one lookup
 * table for every request instead of evaluating the request rules per request.
 */
export function requestOverview(db: Db, me: LocalIdentity, direction: 'in' | 'out' | 'all'): RequestOverview[] {
  const requests = direction === 'in' ? listRequests(db, { provider: me.gemeente }) : direction === 'out' ? listRequests(db, { host: me.gemeente }) : listRequests(db);
  const shifts = shiftsFor(db, direction, me.gemeente);
  const agreementList = listAgreements(db);
  const agreements = new Map(agreementList.map((a) => [a.id, a]));
  const escalationOf = escalationTable(agreementList);
  const commitments = commitmentsByRequest(db, direction, me.gemeente);
  return requests.map((r): RequestOverview => {
    const s = shifts.get(r.shiftId);
    const shift: RequestOverview['shift'] = s
      ? { start: s.starts_at, end: s.ends_at, role: s.role, needed: s.needed, inPairs: s.in_pairs === 1, qualifications: JSON.parse(s.qualifications) as string[], cancelled: s.cancelled === 1 }
      : null;
    const agreement = r.agreementId ? agreements.get(r.agreementId) : undefined;
    // The shift as a record (the host of a request's shift is the request's host).
    const asRecord: ShiftRecord | undefined = s && shift ? { ...shift, id: s.id, host: r.host, eventId: s.event_id } : undefined;
    const escalation = escalationOf(asRecord, r);
    return {
      ...r,
      escalation,
      shift,
      event: s && s.name !== null ? { id: s.event_id, name: s.name, place: s.place ?? '', risk: s.risk ?? 'A', status: s.status ?? 'concept' } : null,
      agreementTitle: agreement?.title ?? null,
      commitments: commitments.get(r.id) ?? [],
    };
  });
}
