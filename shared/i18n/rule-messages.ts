// Texts of rule violations (shared/rules), nl and en, rendered from a violation's code and params so the
// UI can show a stored violation in either language. Params hold raw values (local times, minutes).
import type { RuleCode } from '../rules/types';
import type { Locale } from './messages';

export type RuleParams = Readonly<Record<string, string | number>>;

interface Format {
  /** 'za 28 aug 16:00' */
  dateTime(local: string): string;
  /** 'za 28 aug 16:00-00:30', or both ends in full when the period spans more than a day. */
  range(start: string, end: string): string;
  /** '27 aug 2027' */
  date(date: string): string;
  /** '9 u 30' */
  duration(minutes: number): string;
  /** 'augustus 2027' */
  month(yearMonth: string): string;
  /** 'week 52 van 2027' */
  week(week: number, year: number): string;
  /** 'a, b en c' */
  list(items: string[]): string;
  qualification(key: string): string;
  role(key: string): string;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

function parts(local: string): { y: number; m: number; d: number; time: string; weekday: number } {
  const y = Number(local.slice(0, 4));
  const m = Number(local.slice(5, 7));
  const d = Number(local.slice(8, 10));
  return { y, m, d, time: local.slice(11, 16), weekday: new Date(Date.UTC(y, m - 1, d)).getUTCDay() };
}

function makeFormat(words: {
  weekdays: readonly string[];
  months: readonly string[];
  monthsLong: readonly string[];
  hour: string;
  weekOf: string;
  and: string;
  qualifications: Record<string, string>;
  roles: Record<string, string>;
}): Format {
  const day = (local: string): string => {
    const p = parts(local);
    return `${words.weekdays[p.weekday] ?? ''} ${p.d} ${words.months[p.m - 1] ?? ''}`;
  };
  const f: Format = {
    dateTime: (local) => `${day(local)} ${parts(local).time}`,
    range: (start, end) => {
      const ms = (l: string): number => Date.UTC(parts(l).y, parts(l).m - 1, parts(l).d);
      const days = (ms(end) - ms(start)) / 86_400_000;
      const short = days === 0 || (days === 1 && parts(end).time <= parts(start).time);
      return short ? `${f.dateTime(start)}-${parts(end).time}` : `${f.dateTime(start)} - ${f.dateTime(end)}`;
    },
    date: (date) => {
      const p = parts(`${date}T00:00`);
      return `${p.d} ${words.months[p.m - 1] ?? ''} ${p.y}`;
    },
    duration: (minutes) => {
      const h = Math.floor(minutes / 60);
      const m = Math.round(minutes - h * 60);
      return m === 0 ? `${h} ${words.hour}` : `${h} ${words.hour} ${pad2(m)}`;
    },
    month: (yearMonth) => `${words.monthsLong[Number(yearMonth.slice(5, 7)) - 1] ?? ''} ${yearMonth.slice(0, 4)}`,
    week: (week, year) => `week ${week} ${words.weekOf} ${year}`,
    list: (items) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${words.and} ${items[items.length - 1] ?? ''}`),
    qualification: (key) => words.qualifications[key] ?? key,
    role: (key) => words.roles[key] ?? key,
  };
  return f;
}

const nlFormat = makeFormat({
  weekdays: ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'],
  months: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  monthsLong: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  hour: 'u',
  weekOf: 'van',
  and: 'en',
  qualifications: {
    verkeersregelaar: 'aanstelling als verkeersregelaar',
    handboeien: 'bevoegdheid handboeien',
    wapenstok: 'bevoegdheid wapenstok',
    pepperspray: 'bevoegdheid pepperspray',
  },
  roles: { toezicht: 'toezicht', verkeersregelaar: 'verkeersregelaar', coordinatie: 'coördinatie', parkeerhandhaving: 'parkeerhandhaving' },
});

const enFormat = makeFormat({
  weekdays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  monthsLong: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  hour: 'h',
  weekOf: 'of',
  and: 'and',
  qualifications: {
    verkeersregelaar: 'traffic controller appointment',
    handboeien: 'handcuffs authorisation',
    wapenstok: 'baton authorisation',
    pepperspray: 'pepper spray authorisation',
  },
  roles: { toezicht: 'supervision', verkeersregelaar: 'traffic control', coordinatie: 'coordination', parkeerhandhaving: 'parking enforcement' },
});

type Template = (p: RuleParams, f: Format) => string;

const s = (p: RuleParams, key: string): string => String(p[key] ?? '');
const n = (p: RuleParams, key: string): number => Number(p[key] ?? 0);

/** Why a shift's real length differs from what the clock says (the DST nights). */
function dstNote(p: RuleParams, longer: string, shorter: string): string {
  const diff = n(p, 'minutes') - n(p, 'clockMinutes');
  return diff > 0 ? ` ${longer}` : diff < 0 ? ` ${shorter}` : '';
}

const nl: Record<RuleCode, Template> = {
  ATW_SHIFT_TOO_LONG: (p, f) =>
    (n(p, 'count') > 1
      ? `${s(p, 'officer')} werkt ${f.duration(n(p, 'minutes'))} aaneengesloten (${n(p, 'count')} diensten achter elkaar, ${f.range(s(p, 'start'), s(p, 'end'))}); een dienst duurt maximaal 12 uur.`
      : `De dienst van ${s(p, 'officer')} op ${f.range(s(p, 'start'), s(p, 'end'))} duurt ${f.duration(n(p, 'minutes'))}; een dienst duurt maximaal 12 uur.`) +
    dstNote(p, 'Door de overgang naar wintertijd is dat een uur langer dan de klok aangeeft.', 'Door de overgang naar zomertijd is dat een uur korter dan de klok aangeeft.'),
  ATW_NIGHT_SHIFT_TOO_LONG: (p, f) => {
    const what = `De nachtdienst van ${s(p, 'officer')} op ${f.range(s(p, 'start'), s(p, 'end'))} duurt ${f.duration(n(p, 'minutes'))}`;
    if (p.variant === 'per14days')
      return `${what}. Een nachtdienst duurt maximaal 10 uur; tot 12 uur mag maximaal 5 keer per 14 x 24 uur, en dit is de ${n(p, 'count')}e keer sinds ${f.dateTime(s(p, 'from'))}.`;
    if (p.variant === 'per52weeks')
      return `${what}. Een nachtdienst duurt maximaal 10 uur; tot 12 uur mag maximaal 22 keer per 52 weken, en dit is de ${n(p, 'count')}e keer sinds ${f.dateTime(s(p, 'from'))}.`;
    return `${what} (met pauzes); een nachtdienst duurt maximaal 12 uur.`;
  },
  ATW_REST_TOO_SHORT: (p, f) => {
    const base =
      n(p, 'clipped') === 1
        ? `${s(p, 'officer')} heeft in de 24 uur vanaf ${f.dateTime(s(p, 'periodStart'))} maar ${f.duration(n(p, 'restMinutes'))} aaneengesloten rust: de diensten tot ${f.dateTime(s(p, 'prevEnd'))} beslaan met hun pauzes te veel van die 24 uur`
        : `${s(p, 'officer')} heeft maar ${f.duration(n(p, 'restMinutes'))} rust tussen de dienst van ${f.range(s(p, 'prevStart'), s(p, 'prevEnd'))} en die van ${f.dateTime(s(p, 'nextStart'))}`;
    if (p.variant === 'under8') return `${base} (minimaal 11 uur, en nooit minder dan 8 uur).`;
    if (p.variant === 'second')
      return `${base} (minimaal 11 uur). Korter dan 11 uur mag maar één keer per 7 dagen, en dat gebeurde al na de dienst van ${f.range(s(p, 'earlierStart'), s(p, 'earlierEnd'))}.`;
    return `${base} (minimaal 11 uur). Eén keer per 7 dagen mag 8 tot 11 uur rust, met een vastgelegde reden.`;
  },
  ATW_NIGHT_REST_TOO_SHORT: (p, f) => {
    const base = `${s(p, 'officer')} heeft maar ${f.duration(n(p, 'restMinutes'))} rust na de nachtdienst van ${f.range(s(p, 'prevStart'), s(p, 'prevEnd'))}, tot de dienst van ${f.dateTime(s(p, 'nextStart'))}. Na een nachtdienst die na 02:00 eindigt is minimaal 14 uur rust nodig`;
    if (p.variant === 'under8') return `${base}, en nooit minder dan 8 uur.`;
    if (p.variant === 'second') return `${base}. Korter mag maar één keer per 7 dagen, en dat gebeurde al na de nachtdienst van ${f.range(s(p, 'earlierStart'), s(p, 'earlierEnd'))}.`;
    return `${base}; één keer per 7 dagen mag 8 tot 14 uur, met een vastgelegde reden.`;
  },
  ATW_NIGHT_SERIES_REST_TOO_SHORT: (p, f) =>
    `${s(p, 'officer')} werkt ${n(p, 'count')} nachtdiensten achter elkaar (vanaf ${f.dateTime(s(p, 'seriesStart'))}, de laatste tot ${f.dateTime(s(p, 'prevEnd'))}) en heeft daarna maar ${f.duration(n(p, 'restMinutes'))} rust tot de dienst van ${f.dateTime(s(p, 'nextStart'))}; na 3 of meer nachtdiensten achter elkaar is minimaal 46 uur rust nodig.`,
  ATW_NIGHT_SHIFTS_PER_16_WEEKS: (p, f) =>
    `De nachtdienst van ${s(p, 'officer')} op ${f.range(s(p, 'start'), s(p, 'end'))} is de ${n(p, 'count')}e nachtdienst in 16 weken (sinds ${f.dateTime(s(p, 'from'))}); maximaal ${n(p, 'max')} nachtdiensten per 16 weken.`,
  ATW_WEEKLY_REST_TOO_SHORT: (p, f) =>
    `${s(p, 'officer')} heeft tussen ${f.dateTime(s(p, 'start'))} en ${f.dateTime(s(p, 'end'))} geen 36 uur aaneengesloten rust in 7 x 24 uur (de langste rust is ${f.duration(n(p, 'longestMinutes'))}), en ook geen 72 uur in 14 x 24 uur in delen van minimaal 32 uur.`,
  ATW_FOURTEEN_DAYS_IN_A_ROW: (p, f) =>
    `${s(p, 'officer')} werkt ${n(p, 'days')} dagen achter elkaar (${f.date(s(p, 'from'))} t/m ${f.date(s(p, 'to'))}). Controleer of er genoeg wekelijkse rust overblijft (36 uur per 7 dagen of 72 uur per 14 dagen); leg een reden vast.`,
  ATW_WEEK_TOO_LONG: (p, f) =>
    `${s(p, 'officer')} werkt ${f.duration(n(p, 'minutes'))} in ${f.week(n(p, 'week'), n(p, 'weekYear'))} (${f.date(s(p, 'from'))} t/m ${f.date(s(p, 'to'))}); maximaal 60 uur per week.`,
  ATW_FOUR_WEEK_AVERAGE: (p, f) =>
    `${s(p, 'officer')} werkt ${f.duration(n(p, 'minutes'))} in ${f.week(n(p, 'firstWeek'), n(p, 'firstWeekYear'))} t/m ${f.week(n(p, 'lastWeek'), n(p, 'lastWeekYear'))} (${f.date(s(p, 'from'))} t/m ${f.date(s(p, 'to'))}), gemiddeld ${f.duration(n(p, 'averageMinutes'))} per week; over 4 weken maximaal gemiddeld 55 uur per week.`,
  ATW_SIXTEEN_WEEK_AVERAGE: (p, f) =>
    `${s(p, 'officer')} werkt ${f.duration(n(p, 'minutes'))} in ${f.week(n(p, 'firstWeek'), n(p, 'firstWeekYear'))} t/m ${f.week(n(p, 'lastWeek'), n(p, 'lastWeekYear'))} (${f.date(s(p, 'from'))} t/m ${f.date(s(p, 'to'))}), gemiddeld ${f.duration(n(p, 'averageMinutes'))} per week; over 16 weken maximaal gemiddeld 48 uur per week.`,
  OFFICER_DOUBLE_BOOKED: (p, f) =>
    `${s(p, 'officer')} staat dubbel ingepland: ${f.range(s(p, 'start'), s(p, 'end'))} (${s(p, 'event')}) overlapt met ${f.range(s(p, 'otherStart'), s(p, 'otherEnd'))} (${s(p, 'otherEvent')}).`,
  OFFICER_ABSENT: (p, f) =>
    `${s(p, 'officer')} is afwezig van ${f.range(s(p, 'absenceStart'), s(p, 'absenceEnd'))} en kan daarom niet op de dienst van ${f.range(s(p, 'start'), s(p, 'end'))} (${s(p, 'event')}).`,
  AKTE_EXPIRED: (p, f) => `De akte van ${s(p, 'officer')} is geldig tot en met ${f.date(s(p, 'validUntil'))}; de dienst van ${f.range(s(p, 'start'), s(p, 'end'))} (${s(p, 'event')}) valt daarna.`,
  AKTE_DOMAIN_MISMATCH: (p, f) =>
    `De akte van ${s(p, 'officer')} is voor Domein ${s(p, 'domain')}; de dienst van ${f.range(s(p, 'start'), s(p, 'end'))} (${f.role(s(p, 'role'))}, ${s(p, 'event')}) vraagt een akte voor Domein ${f.list(s(p, 'needed').split(','))} (openbare ruimte).`,
  OUTSIDE_WERKGEBIED: (p, f) =>
    `${s(p, 'host')} ligt niet in het werkgebied van de akte van ${s(p, 'officer')} (dienst van ${f.range(s(p, 'start'), s(p, 'end'))})${p.variant === 'own' ? '' : `; een afspraak tussen ${s(p, 'provider')} en ${s(p, 'host')} breidt de opsporingsbevoegdheid niet uit`}. Laat ${s(p, 'provider')} het werkgebied uitbreiden via Justis, of zet een andere handhaver in.`,
  QUALIFICATION_MISSING: (p, f) =>
    `${s(p, 'officer')} mist voor de dienst van ${f.range(s(p, 'start'), s(p, 'end'))} (${f.role(s(p, 'role'))}): ${f.list(s(p, 'missing').split(',').map(f.qualification))}.`,
  TRAFFIC_APPOINTMENT_EXPIRED: (p, f) =>
    `De aanstelling als verkeersregelaar van ${s(p, 'officer')} is van ${f.date(s(p, 'appointed'))} en gold tot en met ${f.date(s(p, 'validUntil'))}; bij de dienst van ${f.range(s(p, 'start'), s(p, 'end'))} is die ouder dan 1 jaar.`,
  PAIRS_INCOMPLETE: (p, f) =>
    `De dienst van ${f.range(s(p, 'start'), s(p, 'end'))} bij ${s(p, 'event')} werkt in koppels, maar heeft ${n(p, 'count')} ${n(p, 'count') === 1 ? 'handhaver' : 'handhavers'}: er mist er één voor een volledig koppel.`,
  NO_AGREEMENT_IN_FORCE: (p, f) => {
    const title = `"${s(p, 'title')}"`;
    const why: Record<string, string> = {
      none: 'noemt geen afspraak',
      unknown: 'noemt een afspraak die in dit plan niet bekend is',
      not_party: `valt onder ${title}, maar daarin zijn ${s(p, 'host')} en ${s(p, 'provider')} niet allebei partij`,
      no_terms: `valt onder ${title}, maar daarin staan geen voorwaarden voor ${s(p, 'provider')} als uitlenende gemeente`,
      unsigned: `valt onder ${title}, maar die is nog niet door alle partijen ondertekend (ontbreekt: ${s(p, 'missing')})`,
      not_started: `valt onder ${title}, maar die gaat pas in op ${f.date(s(p, 'date'))}`,
      ended: `valt onder ${title}, maar die liep af op ${f.date(s(p, 'date'))}`,
      terminated: `valt onder ${title}, maar die is opgezegd per ${f.date(s(p, 'date'))}`,
    };
    return `Het verzoek van ${s(p, 'host')} aan ${s(p, 'provider')} voor de dienst van ${f.range(s(p, 'start'), s(p, 'end'))} bij ${s(p, 'event')} ${why[s(p, 'reason')] ?? why.none}. Zonder afspraak van kracht kan ${s(p, 'provider')} geen handhavers uitlenen.`;
  },
  CAP_EXCEEDED: (p, f) =>
    p.variant === 'request'
      ? `Met dit verzoek komt ${s(p, 'provider')} in ${f.month(s(p, 'month'))} op ${f.duration(n(p, 'minutes'))} onder "${s(p, 'title')}" (${f.duration(n(p, 'usedMinutes'))} al toegezegd, dit verzoek ${f.duration(n(p, 'addedMinutes'))}); afgesproken is maximaal ${n(p, 'capHours')} uur per maand.`
      : `${s(p, 'provider')} levert in ${f.month(s(p, 'month'))} ${f.duration(n(p, 'minutes'))} onder "${s(p, 'title')}"; afgesproken is maximaal ${n(p, 'capHours')} uur per uitlenende gemeente per maand.`,
  MANDATE_EXCEEDED: (p, f) => {
    const limit = `maximaal ${n(p, 'maxOfficers')} handhavers${p.maxHours === undefined ? '' : ` en ${n(p, 'maxHours')} uur`} per verzoek`;
    return p.variant === 'commitment'
      ? `${s(p, 'officer')} kan nog niet worden toegezegd: het verzoek om ${n(p, 'count')} handhavers gaat boven het mandaat van de coördinator (${limit}) en is nog niet goedgekeurd door de ${s(p, 'escalateTo')}.`
      : `Het verzoek om ${n(p, 'count')} handhavers van ${s(p, 'provider')} (${f.duration(n(p, 'officerMinutes'))} in totaal) voor de dienst van ${f.range(s(p, 'start'), s(p, 'end'))} gaat boven het mandaat van de coördinator (${limit}); de ${s(p, 'escalateTo')} moet het goedkeuren.`;
  },
  RISK_CLASS_MISSING: (p) =>
    `Evenement ${s(p, 'event')} heeft geen risicoklasse (A regulier, B aandacht of C risico), maar er ${n(p, 'count') === 1 ? 'is al 1 handhaver' : `zijn al ${n(p, 'count')} handhavers`} ingepland.`,
  SHIFT_OUTSIDE_EVENT: (p, f) => `De dienst van ${f.range(s(p, 'start'), s(p, 'end'))} valt buiten ${s(p, 'event')} (${f.range(s(p, 'eventStart'), s(p, 'eventEnd'))}); controleer de datum en tijden.`,
};

const en: Record<RuleCode, Template> = {
  ATW_SHIFT_TOO_LONG: (p, f) =>
    (n(p, 'count') > 1
      ? `${s(p, 'officer')} works ${f.duration(n(p, 'minutes'))} without a break (${n(p, 'count')} shifts back to back, ${f.range(s(p, 'start'), s(p, 'end'))}); a shift lasts at most 12 hours.`
      : `${s(p, 'officer')}'s shift on ${f.range(s(p, 'start'), s(p, 'end'))} lasts ${f.duration(n(p, 'minutes'))}; a shift lasts at most 12 hours.`) +
    dstNote(p, 'Because summer time ends that night, this is an hour longer than the clock shows.', 'Because summer time starts that night, this is an hour shorter than the clock shows.'),
  ATW_NIGHT_SHIFT_TOO_LONG: (p, f) => {
    const what = `${s(p, 'officer')}'s night shift on ${f.range(s(p, 'start'), s(p, 'end'))} lasts ${f.duration(n(p, 'minutes'))}`;
    if (p.variant === 'per14days')
      return `${what}. A night shift lasts at most 10 hours; up to 12 hours is allowed at most 5 times per 14 x 24 hours, and this is time ${n(p, 'count')} since ${f.dateTime(s(p, 'from'))}.`;
    if (p.variant === 'per52weeks')
      return `${what}. A night shift lasts at most 10 hours; up to 12 hours is allowed at most 22 times per 52 weeks, and this is time ${n(p, 'count')} since ${f.dateTime(s(p, 'from'))}.`;
    return `${what} (with breaks); a night shift lasts at most 12 hours.`;
  },
  ATW_REST_TOO_SHORT: (p, f) => {
    const base =
      n(p, 'clipped') === 1
        ? `${s(p, 'officer')} has only ${f.duration(n(p, 'restMinutes'))} of uninterrupted rest in the 24 hours from ${f.dateTime(s(p, 'periodStart'))}: the shifts up to ${f.dateTime(s(p, 'prevEnd'))} take up too much of those 24 hours with their breaks`
        : `${s(p, 'officer')} has only ${f.duration(n(p, 'restMinutes'))} of rest between the shift of ${f.range(s(p, 'prevStart'), s(p, 'prevEnd'))} and the one of ${f.dateTime(s(p, 'nextStart'))}`;
    if (p.variant === 'under8') return `${base} (at least 11 hours, and never less than 8).`;
    if (p.variant === 'second')
      return `${base} (at least 11 hours). Less than 11 hours is allowed only once in 7 days, and that already happened after the shift of ${f.range(s(p, 'earlierStart'), s(p, 'earlierEnd'))}.`;
    return `${base} (at least 11 hours). Once in 7 days 8 to 11 hours of rest is allowed, with a recorded reason.`;
  },
  ATW_NIGHT_REST_TOO_SHORT: (p, f) => {
    const base = `${s(p, 'officer')} has only ${f.duration(n(p, 'restMinutes'))} of rest after the night shift of ${f.range(s(p, 'prevStart'), s(p, 'prevEnd'))}, until the shift of ${f.dateTime(s(p, 'nextStart'))}. After a night shift ending after 02:00 at least 14 hours of rest are needed`;
    if (p.variant === 'under8') return `${base}, and never less than 8.`;
    if (p.variant === 'second') return `${base}. Less is allowed only once in 7 days, and that already happened after the night shift of ${f.range(s(p, 'earlierStart'), s(p, 'earlierEnd'))}.`;
    return `${base}; once in 7 days 8 to 14 hours is allowed, with a recorded reason.`;
  },
  ATW_NIGHT_SERIES_REST_TOO_SHORT: (p, f) =>
    `${s(p, 'officer')} works ${n(p, 'count')} night shifts in a row (from ${f.dateTime(s(p, 'seriesStart'))}, the last until ${f.dateTime(s(p, 'prevEnd'))}) and then has only ${f.duration(n(p, 'restMinutes'))} of rest until the shift of ${f.dateTime(s(p, 'nextStart'))}; after 3 or more night shifts in a row at least 46 hours of rest are needed.`,
  ATW_NIGHT_SHIFTS_PER_16_WEEKS: (p, f) =>
    `${s(p, 'officer')}'s night shift on ${f.range(s(p, 'start'), s(p, 'end'))} is night shift number ${n(p, 'count')} in 16 weeks (since ${f.dateTime(s(p, 'from'))}); at most ${n(p, 'max')} night shifts per 16 weeks.`,
  ATW_WEEKLY_REST_TOO_SHORT: (p, f) =>
    `${s(p, 'officer')} has no 36 hours of uninterrupted rest in 7 x 24 hours between ${f.dateTime(s(p, 'start'))} and ${f.dateTime(s(p, 'end'))} (the longest rest is ${f.duration(n(p, 'longestMinutes'))}), nor 72 hours in 14 x 24 hours in parts of at least 32 hours.`,
  ATW_FOURTEEN_DAYS_IN_A_ROW: (p, f) =>
    `${s(p, 'officer')} works ${n(p, 'days')} days in a row (${f.date(s(p, 'from'))} to ${f.date(s(p, 'to'))}). Check that enough weekly rest remains (36 hours per 7 days or 72 hours per 14 days); record a reason.`,
  ATW_WEEK_TOO_LONG: (p, f) =>
    `${s(p, 'officer')} works ${f.duration(n(p, 'minutes'))} in ${f.week(n(p, 'week'), n(p, 'weekYear'))} (${f.date(s(p, 'from'))} to ${f.date(s(p, 'to'))}); at most 60 hours a week.`,
  ATW_FOUR_WEEK_AVERAGE: (p, f) =>
    `${s(p, 'officer')} works ${f.duration(n(p, 'minutes'))} in ${f.week(n(p, 'firstWeek'), n(p, 'firstWeekYear'))} to ${f.week(n(p, 'lastWeek'), n(p, 'lastWeekYear'))} (${f.date(s(p, 'from'))} to ${f.date(s(p, 'to'))}), on average ${f.duration(n(p, 'averageMinutes'))} a week; over 4 weeks at most 55 hours a week on average.`,
  ATW_SIXTEEN_WEEK_AVERAGE: (p, f) =>
    `${s(p, 'officer')} works ${f.duration(n(p, 'minutes'))} in ${f.week(n(p, 'firstWeek'), n(p, 'firstWeekYear'))} to ${f.week(n(p, 'lastWeek'), n(p, 'lastWeekYear'))} (${f.date(s(p, 'from'))} to ${f.date(s(p, 'to'))}), on average ${f.duration(n(p, 'averageMinutes'))} a week; over 16 weeks at most 48 hours a week on average.`,
  OFFICER_DOUBLE_BOOKED: (p, f) =>
    `${s(p, 'officer')} is booked twice: ${f.range(s(p, 'start'), s(p, 'end'))} (${s(p, 'event')}) overlaps ${f.range(s(p, 'otherStart'), s(p, 'otherEnd'))} (${s(p, 'otherEvent')}).`,
  OFFICER_ABSENT: (p, f) =>
    `${s(p, 'officer')} is absent from ${f.range(s(p, 'absenceStart'), s(p, 'absenceEnd'))} and so cannot work the shift of ${f.range(s(p, 'start'), s(p, 'end'))} (${s(p, 'event')}).`,
  AKTE_EXPIRED: (p, f) => `${s(p, 'officer')}'s akte is valid up to and including ${f.date(s(p, 'validUntil'))}; the shift of ${f.range(s(p, 'start'), s(p, 'end'))} (${s(p, 'event')}) is after that.`,
  AKTE_DOMAIN_MISMATCH: (p, f) =>
    `${s(p, 'officer')}'s akte is for Domain ${s(p, 'domain')}; the shift of ${f.range(s(p, 'start'), s(p, 'end'))} (${f.role(s(p, 'role'))}, ${s(p, 'event')}) needs an akte for Domain ${f.list(s(p, 'needed').split(','))} (public space).`,
  OUTSIDE_WERKGEBIED: (p, f) =>
    `${s(p, 'host')} is outside the werkgebied of ${s(p, 'officer')}'s akte (shift of ${f.range(s(p, 'start'), s(p, 'end'))})${p.variant === 'own' ? '' : `; an agreement between ${s(p, 'provider')} and ${s(p, 'host')} does not extend investigative powers`}. Have ${s(p, 'provider')} extend the werkgebied through Justis, or deploy another officer.`,
  QUALIFICATION_MISSING: (p, f) =>
    `${s(p, 'officer')} lacks for the shift of ${f.range(s(p, 'start'), s(p, 'end'))} (${f.role(s(p, 'role'))}): ${f.list(s(p, 'missing').split(',').map(f.qualification))}.`,
  TRAFFIC_APPOINTMENT_EXPIRED: (p, f) =>
    `${s(p, 'officer')}'s traffic controller appointment dates from ${f.date(s(p, 'appointed'))} and was valid up to and including ${f.date(s(p, 'validUntil'))}; at the shift of ${f.range(s(p, 'start'), s(p, 'end'))} it is more than 1 year old.`,
  PAIRS_INCOMPLETE: (p, f) =>
    `The shift of ${f.range(s(p, 'start'), s(p, 'end'))} at ${s(p, 'event')} works in pairs but has ${n(p, 'count')} ${n(p, 'count') === 1 ? 'officer' : 'officers'}: one more is needed for a complete pair.`,
  NO_AGREEMENT_IN_FORCE: (p, f) => {
    const title = `"${s(p, 'title')}"`;
    const why: Record<string, string> = {
      none: 'cites no agreement',
      unknown: 'cites an agreement this plan does not know',
      not_party: `falls under ${title}, but ${s(p, 'host')} and ${s(p, 'provider')} are not both parties to it`,
      no_terms: `falls under ${title}, but it has no terms for ${s(p, 'provider')} as a lending gemeente`,
      unsigned: `falls under ${title}, but not every party has signed it yet (missing: ${s(p, 'missing')})`,
      not_started: `falls under ${title}, but it only starts on ${f.date(s(p, 'date'))}`,
      ended: `falls under ${title}, but it ended on ${f.date(s(p, 'date'))}`,
      terminated: `falls under ${title}, but it was terminated from ${f.date(s(p, 'date'))}`,
    };
    return `The request from ${s(p, 'host')} to ${s(p, 'provider')} for the shift of ${f.range(s(p, 'start'), s(p, 'end'))} at ${s(p, 'event')} ${why[s(p, 'reason')] ?? why.none}. Without an agreement in force ${s(p, 'provider')} cannot lend officers.`;
  },
  CAP_EXCEEDED: (p, f) =>
    p.variant === 'request'
      ? `This request would bring ${s(p, 'provider')} to ${f.duration(n(p, 'minutes'))} in ${f.month(s(p, 'month'))} under "${s(p, 'title')}" (${f.duration(n(p, 'usedMinutes'))} already committed, this request ${f.duration(n(p, 'addedMinutes'))}); the agreed maximum is ${n(p, 'capHours')} hours a month.`
      : `${s(p, 'provider')} provides ${f.duration(n(p, 'minutes'))} in ${f.month(s(p, 'month'))} under "${s(p, 'title')}"; the agreed maximum is ${n(p, 'capHours')} hours per lending gemeente per month.`,
  MANDATE_EXCEEDED: (p, f) => {
    const limit = `at most ${n(p, 'maxOfficers')} officers${p.maxHours === undefined ? '' : ` and ${n(p, 'maxHours')} hours`} per request`;
    return p.variant === 'commitment'
      ? `${s(p, 'officer')} cannot be committed yet: the request for ${n(p, 'count')} officers is beyond the coordinator's mandate (${limit}) and has not been approved by the ${s(p, 'escalateTo')}.`
      : `The request for ${n(p, 'count')} officers from ${s(p, 'provider')} (${f.duration(n(p, 'officerMinutes'))} in total) for the shift of ${f.range(s(p, 'start'), s(p, 'end'))} is beyond the coordinator's mandate (${limit}); the ${s(p, 'escalateTo')} must approve it.`;
  },
  RISK_CLASS_MISSING: (p) =>
    `Event ${s(p, 'event')} has no risk class (A regular, B attention or C risk), but ${n(p, 'count') === 1 ? '1 officer is' : `${n(p, 'count')} officers are`} already planned.`,
  SHIFT_OUTSIDE_EVENT: (p, f) => `The shift of ${f.range(s(p, 'start'), s(p, 'end'))} falls outside ${s(p, 'event')} (${f.range(s(p, 'eventStart'), s(p, 'eventEnd'))}); check its date and times.`,
};

const TEMPLATES: Record<Locale, Record<RuleCode, Template>> = { nl, en };
const FORMATS: Record<Locale, Format> = { nl: nlFormat, en: enFormat };

/** The text of a rule violation in the given language (Dutch by default). */
export function ruleMessage(code: RuleCode, params: RuleParams, locale: Locale = 'nl'): string {
  return TEMPLATES[locale][code](params, FORMATS[locale]);
}

/** Durations and dates the way the rule messages write them, for screens that show the same figures. */
export function formatDuration(minutes: number, locale: Locale = 'nl'): string {
  return FORMATS[locale].duration(minutes);
}

export function formatRange(start: string, end: string, locale: Locale = 'nl'): string {
  return FORMATS[locale].range(start, end);
}
