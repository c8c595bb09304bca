// Splitting worked time into surcharge categories and pricing it. Surcharges do NOT stack: each minute gets
// the single highest applicable one among evening (18-22), night (22-06), weekend (Sat 00:00 to Sun 24:00)
// and feestdag (the whole day); a tie goes to the more specific category (holiday, weekend, night, evening).
import type { Surcharges } from '../domain/agreement';
import { epochToLocal } from '../time/local';
import { addDays, dateOf, epochOf, isoWeekday, MINUTE_MS } from '../rules/calendar';
import type { SurchargeCategory } from './types';

export type CategoryMinutes = Record<SurchargeCategory, number>;

const PRECEDENCE: readonly Exclude<SurchargeCategory, 'base'>[] = ['holiday', 'weekend', 'night', 'evening'];
const BOUNDARIES = ['00:00', '06:00', '18:00', '22:00'];
const NO_SURCHARGES: Surcharges = { evening: 0, night: 0, weekend: 0, holiday: 0 };

function categoryAt(local: string, surcharges: Surcharges, isHoliday: (date: string) => boolean): SurchargeCategory {
  const date = dateOf(local);
  const hour = Number(local.slice(11, 13));
  const applies: Record<Exclude<SurchargeCategory, 'base'>, boolean> = {
    holiday: isHoliday(date),
    weekend: isoWeekday(date) >= 6,
    night: hour < 6 || hour >= 22,
    evening: hour >= 18 && hour < 22,
  };
  let best: SurchargeCategory = 'base';
  let bestPercent = -1;
  for (const c of PRECEDENCE) {
    if (applies[c] && surcharges[c] > bestPercent) {
      best = c;
      bestPercent = surcharges[c];
    }
  }
  return best;
}

/**
 * Real minutes of [start, end) per category. The period is cut at every local 00:00, 06:00, 18:00 and 22:00,
 * within which the category cannot change; each piece counts its real length, so the October night of
 * 22:00-06:00 gives 540 night minutes and the March one 420.
 */
export function categoryMinutes(start: string, end: string, surcharges: Surcharges | null, isHoliday: (date: string) => boolean): CategoryMinutes {
  const out: CategoryMinutes = { base: 0, evening: 0, night: 0, weekend: 0, holiday: 0 };
  const s = epochOf(start);
  const e = epochOf(end);
  const cuts = new Set<number>([s, e]);
  for (let d = dateOf(start); d <= dateOf(end); d = addDays(d, 1)) {
    for (const t of BOUNDARIES) {
      const ms = epochOf(`${d}T${t}`);
      if (ms > s && ms < e) cuts.add(ms);
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i] ?? s;
    const to = points[i + 1] ?? e;
    out[categoryAt(epochToLocal(from), surcharges ?? NO_SURCHARGES, isHoliday)] += Math.round((to - from) / MINUTE_MS);
  }
  return out;
}

/** hourlyCents x hours x (100 + surcharge %) / 100 summed over categories, rounded half up to whole cents. */
export function amountCents(minutes: CategoryMinutes, hourlyCents: number, surcharges: Surcharges): number {
  let numerator = minutes.base * 100;
  for (const c of PRECEDENCE) numerator += minutes[c] * (100 + surcharges[c]);
  // numerator x hourlyCents / (60 min x 100 %), in integers so no float error decides a half cent.
  const exact = numerator * hourlyCents;
  return Math.floor((exact + 3000) / 6000);
}
