// Rule 1 (Arbeidstijdenwet art. 5:7 lid 1): a dienst lasts at most 12 hours. A nachtdienst (more than 1 hour
// of work between 00:00 and 06:00, art. 1:7) lasts at most 10 hours, or 12 hours a limited number of times
// (art. 5:8 lid 1; how often is counted over all of an officer's work in night.ts). Lengths are real elapsed
// time, so the October night counts an hour more than the clock shows. Sources: wetten.overheid.nl
// BWBR0007671; arboportaal.nl "Werktijden" and "Nachtdienst".
import { clockMinutes, MINUTE_MS, epochOf } from './calendar';
import { commitmentIds, officerName, type PlanContext } from './context';
import { isNightShift, MAX_NIGHT_SHIFT_MINUTES } from './night';
import { finding, type Finding } from './violation';
import type { RuleCode } from './types';

export const MAX_SHIFT_MINUTES = 12 * 60;
export { MAX_NIGHT_SHIFT_MINUTES };

/**
 * The length problem of a period, if any: usable on its own for a shift being typed in. Over 12 hours can
 * never be worked; a night shift of more than 10 (up to 12) hours may be, a limited number of times
 * (variant 'nightExtended', a warning: whether it fits depends on the officer's other nights).
 */
export function shiftLengthProblem(start: string, end: string): { code: RuleCode; minutes: number; limitMinutes: number; variant: 'over12' | 'nightExtended' } | null {
  const minutes = Math.round((epochOf(end) - epochOf(start)) / MINUTE_MS);
  if (minutes > MAX_SHIFT_MINUTES) return { code: 'ATW_SHIFT_TOO_LONG', minutes, limitMinutes: MAX_SHIFT_MINUTES, variant: 'over12' };
  if (minutes > MAX_NIGHT_SHIFT_MINUTES && isNightShift(start, end)) return { code: 'ATW_NIGHT_SHIFT_TOO_LONG', minutes, limitMinutes: MAX_NIGHT_SHIFT_MINUTES, variant: 'nightExtended' };
  return null;
}

export function checkShiftLength(ctx: PlanContext): Finding[] {
  const out: Finding[] = [];
  for (const [officerId, stints] of ctx.stints) {
    for (const stint of stints) {
      const minutes = Math.round((stint.endMs - stint.startMs) / MINUTE_MS);
      if (minutes <= MAX_SHIFT_MINUTES) continue;
      out.push(
        finding({
          code: 'ATW_SHIFT_TOO_LONG',
          severity: 'blocking',
          records: [officerId, ...commitmentIds(stint.assignments), ...stint.assignments.map((a) => a.shiftId)],
          params: {
            officer: officerName(ctx, officerId),
            start: stint.start,
            end: stint.end,
            minutes,
            clockMinutes: clockMinutes(stint.start, stint.end),
            limitMinutes: MAX_SHIFT_MINUTES,
            count: stint.assignments.length,
          },
          last: stint.end,
        }),
      );
    }
  }
  return out;
}
