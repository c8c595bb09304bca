// Dates as coordinators read them: "vr 27 aug 2027 10:00". Times are Amsterdam wall-clock strings, so they are
// formatted as given (via UTC) and never shifted into the viewer's own time zone.
import type { Locale } from '../../shared/i18n/messages';
import { parseLocal } from '../../shared/time/local';

const TAGS: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };

function dateFormat(locale: Locale): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(TAGS[locale], { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
}

function partsOf(value: string): { date: Date; time: string } | undefined {
  const p = parseLocal(value);
  if (!p) return undefined;
  return {
    date: new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute)),
    time: `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`,
  };
}

function formatDate(date: Date, locale: Locale): string {
  // Assembled from parts so no locale-specific commas or dots ("vr 27 aug." / "Fri, 27 Aug") creep in.
  const parts = dateFormat(locale).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => (parts.find((x) => x.type === type)?.value ?? '').replace(/\.$/, '');
  return `${get('weekday')} ${get('day')} ${get('month')} ${get('year')}`;
}

export function formatLocal(value: string, locale: Locale): string {
  const p = partsOf(value);
  return p ? `${formatDate(p.date, locale)} ${p.time}` : value;
}

/**
 * A period as its two ends and the dash between them: ["vr 27 aug 2027 10:00", " – ", "zo 29 aug 2027 18:00"],
 * or ["ma 3 mei 2027 10:00", "–", "18:00"] within one day. Separate, so a table can wrap between the ends only.
 */
export function periodParts(start: string, end: string, locale: Locale): [string, string, string] {
  const a = partsOf(start);
  const b = partsOf(end);
  if (!a || !b) return [start, ' – ', end];
  const from = `${formatDate(a.date, locale)} ${a.time}`;
  if (start.slice(0, 10) === end.slice(0, 10)) return [from, '–', b.time];
  return [from, ' – ', `${formatDate(b.date, locale)} ${b.time}`];
}

export function formatPeriod(start: string, end: string, locale: Locale): string {
  return periodParts(start, end, locale).join('');
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(TAGS[locale]).format(value);
}
