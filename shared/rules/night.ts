// Night work (Arbeidstijdenwet): what a nachtdienst is, how long it may last and how often, and the rest
// after it. Counted over each officer's work in every gemeente's plan this copy knows.
//
// Sources (checked against the law as in force since 1 April 2007, ATW art. 1:7 and 5:8; summarised on
// arboportaal.nl "Nachtdienst" and inspectieszw.nl "Gelden er speciale regels voor nachtdiensten?"):
// - ATW art. 1:7 (begripsbepalingen): a nachtdienst is a dienst in which more than 1 hour of work falls
//   between 00:00 and 06:00.
// - ATW art. 5:8 lid 1: at most 10 hours of work per nachtdienst; that may be extended to at most 12 hours
//   at most 5 times in every period of 14 x 24 hours and at most 22 times in every 52 consecutive weeks.
// - ATW art. 5:8 lid 1: at most 36 nachtdiensten in every period of 16 weeks, or instead at most 38 hours of
//   work between 00:00 and 06:00 in every period of 2 weeks (the alternative is the employer's choice; Regie
//   checks the 36 per 16 weeks).
// - ATW art. 5:8 lid 2: after a nachtdienst that ends after 02:00, at least 14 hours of uninterrupted rest,
//   which may be shortened to at least 8 hours once in every period of 7 x 24 hours when the nature of the
//   work or the circumstances require it (Regie asks for that reason).
// - ATW art. 5:8 lid 3: after a series of 3 or more consecutive nachtdiensten, at least 46 hours of
//   uninterrupted rest.
import { dateOf, addDays, epochOf, MINUTE_MS } from './calendar';
import { commitmentIds, hasReason, officerName, type PlanContext, type Stint } from './context';
import { finding, type Finding } from './violation';
import type { Assignment } from './types';

const HOUR = 60 * MINUTE_MS;
const DAY = 24 * HOUR;

export const NIGHT_THRESHOLD_MINUTES = 60;
export const MAX_NIGHT_SHIFT_MINUTES = 10 * 60;
export const MAX_EXTENDED_NIGHT_SHIFT_MINUTES = 12 * 60;
export const MAX_EXTENDED_PER_14_DAYS = 5;
export const MAX_EXTENDED_PER_52_WEEKS = 22;
export const MAX_NIGHT_SHIFTS_PER_16_WEEKS = 36;
export const MIN_NIGHT_REST_MINUTES = 14 * 60;
export const MIN_SHORT_NIGHT_REST_MINUTES = 8 * 60;
export const MIN_NIGHT_SERIES_REST_MINUTES = 46 * 60;
export const NIGHT_SERIES_LENGTH = 3;
/**
 * A gap in work shorter than this is a pause within one dienst, not the end of it (the ATW sets no upper
 * bound on a pause; 2 hours keeps a night shift split by a meal break one nachtdienst).
 */
export const MAX_PAUSE_MINUTES = 120;
/**
 * Night shifts are "consecutive" (art. 5:8 lid 3) when the next starts within 24 hours of the end of the
 * previous one: night after night, no day off between. A day shift between them ends the series too.
 */
const SERIES_GAP_MS = DAY;

/** Real minutes of [start, end) that fall between 00:00 and 06:00 (Amsterdam), on every day it touches. */
export function nightMinutes(start: string, end: string): number {
  const s = epochOf(start);
  const e = epochOf(end);
  let total = 0;
  for (let d = addDays(dateOf(start), -1); d <= dateOf(end); d = addDays(d, 1)) {
    const part = Math.min(e, epochOf(`${d}T06:00`)) - Math.max(s, epochOf(`${d}T00:00`));
    if (part > 0) total += part;
  }
  return Math.round(total / MINUTE_MS);
}

/** ATW art. 1:7: more than 1 hour of work between 00:00 and 06:00. */
export function isNightShift(start: string, end: string): boolean {
  return nightMinutes(start, end) > NIGHT_THRESHOLD_MINUTES;
}

/** One dienst of an officer: stints separated only by pauses. */
export interface Duty {
  officerId: string;
  stints: Stint[];
  assignments: Assignment[];
  start: string;
  end: string;
  startMs: number;
  endMs: number;
  workMinutes: number;
  nightMinutes: number;
  night: boolean;
}

