// Own officers on an own shift, directly: no request to one's own gemeente. Under the hood the officers
// are committed to the shift's own (self-)request, created or enlarged in the same transaction, so the log,
// the rules, capacity and settlement treat them like every other assignment, and self-requests that older
// copies made keep working: they simply are this shift's direct assignment.
import type { Db } from '../store/db';
import { stmt } from '../store/statements';
import type { Candidate } from '../../shared/api/coordination';
import { gemeenteName } from '../../shared/domain/gemeenten';
import type { RequestRecord } from '../../shared/domain/request';
import { evaluateCandidate } from '../../shared/rules';
import type { Violation } from '../../shared/rules/types';
import { commitLocal, type LocalIdentity } from '../log/log';
import { RECORD_TYPES } from '../log/records';
import { createOp, updateOp } from './records';
import { derivedId } from './derived-id';
import { buildPlanView, listRequests, scopeAround } from './plan-view';
import { getShift } from './shifts';
import { getEvent } from './events';
import { commitOfficers } from './requests';
import { keyedError } from '../../shared/i18n/error-messages';

/** The shift's own request that holds its direct assignments, if there is one (the oldest live one). */
function ownRequest(db: Db, me: LocalIdentity, shiftId: string): RequestRecord | undefined {
  return listRequests(db, { shiftId })
    .filter((r) => r.provider === me.gemeente && r.host === me.gemeente && r.status !== 'withdrawn')
    .sort((a, b) => (a.id < b.id ? -1 : 1))[0];
}

function requireOwnShift(db: Db, me: LocalIdentity, shiftId: string) {
  const shift = getShift(db, shiftId);
  if (shift.host !== me.gemeente) throw keyedError('refused', 'assign.not_host', { host: gemeenteName(shift.host) });
  if (shift.cancelled) throw keyedError('refused', 'shift.cancelled');
  if (getEvent(db, shift.eventId).status === 'afgelast') throw keyedError('refused', 'event.cancelled');
  return shift;
}

const rank = (c: Candidate) => (c.blocking.length > 0 ? 2 : c.warnings.length > 0 ? 1 : 0);

/** Own active officers not yet on the shift, with what the rules say about putting them on it. */
export function shiftCandidates(db: Db, me: LocalIdentity, shiftId: string): Candidate[] {
  const requested = requireOwnShift(db, me, shiftId);
  const container = ownRequest(db, me, shiftId);
  const requestId = container?.id ?? derivedId(me.gemeente, 'rq', shiftId, 'direct');
  const view = buildPlanView(db, scopeAround(requested.start, requested.end));
  const shift = view.shifts.find((s) => s.id === shiftId)!;
  const onShift = new Set(view.assignments.filter((a) => a.shiftId === shiftId).map((a) => a.officerId));
  const out: Candidate[] = [];
  for (const officer of view.officers) {
    if (officer.employer !== me.gemeente || !officer.active || onShift.has(officer.id)) continue;
    const found = evaluateCandidate(view, {
      commitmentId: derivedId(me.gemeente, 'cm', requestId, officer.id),
      officerId: officer.id,
      shiftId,
      requestId,
      provider: me.gemeente,
      host: me.gemeente,
      agreementId: null,
      start: shift.start,
      end: shift.end,
      reasons: {},
    });
    out.push({ officer, blocking: found.filter((v) => v.severity === 'blocking'), warnings: found.filter((v) => v.severity === 'warning') });
  }
  return out.sort((a, b) => rank(a) - rank(b) || a.officer.name.localeCompare(b.officer.name, 'nl') || (a.officer.id < b.officer.id ? -1 : 1));
}

export interface AssignResult {
  committed: string[];
  warnings: Violation[];
}

/**
 * Puts own officers on an own shift in one transaction: the shift's own request is created (or its count
 * raised to fit) and the officers committed to it, with the same rules and reasons as a commitment to a partner.
 * A refusal leaves nothing behind.
 */
export function assignOwnOfficers(db: Db, me: LocalIdentity, shiftId: string, officerIds: string[], reasons: Record<string, Record<string, string>>): AssignResult {
  const shift = requireOwnShift(db, me, shiftId);
  return db.transaction(() => {
    const container = ownRequest(db, me, shiftId);
    let requestId: string;
    if (!container) {
      requestId = derivedId(me.gemeente, 'rq', shiftId, 'direct');
      const exists = stmt(db, 'SELECT 1 FROM requests WHERE id = ? AND created = 1').get(requestId);
      const set = {
        shift: shiftId,
        provider: me.gemeente,
        agreement: null,
        count: Math.min(500, Math.max(shift.needed, officerIds.length)),
        note: '',
        withdrawn: false,
        approvedBy: null,
        approvedAt: null,
      };
      const op = exists ? updateOp(db, RECORD_TYPES.request!, requestId, set) : createOp(RECORD_TYPES.request!, requestId, set);
      if (op) commitLocal(db, me, [op]);
    } else {
      requestId = container.id;
      const needed = container.committed + officerIds.length;
      if (needed > container.count) {
        if (needed > 500) throw keyedError('refused', 'assign.too_many');
        const op = updateOp(db, RECORD_TYPES.request!, requestId, { count: needed });
        if (op) commitLocal(db, me, [op]);
      }
    }
    const result = commitOfficers(db, me, requestId, officerIds, reasons);
    return { committed: result.committed, warnings: result.warnings };
  })();
}
