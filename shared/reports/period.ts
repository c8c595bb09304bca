// Report periods as coordinators choose them (a month, a quarter, a year) and their first and last dates.

export type PeriodKind = 'month' | 'quarter' | 'year';

export interface Period {
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOf(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** index: month 1-12, quarter 1-4, ignored for a year. */
export function periodOf(kind: PeriodKind, year: number, index = 1): Period {
  const [first, last] = kind === 'year' ? [1, 12] : kind === 'quarter' ? [index * 3 - 2, index * 3] : [index, index];
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDayOf(year, last))}` };
}

/** The month, quarter or year a period is exactly, or null for any other range. */
export function kindOf(period: Period): { kind: PeriodKind; year: number; index: number } | null {
  const year = Number(period.from.slice(0, 4));
  if (period.to.slice(0, 4) !== period.from.slice(0, 4)) return null;
  const month = Number(period.from.slice(5, 7));
  const candidates: { kind: PeriodKind; index: number }[] = [
    { kind: 'month', index: month },
    { kind: 'quarter', index: Math.ceil(month / 3) },
    { kind: 'year', index: 1 },
  ];
  for (const c of candidates) {
    const p = periodOf(c.kind, year, c.index);
    if (p.from === period.from && p.to === period.to) return { ...c, year };
  }
  return null;
}

const MONTHS_NL = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function dayText(date: string, locale: 'nl' | 'en'): string {
  const months = locale === 'nl' ? MONTHS_NL : MONTHS_EN;
  return `${Number(date.slice(8, 10))} ${months[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

/** "3e kwartaal 2027 (1 juli 2027 t/m 30 september 2027)", "juli 2027 (...)", or just the two dates. */
export function describePeriod(period: Period, locale: 'nl' | 'en' = 'nl'): string {
  const range = locale === 'nl' ? `${dayText(period.from, locale)} t/m ${dayText(period.to, locale)}` : `${dayText(period.from, locale)} to ${dayText(period.to, locale)}`;
  const k = kindOf(period);
  if (!k) return range;
  const months = locale === 'nl' ? MONTHS_NL : MONTHS_EN;
  const name = k.kind === 'year' ? String(k.year) : k.kind === 'quarter' ? (locale === 'nl' ? `${k.index}e kwartaal ${k.year}` : `Q${k.index} ${k.year}`) : `${months[k.index - 1]} ${k.year}`;
  return `${name} (${range})`;
}

/** 'YYYY-MM-DD' as the Dutch write it: dd-mm-jjjj. */
export function dutchDate(date: string): string {
  return `${date.slice(8, 10)}-${date.slice(5, 7)}-${date.slice(0, 4)}`;
}
