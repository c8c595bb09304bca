// Requests as the Verzoeken screen lists them: each with its shift, event, agreement title and the officers
// committed to it, in one call instead of one per row.
import type { Db } from '../store/db';
import type { CommittedOfficer, RequestOverview } from '../../shared/api/coordination';
import type { LocalIdentity } from '../log/log';
import { listRequestsFor } from './requests';
import { listShifts } from './shifts';
import { listEvents } from './events';
import { listAgreements } from './agreements';

interface CommitmentRow {
  id: string;
  request_id: string;
  officer_id: string;
  officer_name: string;
  reasons: string | null;
}

/** Active commitments of the request's provider for its own officers, grouped by request. */
function commitmentsByRequest(db: Db): Map<string, CommittedOfficer[]> {
  const rows = db
    .prepare(
      `SELECT c.id, c.request_id, c.officer_id, o.name AS officer_name, c.reasons
       FROM commitments c
       JOIN requests r ON r.id = c.request_id AND r.created = 1 AND r.provider = c.provider
       JOIN officers o ON o.id = c.officer_id AND o.employer = c.provider
       WHERE c.created = 1 AND c.withdrawn = 0
       ORDER BY o.name, c.id`,
    )
    .all() as CommitmentRow[];
  const out = new Map<string, CommittedOfficer[]>();
  for (const r of rows) {
    const item = { id: r.id, officerId: r.officer_id, officerName: r.officer_name, reasons: r.reasons ? (JSON.parse(r.reasons) as Record<string, string>) : {} };
    const list = out.get(r.request_id);
    if (list) list.push(item);
    else out.set(r.request_id, [item]);
  }
  return out;
}

export function requestOverview(db: Db, me: LocalIdentity, direction: 'in' | 'out' | 'all'): RequestOverview[] {
  const requests = listRequestsFor(db, me, direction);
  const shifts = new Map(listShifts(db).map((s) => [s.id, s]));
  const events = new Map(listEvents(db).map((e) => [e.id, e]));
  const agreements = new Map(listAgreements(db).map((a) => [a.id, a.title]));
  const commitments = commitmentsByRequest(db);
  return requests.map((r) => {
    const shift = shifts.get(r.shiftId);
    const event = shift ? events.get(shift.eventId) : undefined;
    return {
      ...r,
      shift: shift ? { start: shift.start, end: shift.end, role: shift.role, needed: shift.needed, inPairs: shift.inPairs, qualifications: shift.qualifications, cancelled: shift.cancelled } : null,
      event: event ? { id: event.id, name: event.name, place: event.place, risk: event.risk, status: event.status } : null,
      agreementTitle: r.agreementId ? (agreements.get(r.agreementId) ?? null) : null,
      commitments: commitments.get(r.id) ?? [],
    };
  });
}
