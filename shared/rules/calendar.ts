// Calendar arithmetic on Amsterdam wall-clock dates ('YYYY-MM-DD') and times, for the rules and settlement.
import { localToEpoch } from '../time/local';

export const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

// localToEpoch goes through Intl, and the rules convert the same few times over and over.
const epochs = new Map<string, number>();

/** The instant of an Amsterdam wall-clock time (memoised localToEpoch). */
export function epochOf(local: string): number {
  let value = epochs.get(local);
  if (value === undefined) {
    if (epochs.size > 100_000) epochs.clear();
    value = localToEpoch(local);
    epochs.set(local, value);
  }
  return value;
}

/** Real elapsed minutes from start to end (an October night is an hour longer than the clock says). */
export function realMinutes(start: string, end: string): number {
  return Math.round((epochOf(end) - epochOf(start)) / MINUTE_MS);
}

function naiveMs(local: string): number {
  return Date.UTC(Number(local.slice(0, 4)), Number(local.slice(5, 7)) - 1, Number(local.slice(8, 10)), Number(local.slice(11, 13)), Number(local.slice(14, 16)));
}

/** Minutes as the wall clock shows them, ignoring DST: used to explain a difference to the user. */
export function clockMinutes(start: string, end: string): number {
  return Math.round((naiveMs(end) - naiveMs(start)) / MINUTE_MS);
}

export function dateOf(local: string): string {
  return local.slice(0, 10);
}

function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(dayNumber(date) * DAY_MS).getUTCDay();
  return d === 0 ? 7 : d;
}

export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** ISO week number and week-year: the week belongs to the year its Thursday falls in. */
export function isoWeek(date: string): { year: number; week: number } {
  const thursday = addDays(mondayOf(date), 3);
  const year = Number(thursday.slice(0, 4));
  return { year, week: Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1 };
}

/** The same calendar day `years` later; 29 February becomes 28 February in a common year. */
export function addYears(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) + years;
  const month = Number(date.slice(5, 7));
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(Number(date.slice(8, 10)), lastDay);
  return `${String(year).padStart(4, '0')}-${date.slice(5, 7)}-${String(day).padStart(2, '0')}`;
}

/**
 * The calendar dates a period [start, end) touches. A shift ending exactly at 00:00 does not touch the next
 * day (so 16:00-00:00 is one date, 16:00-00:30 two).
 */
export function datesTouched(start: string, end: string): string[] {
  const first = dateOf(start);
  let last = dateOf(end);
  if (end.slice(11) === '00:00') last = addDays(last, -1);
  if (last < first) last = first;
  const dates: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) dates.push(d);
  return dates;
}
