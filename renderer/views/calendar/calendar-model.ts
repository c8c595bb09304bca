// Date arithmetic and placement for the Kalender: Monday-first month grids and weeks on 'YYYY-MM-DD' dates
// (computed in UTC, so the viewer's own time zone never shifts a day), and which events fall on which day.
import type { CalendarEvent } from '../../../shared/api/planning';
import type { RiskClass } from '../../../shared/domain/event';

const DAY_MS = 86_400_000;

function toMs(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function fromMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromMs(toMs(date) + days * DAY_MS);
}

/** 0 = Monday ... 6 = Sunday. */
export function weekdayIndex(date: string): number {
  return (new Date(toMs(date)).getUTCDay() + 6) % 7;
}

export function startOfWeek(date: string): string {
  return addDays(date, -weekdayIndex(date));
}

export function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const first = new Date(Date.UTC(y, m, 1));
  return first.toISOString().slice(0, 10);
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The weeks (Monday to Sunday) that show a month, each as seven dates. */
export function monthGrid(anchor: string): string[][] {
  const first = `${monthOf(anchor)}-01`;
  const last = addDays(addMonths(first, 1), -1);
  const weeks: string[][] = [];
  for (let day = startOfWeek(first); day <= last; day = addDays(day, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(day, i)));
  }
  return weeks;
}

export function weekDays(anchor: string): string[] {
  const monday = startOfWeek(anchor);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** ISO 8601 week number and its year. */
export function isoWeek(date: string): { week: number; year: number } {
  const thursday = addDays(date, 3 - weekdayIndex(date));
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((toMs(thursday) - toMs(`${year}-01-01`)) / DAY_MS / 7) + 1;
  return { week, year };
}

/** Today in Amsterdam. */
export function today(now = new Date()): string {
  return now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
}

/**
 * The days an event is shown on: from its start date to its end date, except that a night that ends by
 * 06:00 the next morning (a beach party until 02:00) belongs to the evening it started.
 */
export function eventDays(e: Pick<CalendarEvent, 'start' | 'end'>): { first: string; last: string } {
  const first = e.start.slice(0, 10);
  let last = e.end.slice(0, 10);
  if (last > first && e.end.slice(11, 16) <= '06:00') last = addDays(last, -1);
  return { first, last };
}

/** Events per day for the given dates, each day in order of start time. */
export function eventsByDay(events: readonly CalendarEvent[], days: readonly string[]): Map<string, CalendarEvent[]> {
  const out = new Map<string, CalendarEvent[]>(days.map((d) => [d, []]));
  if (days.length === 0) return out;
  const from = days[0]!;
  const to = days[days.length - 1]!;
  for (const e of events) {
    const span = eventDays(e);
    if (span.last < from || span.first > to) continue;
    const start = span.first < from ? from : span.first;
    const end = span.last > to ? to : span.last;
    for (let d = start; d <= end; d = addDays(d, 1)) out.get(d)?.push(e);
  }
  // Events arrive sorted by start; a later-starting multi-day event can still come before others on a day.
  for (const list of out.values()) list.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  return out;
}

export interface CalendarFilter {
  hiddenHosts: readonly string[];
  hiddenRisks: readonly RiskClass[];
}

export function applyFilter(events: readonly CalendarEvent[], f: CalendarFilter): CalendarEvent[] {
  if (f.hiddenHosts.length === 0 && f.hiddenRisks.length === 0) return events as CalendarEvent[];
  const hosts = new Set(f.hiddenHosts);
  const risks = new Set<string>(f.hiddenRisks);
  return events.filter((e) => !hosts.has(e.host) && !risks.has(e.risk));
}

export type CalendarMode = 'month' | 'week' | 'list';

/** The dates a mode shows around an anchor date. */
export function visibleRange(mode: CalendarMode, anchor: string): { from: string; to: string } {
  if (mode === 'week') {
    const days = weekDays(anchor);
    return { from: days[0]!, to: days[6]! };
  }
  if (mode === 'list') return { from: `${anchor.slice(0, 4)}-01-01`, to: `${anchor.slice(0, 4)}-12-31` };
  const weeks = monthGrid(anchor);
  return { from: weeks[0]![0]!, to: weeks[weeks.length - 1]![6]! };
}

export function step(mode: CalendarMode, anchor: string, direction: 1 | -1): string {
  if (mode === 'week') return addDays(anchor, 7 * direction);
  if (mode === 'list') return `${Number(anchor.slice(0, 4)) + direction}-01-01`;
  return addMonths(anchor, direction);
}
