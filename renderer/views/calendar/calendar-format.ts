// Day and period labels for the Kalender in the user's language ("vrijdag 27 augustus", "augustus 2027").
import type { Locale } from '../../../shared/i18n/messages';
import { isoWeek } from './calendar-model';

const TAGS: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };

function utc(date: string): Date {
  return new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), 12));
}

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(TAGS[locale], { timeZone: 'UTC', ...options });
    cache.set(key, f);
  }
  return f;
}

/** "vrijdag 27 augustus 2027" */
export function dayLabel(date: string, locale: Locale): string {
  return fmt(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(utc(date)).replace(',', '');
}

/** "vr 27 aug" */
export function shortDayLabel(date: string, locale: Locale): string {
  const parts = fmt(locale, { weekday: 'short', day: 'numeric', month: 'short' }).formatToParts(utc(date));
  const get = (type: Intl.DateTimeFormatPartTypes) => (parts.find((p) => p.type === type)?.value ?? '').replace(/\.$/, '');
  return `${get('weekday')} ${get('day')} ${get('month')}`;
}

/** "augustus 2027" */
export function monthLabel(date: string, locale: Locale): string {
  return fmt(locale, { month: 'long', year: 'numeric' }).format(utc(date));
}

/** "week 34 (23 – 29 aug 2027)" */
export function weekLabel(from: string, to: string, locale: Locale, word: string): string {
  const { week } = isoWeek(from);
  return `${word} ${week} (${shortDayLabel(from, locale)} – ${shortDayLabel(to, locale)} ${to.slice(0, 4)})`;
}

/** Monday-first weekday names: [short, long]. */
export function weekdayNames(locale: Locale): [string, string][] {
  // 2027-08-23 is a Monday.
  return Array.from({ length: 7 }, (_, i) => {
    const d = utc(`2027-08-${23 + i}`);
    return [fmt(locale, { weekday: 'short' }).format(d).replace(/\.$/, ''), fmt(locale, { weekday: 'long' }).format(d)];
  });
}
