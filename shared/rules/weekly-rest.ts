// Rule 4, weekly rest (Arbeidstijdenwet art. 5:5 lid 1): within every period of 7 x 24 hours an uninterrupted
// rest of at least 36 hours, or within every period of 14 x 24 hours at least 72 hours of rest, which may be
// split into periods of at least 32 hours. Source: wetten.overheid.nl BWBR0007671 art. 5:5; arboportaal.nl
// "Werktijden" (wekelijkse rust). Fourteen working days in a row cannot be planned within that without care,
// so they are flagged as a warning that needs a recorded reason.
//
// Periods start at the start of each dienst. A 7 x 24 h period without 36 hours is lawful when a 14 x 24 h
// period it is a half of (the one it starts or the one it ends) has 72 hours in parts of 32 hours or more:
// the law lets the employer choose either regime, so Regie only blocks when neither is met.
import { datesTouched, addDays, MINUTE_MS } from './calendar';
import { commitmentIds, hasReason, officerName, type PlanContext, type Stint } from './context';
import { finding, type Finding } from './violation';

const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
export const MIN_WEEKLY_REST_MINUTES = 36 * 60;
export const MIN_FORTNIGHT_REST_MINUTES = 72 * 60;
export const MIN_FORTNIGHT_REST_PART_MINUTES = 32 * 60;
export const MAX_DAYS_IN_A_ROW = 13;

/** The rests between stints clipped to [from, to); time before the first and after the last known stint is rest. */
function restsIn(stints: readonly Stint[], from: number, to: number): number[] {
  const rests: number[] = [];
  let cursor = from;
  // Stints are in time order and do not overlap: skip to the first that ends after `from`.
  let lo = 0;
  let hi = stints.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (stints[mid]!.endMs <= from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < stints.length; i++) {
    const s = stints[i]!;
    if (s.startMs >= to) break;
    if (s.startMs > cursor) rests.push(s.startMs - cursor);
    cursor = Math.max(cursor, s.endMs);
  }
  if (to > cursor) rests.push(to - cursor);
  return rests;
}

function weekOk(stints: readonly Stint[], from: number): boolean {
  return restsIn(stints, from, from + 7 * DAY_MS).some((r) => r >= MIN_WEEKLY_REST_MINUTES * MINUTE_MS);
}

function fortnightOk(stints: readonly Stint[], from: number): boolean {
  const parts = restsIn(stints, from, from + 14 * DAY_MS).filter((r) => r >= MIN_FORTNIGHT_REST_PART_MINUTES * MINUTE_MS);
  return parts.reduce((sum, r) => sum + r, 0) >= MIN_FORTNIGHT_REST_MINUTES * MINUTE_MS;
}

function longestRest(stints: readonly Stint[], from: number, to: number): number {
  return Math.round(Math.max(0, ...restsIn(stints, from, to)) / MINUTE_MS);
}

export function checkWeeklyRest(ctx: PlanContext): Finding[] {
  const out: Finding[] = [];
  for (const [officerId, stints] of ctx.stints) {
    const officer = officerName(ctx, officerId);
    // Runs of failing 7 x 24 h periods that overlap are one finding.
    let run: { first: number; last: number; longest: number } | undefined;
    const flush = () => {
      if (!run) return;
      const from = stints[run.first]!;
      const endMs = stints[run.last]!.startMs + 7 * DAY_MS;
      const inRun = stints.filter((s) => s.startMs >= from.startMs && s.startMs < endMs);
      const lastStint = inRun[inRun.length - 1]!;
      out.push(
        finding({
          code: 'ATW_WEEKLY_REST_TOO_SHORT',
          severity: 'blocking',
          records: [officerId, ...inRun.flatMap((s) => commitmentIds(s.assignments))],
          params: { officer, start: from.start, end: lastStint.end, longestMinutes: run.longest },
          last: lastStint.end,
        }),
      );
      run = undefined;
    };
    for (let i = 0; i < stints.length; i++) {
      const from = stints[i]!.startMs;
      if (weekOk(stints, from) || fortnightOk(stints, from) || fortnightOk(stints, from - 7 * DAY_MS)) continue;
      const longest = longestRest(stints, from, from + 7 * DAY_MS);
      if (run && from - stints[run.last]!.startMs < 7 * DAY_MS) {
        run.last = i;
        run.longest = Math.min(run.longest, longest);
      } else {
        flush();
        run = { first: i, last: i, longest };
      }
    }
    flush();
    out.push(...daysInARow(officerId, officer, stints));
  }
  return out;
}

/** Fourteen or more calendar days in a row with work on each (a shift ending at 00:00 does not touch the next day). */
function daysInARow(officerId: string, officer: string, stints: readonly Stint[]): Finding[] {
  const byDate = new Map<string, Stint[]>();
  for (const s of stints) for (const d of datesTouched(s.start, s.end)) byDate.set(d, [...(byDate.get(d) ?? []), s]);
  const dates = [...byDate.keys()].sort();
  const out: Finding[] = [];
  let start = 0;
  for (let i = 1; i <= dates.length; i++) {
    if (i < dates.length && dates[i] === addDays(dates[i - 1]!, 1)) continue;
    const days = i - start;
    if (days > MAX_DAYS_IN_A_ROW) {
      const inRun = [...new Set(dates.slice(start, i).flatMap((d) => byDate.get(d)!))];
      const assignments = inRun.flatMap((s) => s.assignments);
      const lastStint = inRun[inRun.length - 1]!;
      out.push(
        finding({
          code: 'ATW_FOURTEEN_DAYS_IN_A_ROW',
          severity: 'warning',
          records: [officerId, ...commitmentIds(assignments)],
          params: { officer, from: dates[start]!, to: dates[i - 1]!, days },
          last: lastStint.end,
          accepted: assignments.some((a) => hasReason(a, 'ATW_FOURTEEN_DAYS_IN_A_ROW')),
        }),
      );
    }
    start = i;
  }
  return out;
}
