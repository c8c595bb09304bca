// The period and pair chosen on Rapportage, kept while the user visits other screens.
import { create } from 'zustand';
import { periodOf, type Period, type PeriodKind } from '../../../shared/reports/period';

export interface ReportChoice {
  kind: PeriodKind;
  year: number;
  /** Month 1-12 or quarter 1-4; ignored for a year. */
  index: number;
  /** 'GM0397|GM0473', or '' for all gemeenten. */
  pair: string;
  /** Rapportage › Verrekening or › Samenwerking. */
  tab?: 'settlement' | 'cooperation';
}

interface ReportState extends ReportChoice {
  choose(patch: Partial<ReportChoice>): void;
}

function initial(now = new Date()): ReportChoice {
  const month = now.getMonth() + 1;
  return { kind: 'quarter', year: now.getFullYear(), index: Math.ceil(month / 3), pair: '' };
}

export const useReportStore = create<ReportState>((set) => ({
  ...initial(),
  choose(patch) {
    set((s) => {
      const next = { ...s, ...patch };
      // Switching between month and quarter keeps the same part of the year.
      if (patch.kind && patch.kind !== s.kind && patch.index === undefined) {
        if (patch.kind === 'month') next.index = s.kind === 'quarter' ? s.index * 3 - 2 : 1;
        if (patch.kind === 'quarter') next.index = s.kind === 'month' ? Math.ceil(s.index / 3) : 1;
      }
      return next;
    });
  },
}));

export function periodOfChoice(c: ReportChoice): Period {
  return periodOf(c.kind, c.year, c.index);
}

export function pairOfChoice(c: ReportChoice): [string, string] | undefined {
  const [a, b] = c.pair.split('|');
  return a && b ? [a, b] : undefined;
}
