// Rule 7, caps: the hours a provider commits under one agreement in one calendar month (by the month each
// assignment starts in) stay within the agreement's capHoursPerMonth. Own staffing has no cap.
import type { AgreementRecord } from '../domain/agreement';
import { realMinutes } from './calendar';
import { compareAssignments, commitmentIds, gemeenteName, latest, type PlanContext } from './context';
import { finding, type Finding } from './violation';
import type { Assignment } from './types';

/** The agreement an assignment is lent under: its own, else its request's. */
export function agreementOf(ctx: Pick<PlanContext, 'requests'>, a: Assignment): string | null {
  return a.agreementId ?? ctx.requests.get(a.requestId)?.agreementId ?? null;
}

/** Lent assignments under `agreementId` by `provider` starting in `month` ('YYYY-MM'). */
export function capUse(ctx: PlanContext, agreementId: string, provider: string, month: string, excludeRequestId: string | null = null): { minutes: number; assignments: Assignment[] } {
  const assignments = ctx.active.filter(
    (a) => a.provider === provider && a.host !== provider && a.start.slice(0, 7) === month && a.requestId !== excludeRequestId && agreementOf(ctx, a) === agreementId,
  );
  return { minutes: assignments.reduce((sum, a) => sum + realMinutes(a.start, a.end), 0), assignments };
}

function capParams(agreement: AgreementRecord, provider: string, month: string, minutes: number): Record<string, string | number> {
  return { provider: gemeenteName(provider), providerCode: provider, title: agreement.title, month, minutes, capHours: agreement.capHoursPerMonth };
}

export function checkCaps(ctx: PlanContext): Finding[] {
  const groups = new Map<string, { agreement: AgreementRecord; provider: string; month: string; assignments: Assignment[]; minutes: number }>();
  for (const a of ctx.active) {
    if (a.provider === a.host) continue;
    const agreementId = agreementOf(ctx, a);
    const agreement = agreementId === null ? undefined : ctx.agreements.get(agreementId);
    if (!agreement) continue;
    const month = a.start.slice(0, 7);
    const key = `${agreement.id}|${a.provider}|${month}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { agreement, provider: a.provider, month, assignments: [], minutes: 0 }));
    g.assignments.push(a);
    g.minutes += realMinutes(a.start, a.end);
  }
  const out: Finding[] = [];
  for (const g of groups.values()) {
    if (g.minutes <= g.agreement.capHoursPerMonth * 60) continue;
    const sorted = [...g.assignments].sort(compareAssignments);
    out.push(
      finding({
        code: 'CAP_EXCEEDED',
        severity: 'blocking',
        records: [g.agreement.id, ...commitmentIds(sorted)],
        params: { ...capParams(g.agreement, g.provider, g.month, g.minutes), variant: 'plan' },
        last: latest(sorted.map((a) => a.end)),
      }),
    );
  }
  return out;
}

/** The cap a new request would break if it were fully committed: what is already committed plus count x shift. */
export function checkRequestCap(ctx: PlanContext, r: { id: string | null; shiftId: string; host: string; provider: string; agreementId: string | null; count: number }): Finding[] {
  const shift = ctx.shifts.get(r.shiftId);
  const agreement = r.agreementId === null ? undefined : ctx.agreements.get(r.agreementId);
  if (!shift || !agreement || r.host === r.provider) return [];
  const month = shift.start.slice(0, 7);
  const used = capUse(ctx, agreement.id, r.provider, month, r.id);
  const added = r.count * realMinutes(shift.start, shift.end);
  if (used.minutes + added <= agreement.capHoursPerMonth * 60) return [];
  return [
    finding({
      code: 'CAP_EXCEEDED',
      severity: 'blocking',
      records: [...(r.id === null ? [] : [r.id]), agreement.id, shift.id],
      params: { ...capParams(agreement, r.provider, month, used.minutes + added), usedMinutes: used.minutes, addedMinutes: added, variant: 'request' },
      last: shift.end,
    }),
  ];
}
