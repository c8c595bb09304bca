// Rules 7 and 8: the officer may do this work here and now: akte valid on every date of the shift, for a
// domain the role needs, with the host gemeente in its werkgebied; the shift's qualifications held; koppels
// complete.
//
// Sources: justis.nl "Buitengewoon opsporingsambtenaar (boa)" and the Beleidsregels boa 2023 (Stcrt.): a
// boa's akte of opsporingsbevoegdheid names one domain (I Openbare ruimte, II Milieu, welzijn en
// infrastructuur, III Onderwijs, IV Openbaar vervoer, V Werk, inkomen en zorg, VI Generieke opsporing) and a
// werkgebied (the gemeenten where it may be used). Toezicht at events in the public space is Domein I. A
// convenant between gemeenten does not extend opsporingsbevoegdheid: deployment outside the werkgebied
// needs the werkgebied of the akte extended, which the employer asks Justis for (infomil.nl / justis.nl,
// "wijziging werkgebied").
import type { BoaDomain } from '../domain/officer';
import type { ShiftRole } from '../domain/shift';
import { addYears, datesTouched } from './calendar';
import { commitmentIds, eventName, gemeenteName, hasReason, latest, type PlanContext } from './context';
import { finding, type Finding } from './violation';
import type { Assignment } from './types';

const FORCE_MEANS: readonly string[] = ['handboeien', 'wapenstok', 'pepperspray'];

/**
 * The BOA domains whose akte covers each role. Every role Regie plans is enforcement at events in the public
 * space (toezicht, verkeersregeling around it, its coördinatie, parkeerhandhaving on its streets): Domein I.
 */
export const ROLE_DOMAINS: Readonly<Record<ShiftRole, readonly BoaDomain[]>> = {
  toezicht: ['I'],
  verkeersregelaar: ['I'],
  coordinatie: ['I'],
  parkeerhandhaving: ['I'],
};

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

  // An agreement in force does not extend the werkgebied: the akte's own werkgebied decides.
  if (!q.territory.includes(a.host)) {
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
  const domains = ROLE_DOMAINS[shift.role] ?? ['I'];
  if (!domains.includes(q.domain)) {
    out.push(
      finding({
        code: 'AKTE_DOMAIN_MISMATCH',
        severity: 'blocking',
        records,
        params: { ...common, role: shift.role, domain: q.domain, needed: domains.join(',') },
        last: a.end,
      }),
    );
  }
  const required = new Set(shift.qualifications);
  if (shift.role === 'verkeersregelaar') required.add('verkeersregelaar');
  const missing: string[] = [];
  if (required.has('verkeersregelaar')) {
    if (q.trafficAppointed === null) missing.push('verkeersregelaar');
    else {
      const validUntil = trafficAppointmentValidUntil(q.trafficAppointed);
      if (lastDate > validUntil) {
        out.push(finding({ code: 'TRAFFIC_APPOINTMENT_EXPIRED', severity: 'blocking', records, params: { ...common, appointed: q.trafficAppointed, validUntil }, last: a.end }));
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
