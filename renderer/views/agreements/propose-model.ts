// The propose form's values as typed (strings), their checks, and the agreement terms they become.
import type { AgreementTerms, ProviderTerms } from '../../../shared/domain/agreement';

export interface ProviderValues {
  model: 'tariff' | 'gesloten_beurs';
  hourly: string;
  evening: string;
  night: string;
  weekend: string;
  holiday: string;
}

export interface ProposeValues {
  title: string;
  parties: string[];
  start: string;
  end: string;
  providers: Record<string, ProviderValues>;
  cap: string;
  maxOfficers: string;
  maxHours: string;
  escalateTo: string;
}

export type ProposeError = 'title' | 'parties' | 'start' | 'end' | 'endBeforeStart' | 'hourly' | 'percent' | 'cap' | 'maxOfficers' | 'maxHours' | 'escalateTo';

/** Field id -> what is wrong. Provider fields are keyed "hourly-GM0473" etc. */
export type ProposeErrors = Record<string, ProposeError>;

export const DEFAULT_PROVIDER: ProviderValues = { model: 'tariff', hourly: '68,00', evening: '20', night: '40', weekend: '70', holiday: '100' };

/**
 * A new agreement runs for the next 12 months: from the first day of next month up to the day before the
 * same date a year later (not just the rest of the calendar year). `today` is 'YYYY-MM-DD'.
 */
export function defaultPeriod(today: string): { start: string; end: string } {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const start = new Date(Date.UTC(y, m, 1));
  const end = new Date(Date.UTC(y + 1, m, 0));
  return { start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10) };
}

export function defaultValues(own: string, today: string): ProposeValues {
  const { start, end } = defaultPeriod(today);
  const years = start.slice(0, 4) === end.slice(0, 4) ? start.slice(0, 4) : `${start.slice(0, 4)}-${end.slice(0, 4)}`;
  return {
    title: `Convenant handhaving evenementen ${years}`,
    parties: [own],
    start,
    end,
    providers: { [own]: { ...DEFAULT_PROVIDER } },
    cap: '120',
    maxOfficers: '4',
    maxHours: '',
    escalateTo: 'teamleider handhaving',
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function wholeNumber(text: string, max: number): number | undefined {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return undefined;
  const n = Number(t);
  return n <= max ? n : undefined;
}

/** "68", "68,50" or "68.50" euros -> cents. */
export function parseEuros(text: string): number | undefined {
  const m = /^(\d{1,4})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

export function validate(v: ProposeValues): { ok: true; terms: AgreementTerms } | { ok: false; errors: ProposeErrors } {
  const errors: ProposeErrors = {};
  if (v.title.trim() === '') errors.title = 'title';
  if (v.parties.length < 2) errors.parties = 'parties';
  if (!DATE.test(v.start)) errors.start = 'start';
  if (!DATE.test(v.end)) errors.end = 'end';
  else if (DATE.test(v.start) && v.end < v.start) errors.end = 'endBeforeStart';
  const providers: Record<string, ProviderTerms> = {};
  for (const p of v.parties) {
    const pv = v.providers[p] ?? DEFAULT_PROVIDER;
    if (pv.model === 'gesloten_beurs') {
      providers[p] = { model: 'gesloten_beurs' };
      continue;
    }
    const cents = parseEuros(pv.hourly);
    if (cents === undefined) errors[`hourly-${p}`] = 'hourly';
    const pct = { evening: wholeNumber(pv.evening, 300), night: wholeNumber(pv.night, 300), weekend: wholeNumber(pv.weekend, 300), holiday: wholeNumber(pv.holiday, 300) };
    for (const [k, n] of Object.entries(pct)) if (n === undefined) errors[`${k}-${p}`] = 'percent';
    if (cents !== undefined && Object.values(pct).every((n) => n !== undefined)) {
      providers[p] = { model: 'tariff', hourlyCents: cents, surcharges: { evening: pct.evening!, night: pct.night!, weekend: pct.weekend!, holiday: pct.holiday! } };
    }
  }
  const cap = wholeNumber(v.cap, 100_000);
  if (cap === undefined) errors.cap = 'cap';
  const maxOfficers = wholeNumber(v.maxOfficers, 1000);
  if (maxOfficers === undefined) errors.maxOfficers = 'maxOfficers';
  const maxHours = v.maxHours.trim() === '' ? null : wholeNumber(v.maxHours, 100_000);
  if (maxHours === undefined) errors.maxHours = 'maxHours';
  if (v.escalateTo.trim() === '') errors.escalateTo = 'escalateTo';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    terms: {
      title: v.title.trim(),
      parties: [...v.parties].sort(),
      start: v.start,
      end: v.end,
      providers,
      capHoursPerMonth: cap!,
      mandate: { maxOfficers: maxOfficers!, maxHours: maxHours ?? null, escalateTo: v.escalateTo.trim() },
    },
  };
}

/** The form's values for a counter-proposal: the other party's terms, ready to change and send back. */
export function valuesFromTerms(terms: AgreementTerms): ProposeValues {
  const providers: Record<string, ProviderValues> = {};
  for (const p of terms.parties) {
    const pt = terms.providers[p];
    if (!pt) providers[p] = { ...DEFAULT_PROVIDER };
    else if (pt.model === 'gesloten_beurs') providers[p] = { ...DEFAULT_PROVIDER, model: 'gesloten_beurs' };
    else {
      const euros = `${Math.floor(pt.hourlyCents / 100)},${String(pt.hourlyCents % 100).padStart(2, '0')}`;
      const sc = pt.surcharges;
      providers[p] = { model: 'tariff', hourly: euros, evening: String(sc.evening), night: String(sc.night), weekend: String(sc.weekend), holiday: String(sc.holiday) };
    }
  }
  return {
    title: terms.title,
    parties: [...terms.parties],
    start: terms.start,
    end: terms.end,
    providers,
    cap: String(terms.capHoursPerMonth),
    maxOfficers: String(terms.mandate.maxOfficers),
    maxHours: terms.mandate.maxHours === null ? '' : String(terms.mandate.maxHours),
    escalateTo: terms.mandate.escalateTo,
  };
}
