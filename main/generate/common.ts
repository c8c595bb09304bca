// What the data generators share (the voorbeeldregio of the app, the demo of the CLI and the region of the
// benchmarks): names, dates, shift times, private details and the convenant of SCENARIOS.md 1. Each generator
// keeps its own way of writing (through the domain functions, as local ops, or as a partner's encoded
// entries), but the people and the agreements they write come from here; all of it is deterministic for a
// given random source (main/domain/derived-id.ts prng).
import type { AgreementTerms } from '../../shared/domain/agreement';

export const FIRST_NAMES = [
  'Sanne',
  'Daan',
  'Fatima',
  'Joost',
  'Marieke',
  'Yusuf',
  'Lotte',
  'Bram',
  'Noor',
  'Ruben',
  'Eva',
  'Mohamed',
  'Iris',
  'Thijs',
  'Anouk',
  'Kees',
  'Priya',
  'Jeroen',
  'Sara',
  'Wouter',
];
export const LAST_NAMES = ['de Vries', 'Jansen', 'Bakker', 'el Amrani', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'Bos', 'Vos', 'Peters', 'Hendriks', 'Dekker', 'Yilmaz', 'van Dijk'];

/** One from a list, by the random source. */
export const pickFrom = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

/** An officer's name: a first and a last name (two draws, in that order). */
export const personName = (rand: () => number): string => `${pickFrom(rand, FIRST_NAMES)} ${pickFrom(rand, LAST_NAMES)}`;

/** The details that stay on the employer's device (officer_private): a phone and a BOA number (two draws). */
export function privateDetails(rand: () => number): { phone: string; boaNumber: string } {
  const phone = `06-${String(10000000 + Math.floor(rand() * 89999999))}`;
  const boaNumber = `BOA-${100000 + Math.floor(rand() * 899999)}`;
  return { phone, boaNumber };
}

/** A date (yyyy-mm-dd) some days later or earlier. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A shift on `day` from `from` to `to` (HH:MM); one that ends at or before its start ends the next day. */
export function shiftTimes(day: string, [from, to]: readonly [string, string]): { start: string; end: string } {
  return { start: `${day}T${from}`, end: `${to <= from ? addDays(day, 1) : day}T${to}` };
}

/** Scenario 1's convenant: EUR 68/hour with surcharges, 120 h per provider per month, mandate of 4 officers. */
export function convenantTerms(parties: string[], year: number): AgreementTerms {
  const tariff = { model: 'tariff' as const, hourlyCents: 6800, surcharges: { evening: 20, night: 40, weekend: 70, holiday: 100 } };
  return {
    title: `Convenant handhaving evenementen ${year}`,
    parties: [...parties].sort(),
    start: `${year}-01-01`,
    end: `${year}-12-31`,
    providers: Object.fromEntries([...parties].sort().map((p) => [p, tariff])),
    capHoursPerMonth: 120,
    mandate: { maxOfficers: 4, maxHours: null, escalateTo: 'teamleider handhaving' },
  };
}