export function dutiesOf(officerId: string, stints: readonly Stint[]): Duty[] {
  const out: Duty[] = [];
  for (const stint of stints) {
    const current = out[out.length - 1];
    const work = Math.round((stint.endMs - stint.startMs) / MINUTE_MS);
    const night = nightMinutes(stint.start, stint.end);
    if (current && stint.startMs - current.endMs < MAX_PAUSE_MINUTES * MINUTE_MS) {
      current.stints.push(stint);
      current.assignments.push(...stint.assignments);
      current.end = stint.end;
      current.endMs = stint.endMs;
      current.workMinutes += work;
      current.nightMinutes += night;
      current.night = current.nightMinutes > NIGHT_THRESHOLD_MINUTES;
    } else {
      out.push({
        officerId,
        stints: [stint],
        assignments: [...stint.assignments],
        start: stint.start,
        end: stint.end,
        startMs: stint.startMs,
        endMs: stint.endMs,
        workMinutes: work,
        nightMinutes: night,
        night: night > NIGHT_THRESHOLD_MINUTES,
      });
    }
  }
  return out;
}

/**
 * Whether a nachtdienst "ends after 02:00" (art. 5:8 lid 2): it ends later than 02:00 on the last date whose
 * 00:00-06:00 it works in.
 */
export function endsAfterTwo(start: string, end: string): boolean {
  const e = epochOf(end);
  const s = epochOf(start);
  for (let d = dateOf(end); d >= addDays(dateOf(start), -1); d = addDays(d, -1)) {
    if (Math.max(s, epochOf(`${d}T00:00`)) < Math.min(e, epochOf(`${d}T06:00`))) return e > epochOf(`${d}T02:00`);
  }
  return false;
}

/** For each item, in start order: the items that started within `windowMs` before it, itself included, if more than `max`. */
function slidingExcess<T extends { startMs: number }>(items: readonly T[], windowMs: number, max: number, visit: (inWindow: T[], item: T) => void): void {
  let first = 0;
  for (let j = 0; j < items.length; j++) {
    const item = items[j]!;
    while (item.startMs - items[first]!.startMs >= windowMs) first++;
    if (j - first + 1 > max) visit(items.slice(first, j + 1), item);
  }
}

export function checkNightWork(ctx: PlanContext): Finding[] {
  const out: Finding[] = [];
  for (const [officerId, stints] of ctx.stints) {
    const officer = officerName(ctx, officerId);
    const duties = dutiesOf(officerId, stints);
    const nights = duties.filter((d) => d.night);
    out.push(...nightLength(officerId, officer, nights));
    out.push(...nightCount(officerId, officer, nights));
    out.push(...nightRest(officerId, officer, duties));
  }
  return out;
}

function dutyRecords(officerId: string, duties: readonly Duty[]): string[] {
  return [officerId, ...duties.flatMap((d) => commitmentIds(d.assignments)), ...duties.flatMap((d) => d.assignments.map((a) => a.shiftId))];
}

/** Art. 5:8 lid 1: 10 h, extendable to 12 h at most 5 times per 14 x 24 h and 22 times per 52 weeks. */
function nightLength(officerId: string, officer: string, nights: Duty[]): Finding[] {
  const out: Finding[] = [];
  for (const d of nights) {
    // A single stint over 12 h is already ATW_SHIFT_TOO_LONG; a dienst with pauses is judged here.
    if (d.workMinutes > MAX_EXTENDED_NIGHT_SHIFT_MINUTES && d.stints.length > 1) {
      out.push(
        finding({
          code: 'ATW_NIGHT_SHIFT_TOO_LONG',
          severity: 'blocking',
          records: dutyRecords(officerId, [d]),
          params: { officer, start: d.start, end: d.end, minutes: d.workMinutes, clockMinutes: d.workMinutes, limitMinutes: MAX_EXTENDED_NIGHT_SHIFT_MINUTES, variant: 'over12' },
          last: d.end,
        }),
      );
    }
  }
  const extended = nights.filter((d) => d.workMinutes > MAX_NIGHT_SHIFT_MINUTES && d.workMinutes <= MAX_EXTENDED_NIGHT_SHIFT_MINUTES);
  const excess = (windowMs: number, max: number, variant: string) =>
    slidingExcess(extended, windowMs, max, (inWindow, d) => {
      out.push(
        finding({
          code: 'ATW_NIGHT_SHIFT_TOO_LONG',
          severity: 'blocking',
          // The extended night shift that is one too many, then the earlier ones in its period.
          records: [...dutyRecords(officerId, [d]), ...commitmentIds(inWindow.flatMap((x) => x.assignments))],
          params: {
            officer,
            start: d.start,
            end: d.end,
            minutes: d.workMinutes,
            clockMinutes: d.workMinutes,
            limitMinutes: MAX_NIGHT_SHIFT_MINUTES,
            count: inWindow.length,
            max,
            from: inWindow[0]!.start,
            variant,
          },
          last: d.end,
        }),
      );
    });
  excess(14 * DAY, MAX_EXTENDED_PER_14_DAYS, 'per14days');
  excess(52 * 7 * DAY, MAX_EXTENDED_PER_52_WEEKS, 'per52weeks');
  return out;
}

