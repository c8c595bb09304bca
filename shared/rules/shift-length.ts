// Rule 1 (Arbeidstijdenwet): a dienst lasts at most 12 h, and at most 10 h when it touches 00:00-06:00.
// Lengths are real elapsed time, so the October night counts an hour more than the clock shows.
import { clockMinutes, datesTouched, epochOf, MINUTE_MS } from './calendar';
import { commitmentIds, officerName, type PlanContext } from './context';
import { finding, type Finding } from './violation';
import type { RuleCode } from './types';

export const MAX_SHIFT_MINUTES = 12 * 60;
export const MAX_NIGHT_SHIFT_MINUTES = 10 * 60;

/** Whether [start, end) overlaps 00:00-06:00 on any day it touches (ending at 00:00 does not). */
export function touchesNight(start: string, end: string): boolean {
  const s = epochOf(start);
  const e = epochOf(end);
  return datesTouched(start, end).some((d) => Math.max(s, epochOf(`${d}T00:00`)) < Math.min(e, epochOf(`${d}T06:00`)));
}

/** The length problem of a period, if any: usable on its own for a shift being typed in. */
export function shiftLengthProblem(start: string, end: string): { code: RuleCode; minutes: number; limitMinutes: number } | null {
  const minutes = Math.round((epochOf(end) - epochOf(start)) / MINUTE_MS);
  if (touchesNight(start, end) && minutes > MAX_NIGHT_SHIFT_MINUTES) return { code: 'ATW_NIGHT_SHIFT_TOO_LONG', minutes, limitMinutes: MAX_NIGHT_SHIFT_MINUTES };
  if (minutes > MAX_SHIFT_MINUTES) return { code: 'ATW_SHIFT_TOO_LONG', minutes, limitMinutes: MAX_SHIFT_MINUTES };
  return null;
}

export function checkShiftLength(ctx: PlanContext): Finding[] {
  const out: Finding[] = [];
  for (const [officerId, stints] of ctx.stints) {
    for (const stint of stints) {
      const problem = shiftLengthProblem(stint.start, stint.end);
      if (!problem) continue;
      out.push(
        finding({
          code: problem.code,
          severity: 'blocking',
          records: [officerId, ...commitmentIds(stint.assignments), ...stint.assignments.map((a) => a.shiftId)],
          params: {
            officer: officerName(ctx, officerId),
            start: stint.start,
            end: stint.end,
            minutes: problem.minutes,
            clockMinutes: clockMinutes(stint.start, stint.end),
            limitMinutes: problem.limitMinutes,
            count: stint.assignments.length,
          },
          last: stint.end,
        }),
      );
    }
  }
  return out;
}
