// @vitest-environment jsdom
// Labels the planning screens show: dates and periods in Dutch and English, euros and hours, a gemeente's
// colour and abbreviation, a problem in the user's language, and the kinds of change on Uitwisselen.
import { describe, expect, it } from 'vitest';
import type { Conflict } from '../../../../shared/api/exchange';
import type { Violation } from '../../../../shared/rules/types';
import { dayLabel, monthLabel, shortDayLabel, weekdayNames, weekLabel } from '../../../../renderer/views/calendar/calendar-format';
import { addDaysTo, daysFrom, formatDay, formatEuros, formatHours, formatMonth, todayLocal } from '../../../../renderer/components/coord-format';
import { contrastWithWhite, GEMEENTE_PALETTE, gemeenteStyle } from '../../../../renderer/components/gemeente-palette';
import { conflictText, conflictValue, violationText } from '../../../../renderer/views/problems/problem-text';
import { kindLabel } from '../../../../renderer/views/exchange/words';
import { translator } from '../../../../renderer/i18n/t';

describe('Kalender labels', () => {
  it('names a day, a month and a week in Dutch', () => {
    expect(dayLabel('2027-08-27', 'nl')).toBe('vrijdag 27 augustus 2027');
    expect(shortDayLabel('2027-08-27', 'nl')).toBe('vr 27 aug');
    expect(monthLabel('2027-08-01', 'nl')).toBe('augustus 2027');
    expect(weekLabel('2027-08-23', '2027-08-29', 'nl', 'week')).toBe('week 34 (ma 23 aug – zo 29 aug 2027)');
  });

  it('names them in English for an English screen', () => {
    expect(dayLabel('2027-08-27', 'en')).toBe('Friday 27 August 2027');
    expect(monthLabel('2027-08-01', 'en')).toBe('August 2027');
  });

  it('starts the week on Monday', () => {
    expect(weekdayNames('nl').map(([, long]) => long)).toEqual(['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag']);
    expect(weekdayNames('en')[0]).toEqual(['Mon', 'Monday']);
  });
});

describe('planning formats', () => {
  it('writes a date without dots or commas, with or without weekday and year', () => {
    expect(formatDay('2027-08-27', 'nl')).toBe('vr 27 aug 2027');
    expect(formatDay('2027-08-27', 'nl', { weekday: false })).toBe('27 aug 2027');
    expect(formatDay('2027-08-27', 'nl', { year: false })).toBe('vr 27 aug');
    expect(formatMonth('2027-02', 'nl')).toBe('februari 2027');
  });

  it('writes euros and hours the Dutch way', () => {
    expect(formatEuros(123456, 'nl').replace(/\s/g, ' ')).toBe('€ 1.234,56');
    expect(formatHours(510, 'nl')).toBe('8,5');
    expect(formatHours(480, 'nl')).toBe('8');
    expect(formatHours(510, 'en')).toBe('8.5');
  });

  it('counts days across months and years, and the date of the computer it runs on', () => {
    expect(daysFrom('2027-12-30', '2028-01-02')).toBe(3);
    expect(daysFrom('2027-03-01', '2027-02-27')).toBe(-2);
    expect(addDaysTo('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDaysTo('2027-01-01', -1)).toBe('2026-12-31');
    expect(todayLocal(new Date(2027, 7, 5, 23, 30))).toBe('2027-08-05');
  });
});

describe('gemeente colours', () => {
  it('gives every Kennemerland gemeente its own colour, dark enough for white text (4.5:1)', () => {
    const colours = Object.values(GEMEENTE_PALETTE).map((s) => s.colour);
    expect(new Set(colours).size).toBe(colours.length);
    for (const c of colours) expect(contrastWithWhite(c)).toBeGreaterThanOrEqual(4.5);
  });

  it('gives any other gemeente the grey and the first letters of its name; an unknown code its last two characters', () => {
    const amsterdam = gemeenteStyle('GM0363');
    expect(amsterdam).toEqual({ colour: '#4f4f4f', abbreviation: 'AM' });
    expect(contrastWithWhite(amsterdam.colour)).toBeGreaterThanOrEqual(4.5);
    expect(gemeenteStyle('GM9999').abbreviation).toBe('99');
  });
});

describe('problems in the user language', () => {
  const violation = { code: 'rest', params: {}, message: 'Jansen heeft te weinig rust tussen twee diensten.', severity: 'warning', records: [] } as unknown as Violation;
  const concurrent = {
    kind: 'concurrent_edit',
    field: 'name',
    owner: 'GM0473',
    values: [
      { value: 'Circuitdag', device: 'a', hlc: '1' },
      { value: 'Circuit-dag', device: 'b', hlc: '2' },
    ],
    message: 'Veld "name" is tegelijk op 2 apparaten van Zandvoort gewijzigd.',
  } as unknown as Conflict;
  const lapsed = { kind: 'commitment_lapsed', field: 'shift', owner: 'GM0473', records: ['c1', 'c2'], values: [], message: 'Dienst geannuleerd — uw 2 toezeggingen vervallen.' } as unknown as Conflict;

  it("shows main's Dutch words on a Dutch screen", () => {
    expect(violationText(violation, 'nl')).toBe(violation.message);
    expect(conflictText(concurrent, 'nl', translator('nl'))).toBe(concurrent.message);
  });

  it('words a conflict in English on an English screen, with the right plural', () => {
    const t = translator('en');
    expect(conflictText(concurrent, 'en', t)).toBe('Field "name" was changed on 2 devices of Zandvoort at the same time.');
    expect(conflictText(lapsed, 'en', t)).toBe('Shift cancelled — your 2 commitments lapse.');
    expect(conflictText({ ...lapsed, field: 'request', records: ['c1'] }, 'en', t)).toBe('Request withdrawn — your 1 commitment lapses.');
  });

  it('shows a competing value as text, and anything else as JSON', () => {
    expect(conflictValue('Circuitdag')).toBe('Circuitdag');
    expect(conflictValue(12)).toBe('12');
    expect(conflictValue(['GM0392'])).toBe('["GM0392"]');
  });
});

describe('kinds of change on Uitwisselen', () => {
  it('names a known kind, and counts an unknown one (from a newer Regie) as other', () => {
    expect(kindLabel('shift', translator('nl'))).toBe('diensten');
    expect(kindLabel('shift', translator('en'))).toBe('shifts');
    expect(kindLabel('hologram', translator('nl'))).toBe('overige');
  });
});
