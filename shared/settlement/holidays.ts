// Dutch public holidays (feestdagen) for the holiday surcharge, from the maintained date-holidays data.
//
// Counted: Nieuwjaarsdag, Eerste en Tweede Paasdag, Koningsdag (27 April, or 26 April when the 27th is a
// Sunday), Hemelvaartsdag, Eerste en Tweede Pinksterdag, Eerste en Tweede Kerstdag (date-holidays type
// 'public'), and Bevrijdingsdag 5 May EVERY year. date-holidays marks 5 May only as a 'school' day; the
// usual practice in municipal collective agreements (cao Gemeenten) is to treat it as a feestdag every year,
// not only in lustrum years, so we add it. Not counted: Goede Vrijdag, Oudejaarsavond, Dodenherdenking and
// other observances. A caller with other terms passes its own lookup to settle().
import Holidays from 'date-holidays';

let nl: Holidays | undefined;
const byYear = new Map<number, ReadonlySet<string>>();

function holidaysOf(year: number): ReadonlySet<string> {
  let set = byYear.get(year);
  if (!set) {
    nl ??= new Holidays('NL');
    const dates = nl
      .getHolidays(year)
      .filter((h) => h.type === 'public')
      .map((h) => h.date.slice(0, 10));
    set = new Set([...dates, `${year}-05-05`]);
    byYear.set(year, set);
  }
  return set;
}

/** Whether an ISO date ('YYYY-MM-DD') is a Dutch feestdag for the surcharge. */
export function isDutchPublicHoliday(date: string): boolean {
  return holidaysOf(Number(date.slice(0, 4))).has(date);
}
