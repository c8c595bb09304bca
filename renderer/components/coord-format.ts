// Small formatting helpers the planning screens share: a date without time, euros, hours from minutes.
import type { Locale } from '../../shared/i18n/messages';

const TAGS: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };

function utcDate(date: string): Date {
  return new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))));
}

/** 'YYYY-MM-DD' as "vr 27 aug 2027" (no locale dots or commas, like formatLocal). */
export function formatDay(date: string, locale: Locale, options: { weekday?: boolean; year?: boolean } = {}): string {
  const parts = new Intl.DateTimeFormat(TAGS[locale], {
    timeZone: 'UTC',
    ...(options.weekday === false ? {} : { weekday: 'short' }),
    day: 'numeric',
    month: 'short',
    ...(options.year === false ? {} : { year: 'numeric' }),
  }).formatToParts(utcDate(date));
  const get = (type: Intl.DateTimeFormatPartTypes) => (parts.find((x) => x.type === type)?.value ?? '').replace(/\.$/, '');
  return [get('weekday'), get('day'), get('month'), get('year')].filter(Boolean).join(' ');
}

/** 'YYYY-MM' as "augustus 2027". */
export function formatMonth(month: string, locale: Locale): string {
  return new Intl.DateTimeFormat(TAGS[locale], { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(utcDate(`${month}-01`));
}

export function formatEuros(cents: number, locale: Locale): string {
  return new Intl.NumberFormat(TAGS[locale], { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** Minutes as hours with at most one decimal: 510 -> "8,5". */
export function formatHours(minutes: number, locale: Locale): string {
  return new Intl.NumberFormat(TAGS[locale], { maximumFractionDigits: 1 }).format(minutes / 60);
}

/** Today's date on this computer, 'YYYY-MM-DD'. */
export function todayLocal(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whole days from a to b ('YYYY-MM-DD'). */
export function daysFrom(a: string, b: string): number {
  return Math.round((utcDate(b).getTime() - utcDate(a).getTime()) / 86_400_000);
}

export function addDaysTo(date: string, days: number): string {
  const d = utcDate(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
