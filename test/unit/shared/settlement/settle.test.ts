import { beforeAll, describe, expect, it } from 'vitest';
import { isDutchPublicHoliday, loadHolidays, settle } from '../../../../shared/settlement';
import type { ProviderTerms } from '../../../../shared/domain/agreement';
import { BLOEMENDAAL, HEEMSTEDE, PlanBuilder, ZANDVOORT } from '../rules/plan-builder';

// The settlement's holiday calendar is loaded on first need (main's dispatch does it for the api).
beforeAll(() => loadHolidays());

// The convenant of scenario 1: EUR 68/hour, +20 % evening 18-22, +40 % night 22-06, +70 % weekend,
// +100 % feestdag. Per hour that is: base 68.00, evening 81.60, night 95.20, weekend 115.60, feestdag 136.00.

/** Heemstede lends Sanne to Zandvoort for one shift under the convenant; the settlement of that month. */
function lentShift(start: string, end: string, terms?: ProviderTerms) {
  const p = new PlanBuilder();
  const c = p.convenant();
  if (terms) c.providers[HEEMSTEDE] = terms;
  const sanne = p.officer('Sanne de Vries', HEEMSTEDE);
  const shift = p.shift(start, end);
  p.assign(sanne, shift, p.request(shift, HEEMSTEDE));
  const month = start.slice(0, 7);
  return settle(p.view, { from: `${month}-01`, to: `${month}-31` });
}

describe('settlement with the convenant tariff', () => {
  it('pays Koningsdag at the feestdag rate, which beats the evening surcharge', () => {
    // Tue 27 April 2027 14:00-20:00: 6 h, all feestdag (18-20 would be evening, 20 % < 100 %).
    // 6 h x 136.00 = 816.00 EUR = 81600 cents.
    const { lines, totals } = lentShift('2027-04-27T14:00', '2027-04-27T20:00');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      provider: HEEMSTEDE,
      host: ZANDVOORT,
      officerName: 'Sanne de Vries',
      eventName: 'Dutch Grand Prix',
      model: 'tariff',
      minutes: 360,
      hours: 6,
      categoryMinutes: { base: 0, evening: 0, night: 0, weekend: 0, holiday: 360 },
      hourlyCents: 6800,
      amountCents: 81600,
    });
    expect(totals.amountCents).toBe(81600);
  });

  it('adds the night surcharge from 22:00 and the evening one before', () => {
    // Wed 2 June 2027 20:00 - Thu 04:00: 20-22 evening 2 h x 81.60 = 163.20; 22-04 night 6 h x 95.20 = 571.20.
    // Total 734.40 EUR = 73440 cents.
    const [l] = lentShift('2027-06-02T20:00', '2027-06-03T04:00').lines;
    expect(l?.categoryMinutes).toEqual({ base: 0, evening: 120, night: 360, weekend: 0, holiday: 0 });
    expect(l?.amountCents).toBe(73440);
  });

  it('gives a Saturday evening the weekend surcharge (70 %), not evening (20 %) or night (40 %)', () => {
    // Sat 28 Aug 2027 16:00 - Sun 00:30: 8 h 30 all weekend; 8.5 h x 115.60 = 982.60 EUR = 98260 cents.
    const [l] = lentShift('2027-08-28T16:00', '2027-08-29T00:30').lines;
    expect(l?.categoryMinutes).toEqual({ base: 0, evening: 0, night: 0, weekend: 510, holiday: 0 });
    expect(l?.amountCents).toBe(98260);
  });

  it('pays the real 9 hours of the night the clocks go back', () => {
    // Sat 30 Oct 2027 22:00 - Sun 06:00 is 8 h on the clock but 9 real hours (02:00-03:00 happens twice).
    // Weekend 70 % beats night 40 %: 9 h x 115.60 = 1040.40 EUR = 104040 cents.
    const [l] = lentShift('2027-10-30T22:00', '2027-10-31T06:00').lines;
    expect(l).toMatchObject({ minutes: 540, hours: 9, amountCents: 104040 });
    expect(l?.categoryMinutes.weekend).toBe(540);

    // The same night under terms without a weekend surcharge: 9 h night x 95.20 = 856.80 EUR = 85680 cents.
    const noWeekend: ProviderTerms = { model: 'tariff', hourlyCents: 6800, surcharges: { evening: 20, night: 40, weekend: 0, holiday: 100 } };
    const [n] = lentShift('2027-10-30T22:00', '2027-10-31T06:00', noWeekend).lines;
    expect(n?.categoryMinutes).toEqual({ base: 0, evening: 0, night: 540, weekend: 0, holiday: 0 });
    expect(n?.amountCents).toBe(85680);
  });

  it('pays the real 7 hours of the night the clocks go forward (which in 2027 is Easter night)', () => {
    // Sat 27 Mar 2027 22:00 - Sun 06:00: 7 real hours (02:00-03:00 does not exist).
    // Saturday 22-24: 2 h weekend x 115.60 = 231.20. Sunday 28 March is Eerste Paasdag: 00-06 is 5 real
    // hours at feestdag x 136.00 = 680.00. Total 911.20 EUR = 91120 cents.
    const [l] = lentShift('2027-03-27T22:00', '2027-03-28T06:00').lines;
    expect(l).toMatchObject({ minutes: 420, amountCents: 91120 });
    expect(l?.categoryMinutes).toEqual({ base: 0, evening: 0, night: 0, weekend: 120, holiday: 300 });
  });

  it('rounds each line half up to whole cents', () => {
    // EUR 68.10/hour for 1 minute on a Wednesday morning: 6810 / 60 = 113.5 cents -> 114.
    const odd: ProviderTerms = { model: 'tariff', hourlyCents: 6810, surcharges: { evening: 20, night: 40, weekend: 70, holiday: 100 } };
    expect(lentShift('2027-06-02T10:00', '2027-06-02T10:01', odd).lines[0]?.amountCents).toBe(114);
    // 7 minutes at 68.00: 6800 x 7 / 60 = 793.33 cents -> 793.
    expect(lentShift('2027-06-02T10:00', '2027-06-02T10:07').lines[0]?.amountCents).toBe(793);
  });
});

