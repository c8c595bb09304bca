// Capaciteit per day from the capacity view: counts, names per state, and the heat level of a day.
import type { CapacityView, CapacityWork, PartnerCommitment } from '../../../shared/api/coordination';

export interface DaySummary {
  date: string;
  available: string[];
  committed: { name: string; work: CapacityWork[] }[];
  absent: string[];
  /** Not deployable: the akte is not valid that day. */
  noAkte: string[];
  partners: PartnerCommitment[];
}

export function summarise(view: CapacityView, dayIndex: number): DaySummary {
  const out: DaySummary = { date: view.days[dayIndex] ?? '', available: [], committed: [], absent: [], noAkte: [], partners: view.partners[dayIndex] ?? [] };
  for (const o of view.officers) {
    const cell = o.cells[dayIndex];
    if (!cell) continue;
    if (cell.state === 'absent') out.absent.push(o.name);
    else if (cell.state === 'no_akte') out.noAkte.push(o.name);
    else if (cell.state === 'committed') out.committed.push({ name: o.name, work: cell.work });
    else out.available.push(o.name);
  }
  return out;
}

/** 0 = everyone available ... 4 = nobody available. Shown with a pattern as well as a colour. */
export function heatLevel(day: DaySummary): number {
  const total = day.available.length + day.committed.length + day.absent.length + day.noAkte.length;
  if (total === 0) return 0;
  const share = day.available.length / total;
  return share === 1 ? 0 : share >= 0.75 ? 1 : share >= 0.5 ? 2 : share > 0 ? 3 : 4;
}

/** Weeks of seven dates from the view's days (the view starts on a Monday). */
export function weeksOf(days: readonly string[]): string[][] {
  const weeks: string[][] = [];
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
  return weeks;
}

export function mondayOf(date: string): string {
  const d = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))));
  const weekday = d.getUTCDay() === 0 ? 7 : d.getUTCDay();
  d.setUTCDate(d.getUTCDate() - (weekday - 1));
  return d.toISOString().slice(0, 10);
}

/** ISO week number of a date. */
export function isoWeekNumber(date: string): number {
  const monday = mondayOf(date);
  const thursday = new Date(`${monday}T12:00:00Z`);
  thursday.setUTCDate(thursday.getUTCDate() + 3);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return Math.floor((thursday.getTime() - yearStart) / 86_400_000 / 7) + 1;
}
