// The Kalender's state: which view and date, which filters, and the events per year as main last reported
// them. Years are fetched whole, so paging through months of a loaded year needs no new request.
import { create } from 'zustand';
import type { CalendarEvent } from '../../../shared/api/planning';
import type { RiskClass } from '../../../shared/domain/event';
import { api, type ApiCallError } from '../../api/client';
import { markDataArrived } from '../../components/render-timing';
import { asApiCallError } from '../../api/api-call-error';
import { latestOnly, type LatestOnly } from '../../api/latest-only';
import { today, type CalendarMode } from './calendar-model';

interface CalendarState {
  mode: CalendarMode;
  anchor: string;
  hiddenHosts: string[];
  hiddenRisks: RiskClass[];
  years: Record<number, CalendarEvent[]>;
  /** Years asked for and not yet answered. */
  pending: number[];
  error: ApiCallError | undefined;
  setMode(mode: CalendarMode): void;
  setAnchor(anchor: string): void;
  toggleHost(code: string): void;
  toggleRisk(risk: RiskClass): void;
  showAllHosts(): void;
  /** Fetches the years not loaded yet; `fresh` refetches them all (after the plan may have changed). */
  ensureYears(years: number[], fresh?: boolean): Promise<void>;
}

function toggled<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

/** One guard per year: only the newest load of a year may store its events. */
const yearGuards = new Map<number, LatestOnly>();
function guardOf(year: number): LatestOnly {
  let guard = yearGuards.get(year);
  if (!guard) yearGuards.set(year, (guard = latestOnly()));
  return guard;
}

export const useCalendarStore = create<CalendarState>((set, get) => ({
  mode: 'month',
  anchor: today(),
  hiddenHosts: [],
  hiddenRisks: [],
  years: {},
  pending: [],
  error: undefined,
  setMode: (mode) => set({ mode }),
  setAnchor: (anchor) => set({ anchor }),
  toggleHost: (code) => set((s) => ({ hiddenHosts: toggled(s.hiddenHosts, code) })),
  toggleRisk: (risk) => set((s) => ({ hiddenRisks: toggled(s.hiddenRisks, risk) })),
  showAllHosts: () => set({ hiddenHosts: [] }),
  async ensureYears(years, fresh = false) {
    // A fresh load of a year asks again even while an older answer for it is under way; that one is dropped.
    const missing = years.filter((y) => fresh || (!(y in get().years) && !get().pending.includes(y)));
    if (missing.length === 0) return;
    const checks = missing.map((y) => guardOf(y).start());
    set((s) => ({ pending: [...new Set([...s.pending, ...missing])], error: undefined }));
    const settled = (): number[] => missing.filter((_, i) => checks[i]!());
    try {
      const results = await Promise.all(missing.map((y) => api().call('calendar.range', { from: `${y}-01-01`, to: `${y}-12-31` })));
      const done = settled();
      if (done.length === 0) return;
      markDataArrived('calendar');
      set((s) => {
        const next = { ...s.years };
        missing.forEach((y, i) => done.includes(y) && (next[y] = results[i]!));
        return { years: next, pending: s.pending.filter((y) => !done.includes(y)) };
      });
    } catch (err) {
      const done = settled();
      if (done.length === 0) return;
      set((s) => ({ error: asApiCallError(err), pending: s.pending.filter((y) => !done.includes(y)) }));
    }
  },
}));

/** The loaded events of the given years, each once (an event over New Year is in both years). */
export function eventsOfYears(years: Record<number, CalendarEvent[]>, wanted: number[]): CalendarEvent[] | undefined {
  if (!wanted.every((y) => y in years)) return undefined;
  if (wanted.length === 1) return years[wanted[0]!]!;
  const seen = new Map<string, CalendarEvent>();
  for (const y of wanted) for (const e of years[y]!) seen.set(e.id, e);
  return [...seen.values()].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}
