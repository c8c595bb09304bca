// Warnings about an officer's papers that a coordinator should act on before planning: an akte that has
// expired or expires within 60 days, and a verkeersregelaar appointment older than a year.
import type { Qualifications } from '../../../shared/domain/officer';
import { daysFrom } from '../../components/coord-format';

export const AKTE_WARNING_DAYS = 60;

export type PaperWarning = { kind: 'akteExpired'; date: string } | { kind: 'akteSoon'; date: string; days: number } | { kind: 'trafficOld'; date: string; validUntil: string };

/** The same calendar day a year later (29 February -> 28 February), as the rules count it. */
export function oneYearAfter(date: string): string {
  const year = Number(date.slice(0, 4)) + 1;
  const month = Number(date.slice(5, 7));
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${date.slice(5, 7)}-${String(Math.min(Number(date.slice(8, 10)), lastDay)).padStart(2, '0')}`;
}

export function paperWarnings(q: Pick<Qualifications, 'akteValidUntil' | 'trafficAppointed'>, today: string): PaperWarning[] {
  const out: PaperWarning[] = [];
  if (/^\d{4}-\d{2}-\d{2}$/.test(q.akteValidUntil)) {
    const days = daysFrom(today, q.akteValidUntil);
    if (days < 0) out.push({ kind: 'akteExpired', date: q.akteValidUntil });
    else if (days <= AKTE_WARNING_DAYS) out.push({ kind: 'akteSoon', date: q.akteValidUntil, days });
  }
  if (q.trafficAppointed && /^\d{4}-\d{2}-\d{2}$/.test(q.trafficAppointed)) {
    const validUntil = oneYearAfter(q.trafficAppointed);
    if (validUntil < today) out.push({ kind: 'trafficOld', date: q.trafficAppointed, validUntil });
  }
  return out;
}
