// Inzetverzoeken and toezeggingen: the host asks, the provider answers (commit officers, decline with a
// reason, withdraw a commitment), the host may withdraw or record the approval an escalation needs.
// Rules are checked on write: blocking violations refuse, warnings need a recorded reason.
import type { Db } from '../store/db';
import { stmt } from '../store/statements';
import type { RequestRecord } from '../../shared/domain/request';
import { gemeenteName } from '../../shared/domain/gemeenten';
import type { Violation } from '../../shared/rules/types';
import { evaluateCandidate, evaluateRequest } from '../../shared/rules';
import { commitLocal, type LocalIdentity } from '../log/log';
import type { Op } from '../log/entry';
import { RECORD_TYPES } from '../log/records';
import { createOp, newRecordId, updateOp } from './records';
import { derivedId } from './derived-id';
import { getShift } from './shifts';
import { getEvent } from './events';
import { getAgreement, listAgreements } from './agreements';
import { buildPlanView, listRequests, scopeAround } from './plan-view';
import { withEscalation } from './escalation';
import { keyedError } from '../../shared/i18n/error-messages';
import { rulesParam } from '../../shared/i18n/refusal-messages';

export function getRequest(db: Db, id: string): RequestRecord {
  const r = listRequests(db).find((x) => x.id === id);
  if (!r) throw keyedError('not_found', 'request.unknown', { id });
  return withEscalation(db, r);
}

/** requests.list: each request with its escalation by the clear version (./escalation.ts). */
export function listRequestsFor(db: Db, me: LocalIdentity, direction: 'in' | 'out' | 'all'): RequestRecord[] {
  const agreements = listAgreements(db);
  const rows = direction === 'in' ? listRequests(db, { provider: me.gemeente }) : direction === 'out' ? listRequests(db, { host: me.gemeente }) : listRequests(db);
  return rows.map((r) => withEscalation(db, r, agreements));
}

function refuseOn(violations: Violation[], what: { provider: string } | { name: string }): void {
  const blocking = violations.filter((v) => v.severity === 'blocking');
  if (blocking.length) throw keyedError('refused', 'provider' in what ? 'rules.request' : 'rules.commit', { ...what, rules: rulesParam(blocking) });
}

export interface RequestInput {
  shiftId: string;
  provider: string;
  agreementId: string | null;
  count: number;
  note: string;
}

export function createRequest(db: Db, me: LocalIdentity, input: RequestInput): RequestRecord {
  const shift = getShift(db, input.shiftId);
  if (shift.host !== me.gemeente) throw keyedError('refused', 'request.not_host_shift', { host: gemeenteName(shift.host) });
  if (shift.cancelled) throw keyedError('refused', 'shift.cancelled');
  if (getEvent(db, shift.eventId).status === 'afgelast') throw keyedError('refused', 'event.cancelled');
  if (input.provider !== me.gemeente) {
    if (!input.agreementId) throw keyedError('refused', 'request.needs_agreement', { provider: gemeenteName(input.provider) });
    getAgreement(db, input.agreementId);
  }
  const agreementId = input.provider === me.gemeente ? null : input.agreementId;
  refuseOn(evaluateRequest(buildPlanView(db, scopeAround(shift.start, shift.end)), { shiftId: shift.id, provider: input.provider, agreementId, count: input.count, host: me.gemeente }), {
    provider: gemeenteName(input.provider),
  });
  const id = newRecordId(me.gemeente, 'rq');
  commitLocal(db, me, [
    createOp(RECORD_TYPES.request!, id, {
      shift: shift.id,
      provider: input.provider,
      agreement: agreementId,
      count: input.count,
      note: input.note,
      withdrawn: false,
      approvedBy: null,
      approvedAt: null,
    }),
  ]);
  return getRequest(db, id);
}

function requireHostOf(me: LocalIdentity, r: RequestRecord): void {
  if (r.host !== me.gemeente) throw keyedError('refused', 'request.not_host', { host: gemeenteName(r.host) });
}

function requireProviderOf(me: LocalIdentity, r: RequestRecord): void {
  if (r.provider !== me.gemeente) throw keyedError('refused', 'request.not_provider', { provider: gemeenteName(r.provider) });
}

export function withdrawRequest(db: Db, me: LocalIdentity, id: string): RequestRecord {
  const r = getRequest(db, id);
  requireHostOf(me, r);
  const op = updateOp(db, RECORD_TYPES.request!, id, { withdrawn: true });
  if (op) commitLocal(db, me, [op]);
  return getRequest(db, id);
}

