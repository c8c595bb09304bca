// Rules 5 and 6: the officer may do this work here and now: akte valid on every date of the shift, host in
// the werkgebied or covered by an agreement in force, the shift's qualifications held; koppels complete.
import { addYears, datesTouched } from './calendar';
import { anyAgreementCovers } from './agreements';
import { commitmentIds, eventName, gemeenteName, hasReason, latest, type PlanContext } from './context';
import { finding, type Finding } from './violation';
import type { Assignment } from './types';

const FORCE_MEANS: readonly string[] = ['handboeien', 'wapenstok', 'pepperspray'];

/** A verkeersregelaar appointment counts up to and including its first anniversary. */
export function trafficAppointmentValidUntil(appointed: string): string {
  return addYears(appointed, 1);
}

export function checkQualifications(ctx: PlanContext): Finding[] {
  const out: Finding[] = [];
  for (const a of ctx.active) out.push(...checkAssignment(ctx, a));
  out.push(...checkPairs(ctx));
  return out;
}

function checkAssignment(ctx: PlanContext, a: Assignment): Finding[] {
  const officer = ctx.officers.get(a.officerId);
  // An officer the plan does not know cannot be checked; that is the provider's record to send.
  if (!officer) return [];
  const out: Finding[] = [];
  const q = officer.qualifications;
  const dates = datesTouched(a.start, a.end);
  const lastDate = dates[dates.length - 1] ?? a.start.slice(0, 10);
  const common = { officer: officer.name, start: a.start, end: a.end, event: eventName(ctx, a.shiftId) };
  const records = [a.officerId, a.commitmentId, a.shiftId];

  if (lastDate > q.akteValidUntil) {
    out.push(finding({ code: 'AKTE_EXPIRED', severity: 'blocking', records, params: { ...common, validUntil: q.akteValidUntil }, last: a.end }));
  }

  if (!q.territory.includes(a.host) && !anyAgreementCovers(ctx.agreements.values(), a.host, a.provider, dates)) {
    out.push(
      finding({
        code: 'OUTSIDE_WERKGEBIED',
        severity: 'blocking',
        records,
        params: { ...common, host: gemeenteName(a.host), provider: gemeenteName(a.provider), hostCode: a.host, providerCode: a.provider, variant: a.host === a.provider ? 'own' : 'lent' },
        last: a.end,
      }),
    );
  }

  const shift = ctx.shifts.get(a.shiftId);
  if (!shift) return out;
  const required = new Set(shift.qualifications);
  if (shift.role === 'verkeersregelaar') required.add('verkeersregelaar');
  const missing: string[] = [];
  if (required.has('verkeersregelaar')) {
    if (q.trafficAppointed === null) missing.push('verkeersregelaar');
    else {
      const validUntil = trafficAppointmentValidUntil(q.trafficAppointed);
      if (lastDate > validUntil) {
        out.push(
          finding({ code: 'TRAFFIC_APPOINTMENT_EXPIRED', severity: 'blocking', records, params: { ...common, appointed: q.trafficAppointed, validUntil }, last: a.end }),
        );
      }
    }
  }
  for (const means of FORCE_MEANS) if (required.has(means) && !(q.force as readonly string[]).includes(means)) missing.push(means);
  if (missing.length > 0) {
    out.push(finding({ code: 'QUALIFICATION_MISSING', severity: 'blocking', records, params: { ...common, role: shift.role, missing: missing.join(',') }, last: a.end }));
  }
  return out;
}

/** A shift worked in koppels needs an even number of officers; an odd one is a warning. */
function checkPairs(ctx: PlanContext): Finding[] {
  const byShift = new Map<string, Assignment[]>();
  for (const a of ctx.active) {
    const list = byShift.get(a.shiftId);
    if (list) list.push(a);
    else byShift.set(a.shiftId, [a]);
  }
  const out: Finding[] = [];
  for (const [shiftId, list] of byShift) {
    const shift = ctx.shifts.get(shiftId);
    if (!shift?.inPairs || list.length % 2 === 0) continue;
    out.push(
      finding({
        code: 'PAIRS_INCOMPLETE',
        severity: 'warning',
        records: [shiftId, ...commitmentIds(list)],
        params: { event: eventName(ctx, shiftId), start: shift.start, end: shift.end, count: list.length, needed: shift.needed },
        last: latest([shift.end, ...list.map((a) => a.end)]),
        accepted: list.some((a) => hasReason(a, 'PAIRS_INCOMPLETE')),
      }),
    );
  }
  return out;
}