describe('settlement period, pairs and own staffing', () => {
  it('settles lent shifts starting within the period (inclusive), per pair, without own staffing', () => {
    const p = new PlanBuilder();
    p.convenant();
    const sanne = p.officer('Sanne de Vries', HEEMSTEDE);
    const femke = p.officer('Femke Mulder', BLOEMENDAAL);
    const kees = p.officer('Kees Bakker', ZANDVOORT);
    const onLastDay = p.shift('2027-09-30T22:00', '2027-10-01T06:00'); // Thu-Fri night, starts on the last day
    const afterwards = p.shift('2027-10-01T10:00', '2027-10-01T18:00');
    const firstDay = p.shift('2027-07-01T10:00', '2027-07-01T18:00'); // Thu, base rate
    p.assign(sanne, onLastDay, p.request(onLastDay, HEEMSTEDE));
    p.assign(femke, afterwards, p.request(afterwards, BLOEMENDAAL));
    p.assign(femke, firstDay, p.request(firstDay, BLOEMENDAAL));
    p.assign(kees, firstDay, p.request(firstDay, ZANDVOORT)); // own staffing
    const s = settle(p.view, { from: '2027-07-01', to: '2027-09-30' });
    expect(s.lines.map((l) => [l.officerName, l.start])).toEqual([
      ['Femke Mulder', '2027-07-01T10:00'],
      ['Sanne de Vries', '2027-09-30T22:00'],
    ]);
    // Femke: 8 h x 68.00 = 544.00. Sanne: 8 h night x 95.20 = 761.60. Total 1305.60 EUR.
    expect(s.pairs).toEqual([
      { provider: BLOEMENDAAL, providerName: 'Bloemendaal', host: ZANDVOORT, hostName: 'Zandvoort', model: 'tariff', lines: 1, minutes: 480, hours: 8, amountCents: 54400 },
      { provider: HEEMSTEDE, providerName: 'Heemstede', host: ZANDVOORT, hostName: 'Zandvoort', model: 'tariff', lines: 1, minutes: 480, hours: 8, amountCents: 76160 },
    ]);
    expect(s.totals).toEqual({ lines: 2, minutes: 960, hours: 16, amountCents: 130560 });
    expect(s.netting).toEqual([]);
  });

  it('uses a holiday lookup given by the caller', () => {
    const p = new PlanBuilder();
    p.convenant();
    const sanne = p.officer('Sanne de Vries', HEEMSTEDE);
    const shift = p.shift('2027-06-02T10:00', '2027-06-02T12:00');
    p.assign(sanne, shift, p.request(shift, HEEMSTEDE));
    // Wednesday 2 June as a local feestdag: 2 h x 136.00 = 272.00 EUR.
    const s = settle(p.view, { from: '2027-06-01', to: '2027-06-30' }, { holidays: (d) => d === '2027-06-02' });
    expect(s.lines[0]?.amountCents).toBe(27200);
  });
});

describe('Dutch public holidays', () => {
  it('moves Koningsdag to 26 April when the 27th is a Sunday', () => {
    expect(isDutchPublicHoliday('2027-04-27')).toBe(true);
    expect(isDutchPublicHoliday('2031-04-26')).toBe(true);
    expect(isDutchPublicHoliday('2031-04-27')).toBe(false);
  });

  it('counts Bevrijdingsdag every year, not only in lustrum years', () => {
    expect(isDutchPublicHoliday('2025-05-05')).toBe(true);
    expect(isDutchPublicHoliday('2027-05-05')).toBe(true);
  });

  it('counts Pasen, Hemelvaart, Pinksteren, Kerst and Nieuwjaar, but not Goede Vrijdag or Oudejaarsdag', () => {
    for (const d of ['2027-01-01', '2027-03-28', '2027-03-29', '2027-05-06', '2027-05-16', '2027-05-17', '2027-12-25', '2027-12-26']) {
      expect([d, isDutchPublicHoliday(d)]).toEqual([d, true]);
    }
    expect(isDutchPublicHoliday('2027-03-26')).toBe(false);
    expect(isDutchPublicHoliday('2027-12-31')).toBe(false);
    expect(isDutchPublicHoliday('2027-06-02')).toBe(false);
  });
});