export function approveRequest(db: Db, me: LocalIdentity, id: string, approvedBy: string): RequestRecord {
  const r = getRequest(db, id);
  requireHostOf(me, r);
  if (!r.escalation.needed) throw keyedError('refused', 'request.within_mandate');
  const op = updateOp(db, RECORD_TYPES.request!, id, { approvedBy, approvedAt: new Date().toISOString() });
  if (op) commitLocal(db, me, [op]);
  return getRequest(db, id);
}

export function declineRequest(db: Db, me: LocalIdentity, id: string, reason: string): RequestRecord {
  const r = getRequest(db, id);
  requireProviderOf(me, r);
  const rid = derivedId(me.gemeente, 'rs', id);
  const exists = stmt(db, 'SELECT 1 FROM responses WHERE id = ? AND created = 1').get(rid);
  const set = { request: id, declined: true, reason };
  const op = exists ? updateOp(db, RECORD_TYPES.response!, rid, set) : createOp(RECORD_TYPES.response!, rid, set);
  if (op) commitLocal(db, me, [op]);
  return getRequest(db, id);
}

export interface CommitResult {
  request: RequestRecord;
  committed: string[];
  warnings: Violation[];
}

/**
 * Commits own officers to a request, as one change. A blocking rule refuses all of them; a warning (such as
 * a short rest once in 7 days) is accepted only with a reason, recorded with the commitment.
 */
export function commitOfficers(db: Db, me: LocalIdentity, id: string, officerIds: string[], reasons: Record<string, Record<string, string>>): CommitResult {
  const r = getRequest(db, id);
  requireProviderOf(me, r);
  if (r.status === 'withdrawn' || r.status === 'cancelled') throw keyedError('refused', r.status === 'withdrawn' ? 'request.withdrawn' : 'request.shift_cancelled');
  if (new Set(officerIds).size !== officerIds.length) throw keyedError('invalid_argument', 'commit.duplicate');
  if (r.committed + officerIds.length > r.count) throw keyedError('refused', 'commit.too_many', { count: r.count, committed: r.committed });
  const requested = getShift(db, r.shiftId);
  const view = buildPlanView(db, scopeAround(requested.start, requested.end));
  const shift = view.shifts.find((s) => s.id === r.shiftId)!;
  const ops: Op[] = [];
  const accepted: Violation[] = [];
  for (const officerId of officerIds) {
    const officer = view.officers.find((o) => o.id === officerId);
    if (!officer || officer.employer !== me.gemeente) throw keyedError('refused', 'commit.not_own_officer', { id: officerId, gemeente: gemeenteName(me.gemeente) });
    if (!officer.active) throw keyedError('refused', 'commit.inactive', { name: officer.name });
    const cid = derivedId(me.gemeente, 'cm', id, officerId);
    const given = reasons[officerId] ?? {};
    const candidate = {
      commitmentId: cid,
      officerId,
      shiftId: shift.id,
      requestId: id,
      provider: me.gemeente,
      host: r.host,
      agreementId: r.agreementId,
      start: shift.start,
      end: shift.end,
      reasons: given,
    };
    const found = evaluateCandidate(view, candidate);
    refuseOn(found, { name: officer.name });
    const unexplained = found.filter((v) => v.severity === 'warning' && !given[v.code]?.trim());
    if (unexplained.length) {
      throw keyedError(
        'refused',
        'rules.reason',
        { name: officer.name, rules: rulesParam(unexplained) },
        unexplained.map((v) => ({ path: `reasons.${officerId}.${v.code}`, key: 'rule.reason.required' })),
      );
    }
    accepted.push(...found);
    const exists = stmt(db, 'SELECT 1 FROM commitments WHERE id = ? AND created = 1').get(cid);
    const set = { request: id, officer: officerId, withdrawn: false, reasons: given };
    const op = exists ? updateOp(db, RECORD_TYPES.commitment!, cid, set) : createOp(RECORD_TYPES.commitment!, cid, set);
    if (op) ops.push(op);
    // Later candidates in this same action see the earlier ones (two officers cannot both take the last rest).
    view.assignments.push(candidate);
  }
  if (ops.length) commitLocal(db, me, ops);
  return { request: getRequest(db, id), committed: officerIds.map((o) => derivedId(me.gemeente, 'cm', id, o)), warnings: accepted };
}

export function withdrawCommitment(db: Db, me: LocalIdentity, commitmentId: string): void {
  const row = stmt(db, 'SELECT provider FROM commitments WHERE id = ? AND created = 1').get(commitmentId) as { provider: string } | undefined;
  if (!row) throw keyedError('not_found', 'commitment.unknown', { id: commitmentId });
  if (row.provider !== me.gemeente) throw keyedError('refused', 'commitment.not_own', { provider: gemeenteName(row.provider) });
  const op = updateOp(db, RECORD_TYPES.commitment!, commitmentId, { withdrawn: true });
  if (op) commitLocal(db, me, [op]);
}
