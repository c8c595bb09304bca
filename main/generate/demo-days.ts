// On which days of the week the sample events plausibly happen: a Koopzondag on a Sunday, a festival on a
// Friday or Saturday, a market on a weekday or Saturday. Pure date arithmetic on YYYY-MM-DD (no clock).

/** 0 = Sunday … 6 = Saturday, for a date YYYY-MM-DD. */
export function weekdayOf(date: string): number {
  return new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)))).getUTCDay();
}

const ANY = [0, 1, 2, 3, 4, 5, 6];
const WEEKEND = [0, 6];

/** The weekdays each kind of sample event is held on (kinds not listed: any day). */
export const EVENT_WEEKDAYS: Readonly<Record<string, readonly number[]>> = {
  Koopzondag: [0],
  Strandfeest: [5, 6, 0],
  Muziekfestival: [5, 6],
  Winterfestival: [5, 6],
  Braderie: WEEKEND,
  Hardloopwedstrijd: WEEKEND,
  'Halve marathon': [0],
  Zomermarkt: [1, 2, 3, 4, 5, 6],
  Wintermarkt: ANY,
  Lichtjesavond: [4, 5, 6],
  Voetbalwedstrijd: [0, 3, 6],
  Kermis: ANY,
  // Koningsdag is 27 April, or the 26th when the 27th is a Sunday: see koningsdag().
  Koningsdag: [1, 2, 3, 4, 5, 6],
};

export function fitsWeekday(kind: string, date: string): boolean {
  return (EVENT_WEEKDAYS[kind] ?? ANY).includes(weekdayOf(date));
}

/** Koningsdag of a year: 27 April, moved to Saturday the 26th when the 27th is a Sunday. */
export function koningsdag(year: number): string {
  return weekdayOf(`${year}-04-27`) === 0 ? `${year}-04-26` : `${year}-04-27`;
}
