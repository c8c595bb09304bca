// Who of our own officers could answer a request: every active officer not yet committed to it, with what
// the rules say about adding them (evaluateCandidate on the merged plan), the free and qualified first.
import type { Db } from '../store/db';
import type { Candidate } from '../../shared/api/coordination';
import { gemeenteName } from '../../shared/domain/gemeenten';
import { evaluateCandidate } from '../../shared/rules';
import type { LocalIdentity } from '../log/log';
import { derivedId } from './derived-id';
import { buildPlanView, scopeAround } from './plan-view';
import { getShift } from './shifts';
import { getRequest } from './requests';
import { keyedError } from '../../shared/i18n/error-messages';

function rank(c: Candidate): number {
  return c.blocking.length > 0 ? 2 : c.warnings.length > 0 ? 1 : 0;
}

export function requestCandidates(db: Db, me: LocalIdentity, requestId: string): Candidate[] {
  const request = getRequest(db, requestId);
  if (request.provider !== me.gemeente) {
    throw keyedError('refused', 'request.not_provider_commit', { provider: gemeenteName(request.provider) });
  }
  const requested = getShift(db, request.shiftId);
  const view = buildPlanView(db, scopeAround(requested.start, requested.end));
  const shift = view.shifts.find((s) => s.id === request.shiftId);
  if (!shift) throw keyedError('not_found', 'request.no_shift');
  const committed = new Set(view.assignments.filter((a) => a.requestId === requestId && a.provider === me.gemeente).map((a) => a.officerId));
  const out: Candidate[] = [];
  for (const officer of view.officers) {
    if (officer.employer !== me.gemeente || !officer.active || committed.has(officer.id)) continue;
    // The same id requests.commit would give this commitment, so the verdict is the one commit will reach.
    const found = evaluateCandidate(view, {
      commitmentId: derivedId(me.gemeente, 'cm', requestId, officer.id),
      officerId: officer.id,
      shiftId: shift.id,
      requestId,
      provider: me.gemeente,
      host: request.host,
      agreementId: request.agreementId,
      start: shift.start,
      end: shift.end,
      reasons: {},
    });
    out.push({ officer, blocking: found.filter((v) => v.severity === 'blocking'), warnings: found.filter((v) => v.severity === 'warning') });
  }
  return out.sort((a, b) => rank(a) - rank(b) || a.officer.name.localeCompare(b.officer.name, 'nl') || (a.officer.id < b.officer.id ? -1 : 1));
}
