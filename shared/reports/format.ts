// Dutch formatting for printed and exported reports (the PDF and CSV files are in Dutch, as the financial
// departments and briefings that receive them are).
import { dutchDate } from './period';
import type { SettlementModel } from '../settlement/types';
import type { ShiftRole } from '../domain/shift';

// Made on first use: the first Intl object of a process costs about 20 ms (ICU loads its data), which a start
// that prints nothing should not pay (issue 22: opening a copy).
let money: Intl.NumberFormat | undefined;
let hoursFormat: Intl.NumberFormat | undefined;
const WEEKDAYS = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'];

/** 130560 -> "€ 1.305,60" (with a normal space: a PDF's standard font has no narrow no-break space). */
export function money2(cents: number): string {
  money ??= new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
  return money.format(cents / 100).replace(/[\u00a0\u202f]/g, ' ');
}

/** Minutes as decimal hours: 510 -> "8,50". */
export function hours2(minutes: number): string {
  hoursFormat ??= new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return hoursFormat.format(minutes / 60);
}

export function weekday(date: string): string {
  const d = new Date(`${date}T12:00:00Z`).getUTCDay();
  return WEEKDAYS[(d + 6) % 7]!;
}

/** "vr 27-08-2027" */
export function dayLabel(date: string): string {
  return `${weekday(date)} ${dutchDate(date)}`;
}

/** "vr 27-08-2027 16:00–00:30" or, across more than one night, with both dates. */
export function shiftTime(start: string, end: string): string {
  const sameOrNextDay = end.slice(0, 10) === start.slice(0, 10) || Date.parse(end.slice(0, 10)) - Date.parse(start.slice(0, 10)) === 86_400_000;
  return sameOrNextDay ? `${dayLabel(start.slice(0, 10))} ${start.slice(11)}–${end.slice(11)}` : `${dayLabel(start.slice(0, 10))} ${start.slice(11)} – ${dayLabel(end.slice(0, 10))} ${end.slice(11)}`;
}

export const MODEL_LABEL: Record<SettlementModel, string> = { tariff: 'tarief', gesloten_beurs: 'gesloten beurs', none: 'geen afspraak' };

export const ROLE_LABEL: Record<ShiftRole, string> = { toezicht: 'Toezicht', verkeersregelaar: 'Verkeersregelaar', coordinatie: 'Coördinatie', parkeerhandhaving: 'Parkeerhandhaving' };

/** The state hash in groups of eight, for comparing by eye or by phone. */
export function groupedHash(hash: string): string {
  return hash.replace(/(.{8})(?=.)/g, '$1 ');
}

/** A file name part from free text: letters, digits and dashes. */
export function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return s === '' ? 'regie' : s;
}
