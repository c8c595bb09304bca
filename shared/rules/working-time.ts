// Rule 5 (Arbeidstijdenwet art. 5:7 lid 1): at most 60 h in a week, on average at most 55 h/week in every
// period of 4 weeks and at most 48 h/week in every period of 16 weeks (wetten.overheid.nl BWBR0007671
// art. 5:7; arboportaal.nl "Werktijden"). Weeks are ISO weeks (Monday-Sunday, Amsterdam); windows slide
// freely over month, quarter and year ends, and count work in every gemeente's plan.
import { addDays, daysBetween, epochOf, isoWeek, mondayOf, dateOf, MINUTE_MS } from './calendar';
import { compareAssignments, commitmentIds, latest, officerName, type PlanContext, type Stint } from './context';
import { finding, type Finding } from './violation';
import type { Assignment } from './types';

export const MAX_WEEK_MINUTES = 60 * 60;
export const MAX_FOUR_WEEK_MINUTES = 4 * 55 * 60;
export const MAX_SIXTEEN_WEEK_MINUTES = 16 * 48 * 60;

interface WeekLoad {
  minutes: number;
  assignments: Set<Assignment>;
}

/** Each part of [startMs, endMs) per ISO week, keyed by the week's Monday. */
function splitByWeek(start: string, startMs: number, endMs: number, visit: (monday: string, minutes: number) => void): void {
  let monday = mondayOf(dateOf(start));
  for (;;) {
    const next = addDays(monday, 7);
    const weekEndMs = epochOf(`${next}T00:00`);
    const part = Math.min(endMs, weekEndMs) - Math.max(startMs, epochOf(`${monday}T00:00`));
    if (part > 0) visit(monday, Math.round(part / MINUTE_MS));
    if (endMs <= weekEndMs) return;
    monday = next;
  }
}

/** Minutes worked per week from the merged stints (overlaps count once), and which assignments fall in it. */
function weekLoads(stints: Stint[]): Map<string, WeekLoad> {
  const loads = new Map<string, WeekLoad>();
  const load = (monday: string): WeekLoad => {
    let l = loads.get(monday);
    if (!l) loads.set(monday, (l = { minutes: 0, assignments: new Set() }));
    return l;
  };
  for (const stint of stints) {
    splitByWeek(stint.start, stint.startMs, stint.endMs, (monday, minutes) => {
      load(monday).minutes += minutes;
    });
    for (const a of stint.assignments) splitByWeek(a.start, epochOf(a.start), epochOf(a.end), (monday) => load(monday).assignments.add(a));
  }
  return loads;
}

function weekParams(monday: string, prefix: string): Record<string, number> {
  const w = isoWeek(monday);
  return { [`${prefix}Week`]: w.week, [`${prefix}WeekYear`]: w.year };
}

export function checkWorkingTime(ctx: PlanContext): Finding[] {
  const out: Finding[] = [];
  for (const [officerId, stints] of ctx.stints) {
    const loads = weekLoads(stints);
    const officer = officerName(ctx, officerId);
    for (const [monday, l] of [...loads].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (l.minutes <= MAX_WEEK_MINUTES) continue;
      const assignments = [...l.assignments].sort(compareAssignments);
      const w = isoWeek(monday);
      out.push(
        finding({
          code: 'ATW_WEEK_TOO_LONG',
          severity: 'blocking',
          records: [officerId, ...commitmentIds(assignments)],
          params: { officer, minutes: l.minutes, from: monday, to: addDays(monday, 6), week: w.week, weekYear: w.year },
          last: latest(assignments.map((a) => a.end)),
        }),
      );
    }
    out.push(...averageFindings(officerId, officer, loads, 4, MAX_FOUR_WEEK_MINUTES, 'ATW_FOUR_WEEK_AVERAGE'));
    out.push(...averageFindings(officerId, officer, loads, 16, MAX_SIXTEEN_WEEK_MINUTES, 'ATW_SIXTEEN_WEEK_AVERAGE'));
  }
  return out;
}

/** Every n-week window containing a worked week is checked; overlapping excesses are reported once, by the worst window. */
function averageFindings(officerId: string, officer: string, loads: Map<string, WeekLoad>, n: number, max: number, code: 'ATW_FOUR_WEEK_AVERAGE' | 'ATW_SIXTEEN_WEEK_AVERAGE'): Finding[] {
  const starts = new Set<string>();
  for (const monday of loads.keys()) for (let k = 0; k < n; k++) starts.add(addDays(monday, -7 * k));
  const offsets = Array.from({ length: n }, (_, k) => k);
  const windows = [...starts]
    .sort()
    .map((start) => {
      const weeks = offsets.map((k) => loads.get(addDays(start, 7 * k)));
      return { start, minutes: weeks.reduce((sum, l) => sum + (l?.minutes ?? 0), 0), weeks };
    })
    .filter((w) => w.minutes > max);

  const runs: (typeof windows)[] = [];
  for (const w of windows) {
    const run = runs[runs.length - 1];
    const previous = run?.[run.length - 1];
    if (run && previous && daysBetween(previous.start, w.start) < 7 * n) run.push(w);
    else runs.push([w]);
  }

  return runs.map((run) => {
    const worst = run.reduce((best, w) => (w.minutes > best.minutes ? w : best));
    const assignments = new Set<Assignment>();
    for (const w of run) for (const l of w.weeks) for (const a of l?.assignments ?? []) assignments.add(a);
    const sorted = [...assignments].sort(compareAssignments);
    return finding({
      code,
      severity: 'blocking',
      records: [officerId, ...commitmentIds(sorted)],
      params: {
        officer,
        minutes: worst.minutes,
        averageMinutes: Math.round(worst.minutes / n),
        from: worst.start,
        to: addDays(worst.start, 7 * n - 1),
        weeks: n,
        ...weekParams(worst.start, 'first'),
        ...weekParams(addDays(worst.start, 7 * (n - 1)), 'last'),
      },
      last: latest(sorted.map((a) => a.end)),
    });
  });
}
