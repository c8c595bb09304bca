// Dutch public holidays (feestdagen) for the holiday surcharge, from the maintained date-holidays data.
//
// Counted: Nieuwjaarsdag, Eerste en Tweede Paasdag, Koningsdag (27 April, or 26 April when the 27th is a
// Sunday), Hemelvaartsdag, Eerste en Tweede Pinksterdag, Eerste en Tweede Kerstdag (date-holidays type
// 'public'), and Bevrijdingsdag 5 May EVERY year. date-holidays marks 5 May only as a 'school' day; the
// usual practice in municipal collective agreements (cao Gemeenten) is to treat it as a feestdag every year,
// not only in lustrum years, so we add it. Not counted: Goede Vrijdag, Oudejaarsavond, Dodenherdenking and
// other observances. A caller with other terms passes its own lookup to settle().
//
// date-holidays (with moment-timezone and its astronomy, half of a bundle's code) is loaded the first time a
// settlement needs it, not when Regie starts (issue 22): `loadHolidays()` loads it; until then
// `isDutchPublicHoliday` throws HolidaysNotLoaded, and main's dispatch loads them and runs the call again.
import type Holidays from 'date-holidays';

/** Thrown by isDutchPublicHoliday before loadHolidays() finished: nothing was computed with a wrong calendar. */
export class HolidaysNotLoaded extends Error {
  constructor() {
    super('De feestdagen zijn nog niet geladen (loadHolidays).');
    this.name = 'HolidaysNotLoaded';
  }
}

let nl: Holidays | undefined;
let loading: Promise<void> | undefined;
const byYear = new Map<number, ReadonlySet<string>>();

/** Loads the holiday data once; later calls return at once. */
export function loadHolidays(): Promise<void> {
  loading ??= import('date-holidays').then(
    (m) => {
      nl = new m.default('NL');
    },
    (err: unknown) => {
      loading = undefined;
      throw err;
    },
  );
  return loading;
}

export function holidaysLoaded(): boolean {
  return nl !== undefined;
}

function holidaysOf(year: number): ReadonlySet<string> {
  let set = byYear.get(year);
  if (!set) {
    if (!nl) throw new HolidaysNotLoaded();
    const dates = nl
      .getHolidays(year)
      .filter((h) => h.type === 'public')
      .map((h) => h.date.slice(0, 10));
    set = new Set([...dates, `${year}-05-05`]);
    byYear.set(year, set);
  }
  return set;
}

/** Whether an ISO date ('YYYY-MM-DD') is a Dutch feestdag for the surcharge. Needs loadHolidays() first. */
export function isDutchPublicHoliday(date: string): boolean {
  return holidaysOf(Number(date.slice(0, 4))).has(date);
}