/** Art. 5:8 lid 1: at most 36 nachtdiensten in every 16 weeks (any 16 x 7 x 24 hours). */
function nightCount(officerId: string, officer: string, nights: Duty[]): Finding[] {
  const out: Finding[] = [];
  slidingExcess(nights, 16 * 7 * DAY, MAX_NIGHT_SHIFTS_PER_16_WEEKS, (inWindow, d) => {
    out.push(
      finding({
        code: 'ATW_NIGHT_SHIFTS_PER_16_WEEKS',
        severity: 'blocking',
        records: dutyRecords(officerId, [d]),
        params: { officer, start: d.start, end: d.end, count: inWindow.length, max: MAX_NIGHT_SHIFTS_PER_16_WEEKS, from: inWindow[0]!.start },
        last: d.end,
      }),
    );
  });
  return out;
}

/** The instants at which a rest of 14 h (after a night shift ending after 02:00) starts, for the daily-rest rule. */
export function nightRestStarts(officerId: string, stints: readonly Stint[]): Set<number> {
  return new Set(
    dutiesOf(officerId, stints)
      .filter((d) => d.night && endsAfterTwo(d.start, d.end))
      .map((d) => d.endMs),
  );
}

/** Art. 5:8 lid 2 and 3: 14 h after a night shift ending after 02:00 (8 h once per 7 x 24 h), 46 h after a series of 3. */
function nightRest(officerId: string, officer: string, duties: Duty[]): Finding[] {
  const out: Finding[] = [];
  let shortened: Duty | undefined;
  let series = 0;
  for (let i = 0; i < duties.length; i++) {
    const d = duties[i]!;
    const prev = duties[i - 1];
    series = d.night ? (prev?.night && d.startMs - prev.endMs < SERIES_GAP_MS ? series + 1 : 1) : 0;
    const next = duties[i + 1];
    if (!d.night || !next) continue;
    const restMinutes = Math.round((next.startMs - d.endMs) / MINUTE_MS);
    const last = d.assignments[d.assignments.length - 1]!;
    const first = next.assignments[0]!;
    const records = [officerId, last.commitmentId, first.commitmentId, last.shiftId, first.shiftId];
    const params = { officer, prevStart: d.start, prevEnd: d.end, nextStart: next.start, nextEnd: next.end, restMinutes };
    // Night after night the series goes on, and the 46 hours are owed after its last night.
    const seriesGoesOn = next.night && next.startMs - d.endMs < SERIES_GAP_MS;
    if (series >= NIGHT_SERIES_LENGTH && !seriesGoesOn && restMinutes < MIN_NIGHT_SERIES_REST_MINUTES) {
      const seriesStart = duties[i - series + 1]!;
      out.push(
        finding({
          code: 'ATW_NIGHT_SERIES_REST_TOO_SHORT',
          severity: 'blocking',
          records,
          params: { ...params, count: series, seriesStart: seriesStart.start },
          last: next.end,
        }),
      );
      continue;
    }
    if (!endsAfterTwo(d.start, d.end) || restMinutes >= MIN_NIGHT_REST_MINUTES) continue;
    if (restMinutes < MIN_SHORT_NIGHT_REST_MINUTES) {
      out.push(finding({ code: 'ATW_NIGHT_REST_TOO_SHORT', severity: 'blocking', records, params: { ...params, variant: 'under8' }, last: next.end }));
      continue;
    }
    if (shortened && d.endMs - shortened.endMs < 7 * DAY) {
      out.push(
        finding({
          code: 'ATW_NIGHT_REST_TOO_SHORT',
          severity: 'blocking',
          records: [...records, ...commitmentIds(shortened.assignments)],
          params: { ...params, variant: 'second', earlierStart: shortened.start, earlierEnd: shortened.end },
          last: next.end,
        }),
      );
      continue;
    }
    shortened = d;
    const accepted = hasReason(last, 'ATW_NIGHT_REST_TOO_SHORT') || hasReason(first, 'ATW_NIGHT_REST_TOO_SHORT');
    out.push(finding({ code: 'ATW_NIGHT_REST_TOO_SHORT', severity: 'warning', records, params: { ...params, variant: 'once' }, last: next.end, accepted }));
  }
  return out;
}
