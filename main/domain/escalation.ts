// Escalation (rule 8), computed twice: a request beyond its agreement's mandate needs the approval of the
// role the agreement names. The clear version asks the request rules, as a write would; the fast version asks
// the mandate rule directly with one lookup table for a whole list (the Verzoeken screen at region scale).
// test/unit/main/domain/escalation.test.ts holds the two equal on generated agreements, shifts and requests:
// when you change one, change the other and run it.
import type { Db } from '../store/db';
import { stmt } from '../store/statements';
import type { AgreementRecord } from '../../shared/domain/agreement';
import type { RequestRecord } from '../../shared/domain/request';
import type { ShiftRecord } from '../../shared/domain/shift';
import { evaluateRequest } from '../../shared/rules';
import { buildContext } from '../../shared/rules/context';
import { mandateExcess } from '../../shared/rules/requests';
import { toShift, type ShiftRow } from './shifts';
import { listAgreements } from './agreements';

type Escalation = RequestRecord['escalation'];

/** The request with `needed` and `role` set when it goes beyond the mandate (the approval is kept either way). */
function escalated(r: RequestRecord, beyond: boolean, agreements: (id: string) => AgreementRecord | undefined): Escalation {
  if (!beyond) return r.escalation;
  const agreement = r.agreementId ? agreements(r.agreementId) : undefined;
  return { ...r.escalation, needed: true, role: agreement?.mandate.escalateTo ?? null };
}

/**
 * Clear: run the request rules (as requests.create does) on a plan holding only the request's shift and the
 * agreements, and look for MANDATE_EXCEEDED. `shift` is undefined when this copy does not know it.
 */
export function escalationByRules(agreements: AgreementRecord[], shift: ShiftRecord | undefined, r: RequestRecord): Escalation {
  const view = { officers: [], events: [], shifts: shift ? [shift] : [], requests: [], assignments: [], absences: [], agreements };
  const found = evaluateRequest(view, { shiftId: r.shiftId, provider: r.provider, agreementId: r.agreementId, count: r.count, host: r.host });
  return escalated(
    r,
    found.some((v) => v.code === 'MANDATE_EXCEEDED'),
    (id) => agreements.find((a) => a.id === id),
  );
}

/**
 * Fast: the mandate rule alone, with the agreements looked up once for a whole list. Returns the function to
 * call per request with its shift (undefined when unknown). Only the shift's start and end matter.
 */
export function escalationTable(agreements: AgreementRecord[]): (shift: ShiftRecord | undefined, r: RequestRecord) => Escalation {
  // The mandate check reads only agreements, so a context without the plan's work is enough.
  const ctx = buildContext({ officers: [], events: [], shifts: [], requests: [], assignments: [], absences: [], agreements });
  return (shift, r) => {
    const excess = shift ? mandateExcess(ctx, { shiftId: r.shiftId, provider: r.provider, agreementId: r.agreementId, count: r.count, host: r.host, id: r.id, approvedBy: null }, shift) : null;
    return escalated(r, excess !== null, (id) => ctx.agreements.get(id));
  };
}

/** The clear version on a stored request: reads its shift and marks the escalation (requests.list, the event screen). */
export function withEscalation(db: Db, r: RequestRecord, agreements = listAgreements(db)): RequestRecord {
  const row = stmt(db, 'SELECT * FROM shifts WHERE id = ? AND created = 1').get(r.shiftId) as ShiftRow | undefined;
  return { ...r, escalation: escalationByRules(agreements, row ? toShift(row) : undefined, r) };
}
