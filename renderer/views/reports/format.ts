// Numbers as Rapportage shows them: decimal hours, euros, and chart bucket labels, per UI language.
import type { Locale } from '../../../shared/i18n/messages';

const TAGS: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };

export function hoursText(minutes: number, locale: Locale): string {
  return new Intl.NumberFormat(TAGS[locale], { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(minutes / 60);
}

export function moneyText(cents: number, locale: Locale): string {
  return new Intl.NumberFormat(TAGS[locale], { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

export function monthName(month: number, locale: Locale, style: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(TAGS[locale], { month: style, timeZone: 'UTC' }).format(new Date(Date.UTC(2027, month - 1, 15)));
}

/** '2027-08' -> "aug 2027"; '2027-W34' -> "week 34". */
export function bucketLabel(key: string, locale: Locale, weekWord: (week: number) => string): string {
  const week = /^\d{4}-W(\d{2})$/.exec(key);
  if (week) return weekWord(Number(week[1]));
  return `${monthName(Number(key.slice(5, 7)), locale, 'short').replace(/\.$/, '')} ${key.slice(0, 4)}`;
}

/** The state hash in groups of eight, for comparing by eye or by phone. */
export function groupedHash(hash: string): string[] {
  return hash.match(/.{1,8}/g) ?? [hash];
}
