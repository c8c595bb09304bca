// Rules 7 and 8 on requests: lending needs an agreement in force between host and provider on every date of
// the shift, and a request beyond the coordinator's mandate needs the recorded approval of the named role.
import type { RequestRecord } from '../domain/request';
import type { ShiftRecord } from '../domain/shift';
import { datesTouched, realMinutes } from './calendar';
import { agreementProblem } from './agreements';
import { eventName, gemeenteName, officerName, type PlanContext } from './context';
import { finding, type Finding } from './violation';

/** What the request rules need of a request, so a request being written can be checked before it exists. */
export interface RequestDraft {
  id: string | null;
  shiftId: string;
  host: string;
  provider: string;
  agreementId: string | null;
  count: number;
  approvedBy: string | null;
}

export function draftOf(r: RequestRecord): RequestDraft {
  return { id: r.id, shiftId: r.shiftId, host: r.host, provider: r.provider, agreementId: r.agreementId, count: r.count, approvedBy: r.escalation.approvedBy };
}

/** Requests that still ask for something: not withdrawn, cancelled or declined, for a shift that goes on. */
export function requestCounts(ctx: PlanContext, r: RequestRecord): boolean {
  if (r.withdrawn || r.status === 'withdrawn' || r.status === 'cancelled' || r.status === 'declined') return false;
  const shift = ctx.shifts.get(r.shiftId);
  return !!shift && !shift.cancelled && ctx.events.get(shift.eventId)?.status !== 'afgelast';
}

export interface MandateExcess {
  count: number;
  officerMinutes: number;
  maxOfficers: number;
  maxHours: number | null;
  escalateTo: string;
}

/** How a request goes beyond its agreement's mandate, or null when it does not or has been approved. */
export function mandateExcess(ctx: PlanContext, r: RequestDraft, shift: ShiftRecord): MandateExcess | null {
  if (r.host === r.provider || r.agreementId === null) return null;
  if ((r.approvedBy ?? '').trim() !== '') return null;
  const agreement = ctx.agreements.get(r.agreementId);
  if (!agreement) return null;
  const { maxOfficers, maxHours, escalateTo } = agreement.mandate;
  const officerMinutes = r.count * realMinutes(shift.start, shift.end);
  if (r.count <= maxOfficers && (maxHours === null || officerMinutes <= maxHours * 60)) return null;
  return { count: r.count, officerMinutes, maxOfficers, maxHours, escalateTo };
}

function mandateParams(m: MandateExcess): Record<string, string | number> {
  const p: Record<string, string | number> = { count: m.count, officerMinutes: m.officerMinutes, maxOfficers: m.maxOfficers, escalateTo: m.escalateTo };
  if (m.maxHours !== null) p.maxHours = m.maxHours;
  return p;
}

/** Rule 7 (agreement in force) and rule 8 (mandate, as a warning on the request) for one request. */
export function checkRequestDraft(ctx: PlanContext, r: RequestDraft): Finding[] {
  const shift = ctx.shifts.get(r.shiftId);
  // Own staffing needs no agreement and has no mandate; a shift the plan does not know has no dates.
  if (!shift || r.host === r.provider) return [];
  const out: Finding[] = [];
  const common = { host: gemeenteName(r.host), provider: gemeenteName(r.provider), hostCode: r.host, providerCode: r.provider, event: eventName(ctx, shift.id), start: shift.start, end: shift.end };
  // The request (once it exists), its shift and its agreement (when one is named).
  const records = [...(r.id === null ? [] : [r.id]), shift.id, ...(r.agreementId === null ? [] : [r.agreementId])];
  const agreement = r.agreementId === null ? null : ctx.agreements.get(r.agreementId);
  const problem = agreementProblem(agreement, r.host, r.provider, datesTouched(shift.start, shift.end));
  if (problem) {
    out.push(
      finding({
        code: 'NO_AGREEMENT_IN_FORCE',
        severity: 'blocking',
        records,
        params: { ...common, ...problem },
        last: shift.end,
      }),
    );
  }
  const excess = mandateExcess(ctx, r, shift);
  if (excess) {
    out.push(
      finding({
        code: 'MANDATE_EXCEEDED',
        severity: 'warning',
        records,
        params: { ...common, ...mandateParams(excess), variant: 'request' },
        last: shift.end,
      }),
    );
  }
  return out;
}

export function checkRequests(ctx: PlanContext): Finding[] {
  const out: Finding[] = [];
  for (const r of ctx.view.requests) if (requestCounts(ctx, r)) out.push(...checkRequestDraft(ctx, draftOf(r)));
  // No commitments before approval: each officer committed under an unapproved escalated request blocks.
  for (const a of ctx.active) {
    // The assignment already counts (request not withdrawn, shift going on); a request declined after some
    // commitments still has them, so its status is not looked at here.
    const r = ctx.requests.get(a.requestId);
    const shift = r ? ctx.shifts.get(r.shiftId) : undefined;
    if (!r || !shift) continue;
    const excess = mandateExcess(ctx, draftOf(r), shift);
    if (!excess) continue;
    out.push(
      finding({
        code: 'MANDATE_EXCEEDED',
        severity: 'blocking',
        records: [r.id, a.commitmentId, a.officerId],
        params: {
          officer: officerName(ctx, a.officerId),
          provider: gemeenteName(r.provider),
          event: eventName(ctx, shift.id),
          start: shift.start,
          end: shift.end,
          ...mandateParams(excess),
          variant: 'commitment',
        },
        last: a.end,
      }),
    );
  }
  return out;
}
