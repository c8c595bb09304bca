// Night work (ATW art. 1:7 and 5:8), with cases worked out by hand: the boundary on each side, across
// midnight, across the DST changes, across period ends and across two gemeenten's plans.
import { describe, expect, it } from 'vitest';
import { evaluateCandidate, evaluatePlan, isNightShift, nightMinutes, ruleMessage } from '../../../../shared/rules';
import { addDays } from '../../../../shared/rules/calendar';
import type { OfficerRecord } from '../../../../shared/domain/officer';
import { BLOEMENDAAL, HEEMSTEDE, PlanBuilder, ZANDVOORT } from './plan-builder';

const only = (p: PlanBuilder, code: string) => evaluatePlan(p.view).filter((v) => v.code === code);

/** A shift at an event of `host` (one event per host, spanning the whole test period). */
function at(p: PlanBuilder, host: string, o: OfficerRecord, start: string, end: string, reasons: Record<string, string> = {}) {
  const name = `Evenementen ${host}`;
  const event = p.view.events.find((e) => e.name === name) ?? p.event({ name, host, start: '2026-01-01T00:00', end: '2029-01-01T00:00' });
  return p.assign(o, p.shift(start, end, { eventId: event.id, host }), undefined, reasons);
}

describe('what a night shift is (ATW art. 1:7)', () => {
  it('needs more than 1 hour of work between 00:00 and 06:00', () => {
    expect(nightMinutes('2027-08-27T22:00', '2027-08-28T01:00')).toBe(60);
    expect(isNightShift('2027-08-27T22:00', '2027-08-28T01:00')).toBe(false);
    expect(isNightShift('2027-08-27T22:00', '2027-08-28T01:01')).toBe(true);
    // At the other end: starting at 05:00 gives 1 hour of night, at 04:59 one minute more.
    expect(isNightShift('2027-08-28T05:00', '2027-08-28T13:00')).toBe(false);
    expect(isNightShift('2027-08-28T04:59', '2027-08-28T13:00')).toBe(true);
    // The Grand Prix late shift, 16:00-00:30, is not a night shift.
    expect(isNightShift('2027-08-28T16:00', '2027-08-29T00:30')).toBe(false);
  });

  it('counts real night minutes across the DST changes', () => {
    // 31 October 2027: 00:00-06:00 lasts 7 real hours; 28 March 2027: 5.
    expect(nightMinutes('2027-10-31T00:00', '2027-10-31T06:00')).toBe(420);
    expect(nightMinutes('2027-03-28T00:00', '2027-03-28T06:00')).toBe(300);
    // 01:30-03:00 in March is 30 real minutes (02:00 jumps to 03:00): not a night shift; in October 2 h 30.
    expect(isNightShift('2027-03-28T01:30', '2027-03-28T03:00')).toBe(false);
    expect(nightMinutes('2027-10-31T01:30', '2027-10-31T03:00')).toBe(150);
  });
});

describe('night shift length: 10 h, 12 h at most 5x per 14 x 24 h and 22x per 52 weeks (art. 5:8)', () => {
  it('allows five 11-hour nights in 14 x 24 h, across two gemeenten, and blocks the sixth', () => {
    const p = new PlanBuilder();
    const sanne = p.officer('Sanne de Vries', HEEMSTEDE);
    // Every other evening 20:00-07:00 (11 h): 37 h rest between, no series (a day off between nights).
    const days = ['2027-08-02', '2027-08-04', '2027-08-06', '2027-08-08', '2027-08-10'];
    days.forEach((d, i) => at(p, i % 2 === 0 ? ZANDVOORT : BLOEMENDAAL, sanne, `${d}T20:00`, `${addDays(d, 1)}T07:00`));
    expect(only(p, 'ATW_NIGHT_SHIFT_TOO_LONG')).toEqual([]);
    const sixth = at(p, HEEMSTEDE, sanne, '2027-08-12T20:00', '2027-08-13T07:00');
    const [v, ...rest] = only(p, 'ATW_NIGHT_SHIFT_TOO_LONG');
    expect(rest).toEqual([]);
    expect(v).toMatchObject({ severity: 'blocking', resolvableBy: HEEMSTEDE, params: { variant: 'per14days', count: 6, minutes: 660 } });
    expect(v?.records.slice(0, 2)).toEqual(['of-sanne', sixth.commitmentId]);
    expect(v?.message).toBe(
      'De nachtdienst van Sanne de Vries op do 12 aug 20:00-07:00 duurt 11 u. Een nachtdienst duurt maximaal 10 uur; tot 12 uur mag maximaal 5 keer per 14 x 24 uur, en dit is de 6e keer sinds ma 2 aug 20:00.',
    );
    expect(ruleMessage('ATW_NIGHT_SHIFT_TOO_LONG', v!.params, 'en')).toContain('up to 12 hours is allowed at most 5 times per 14 x 24 hours, and this is time 6');
  });

  it('allows the sixth again when it starts exactly 14 x 24 h after the first', () => {
    const p = new PlanBuilder();
    const sanne = p.officer('Sanne de Vries', HEEMSTEDE);
    for (const d of ['2027-08-02', '2027-08-05', '2027-08-08', '2027-08-11', '2027-08-14', '2027-08-16']) at(p, ZANDVOORT, sanne, `${d}T20:00`, `${addDays(d, 1)}T07:00`);
    // 2 Aug 20:00 + 14 x 24 h = 16 Aug 20:00: the first has left the period.
    expect(only(p, 'ATW_NIGHT_SHIFT_TOO_LONG')).toEqual([]);
    // A night of exactly 10 hours is no extension at all.
    at(p, ZANDVOORT, sanne, '2027-08-18T21:00', '2027-08-19T07:00');
    expect(only(p, 'ATW_NIGHT_SHIFT_TOO_LONG')).toEqual([]);
  });

  it('counts the 22 per 52 weeks across the year end and blocks the 23rd', () => {
    const p = new PlanBuilder();
    const sanne = p.officer('Sanne de Vries', HEEMSTEDE);
    // One 11-hour night every 14 days from 3 May 2027: the 23rd falls on 1 May 2028 (day 308), within 52 weeks.
    const first = '2027-05-03';
    for (let k = 0; k < 22; k++) at(p, k % 2 ? BLOEMENDAAL : ZANDVOORT, sanne, `${addDays(first, 14 * k)}T20:00`, `${addDays(first, 14 * k + 1)}T07:00`);
    expect(only(p, 'ATW_NIGHT_SHIFT_TOO_LONG')).toEqual([]);
    const late = at(p, ZANDVOORT, sanne, `${addDays(first, 308)}T20:00`, `${addDays(first, 309)}T07:00`);
    expect(only(p, 'ATW_NIGHT_SHIFT_TOO_LONG')).toMatchObject([{ params: { variant: 'per52weeks', count: 23 }, records: expect.arrayContaining([late.commitmentId]) }]);
    // Moved to exactly 52 weeks after the first (2 May 2028 20:00), the first has left the period.
    late.start = `${addDays(first, 364)}T20:00`;
    late.end = `${addDays(first, 365)}T07:00`;
    p.view.shifts.find((s) => s.id === late.shiftId)!.start = late.start;
    p.view.shifts.find((s) => s.id === late.shiftId)!.end = late.end;
    expect(only(p, 'ATW_NIGHT_SHIFT_TOO_LONG')).toEqual([]);
  });
});

describe('rest after night work (art. 5:8)', () => {
  function nightThen(nextStart: string, nextEnd: string, reasons: Record<string, string> = {}, night: [string, string] = ['2027-08-27T23:00', '2027-08-28T07:00']) {
    const p = new PlanBuilder();
    const sanne = p.officer('Sanne de Vries', HEEMSTEDE);
    at(p, ZANDVOORT, sanne, night[0], night[1]);
    const next = at(p, BLOEMENDAAL, sanne, nextStart, nextEnd, reasons);
    return { p, sanne, next };
  }

  it('needs 14 hours after a night shift ending after 02:00: 14 h is fine, 13 h 59 a warning', () => {
    expect(only(nightThen('2027-08-28T21:00', '2027-08-29T01:00').p, 'ATW_NIGHT_REST_TOO_SHORT')).toEqual([]);
    const { p } = nightThen('2027-08-28T20:59', '2027-08-28T23:59');
    const found = evaluatePlan(p.view).filter((v) => v.code.includes('REST'));
    // The 14-hour rule replaces the 11-hour one after such a night: one warning, not two.
    expect(found.map((v) => [v.code, v.severity, v.params.restMinutes, v.params.variant])).toEqual([['ATW_NIGHT_REST_TOO_SHORT', 'warning', 839, 'once']]);
    expect(found[0]?.message).toBe(
      'Sanne de Vries heeft maar 13 u 59 rust na de nachtdienst van vr 27 aug 23:00-07:00, tot de dienst van za 28 aug 20:59. Na een nachtdienst die na 02:00 eindigt is minimaal 14 uur rust nodig; één keer per 7 dagen mag 8 tot 14 uur, met een vastgelegde reden.',
    );
  });

  it('accepts the shortened rest with a recorded reason, blocks under 8 hours, and a second within 7 x 24 h', () => {
    expect(only(nightThen('2027-08-28T17:00', '2027-08-28T23:00', { ATW_NIGHT_REST_TOO_SHORT: 'Grand Prix, geen vervanger' }).p, 'ATW_NIGHT_REST_TOO_SHORT')).toMatchObject([
      { severity: 'warning', accepted: true },
    ]);
    expect(only(nightThen('2027-08-28T14:59', '2027-08-28T20:00').p, 'ATW_NIGHT_REST_TOO_SHORT')).toMatchObject([{ severity: 'blocking', params: { variant: 'under8', restMinutes: 479 } }]);

    const p = new PlanBuilder();
    const sanne = p.officer('Sanne de Vries', HEEMSTEDE);
    at(p, ZANDVOORT, sanne, '2027-08-27T23:00', '2027-08-28T07:00');
    at(p, ZANDVOORT, sanne, '2027-08-28T18:00', '2027-08-28T23:00'); // 11 h after the night
    at(p, BLOEMENDAAL, sanne, '2027-09-02T23:00', '2027-09-03T07:00');
    at(p, BLOEMENDAAL, sanne, '2027-09-03T19:00', '2027-09-03T23:00'); // 12 h, 6 days later
    expect(only(p, 'ATW_NIGHT_REST_TOO_SHORT').map((v) => [v.severity, v.params.variant])).toEqual([
      ['warning', 'once'],
      ['blocking', 'second'],
    ]);
  });

  it('asks no 14 hours after a night shift that ends at 02:00 (only the daily 11)', () => {
    const night: [string, string] = ['2027-08-27T18:00', '2027-08-28T02:00'];
    expect(evaluatePlan(nightThen('2027-08-28T13:00', '2027-08-28T18:00', {}, night).p.view)).toEqual([]);
    const found = evaluatePlan(nightThen('2027-08-28T12:59', '2027-08-28T18:00', {}, night).p.view);
    expect(found.map((v) => [v.code, v.severity])).toEqual([['ATW_REST_TOO_SHORT', 'warning']]);
  });

  it('measures the 14 hours in real time across the October and March nights', () => {
    // 30-31 Oct: 22:00-06:00 is 9 h of work; until 19:00 is 13 h of real rest (the clock says 13 too).
    expect(only(nightThen('2027-10-31T19:00', '2027-10-31T23:00', {}, ['2027-10-30T22:00', '2027-10-31T06:00']).p, 'ATW_NIGHT_REST_TOO_SHORT')).toMatchObject([{ params: { restMinutes: 780 } }]);
    // 27-28 Mar: 22:00-06:00 is 7 h of work; 06:00 -> 20:00 is 14 h: fine.
    expect(only(nightThen('2027-03-28T20:00', '2027-03-28T23:00', {}, ['2027-03-27T22:00', '2027-03-28T06:00']).p, 'ATW_NIGHT_REST_TOO_SHORT')).toEqual([]);
  });

  it('needs 46 hours after a series of 3 night shifts, worked for two gemeenten', () => {
    const series = (nextStart: string) => {
      const p = new PlanBuilder();
      const sanne = p.officer('Sanne de Vries', HEEMSTEDE);
      at(p, ZANDVOORT, sanne, '2027-08-23T23:00', '2027-08-24T07:00');
      at(p, BLOEMENDAAL, sanne, '2027-08-24T23:00', '2027-08-25T07:00');
      at(p, ZANDVOORT, sanne, '2027-08-25T23:00', '2027-08-26T07:00');
      at(p, HEEMSTEDE, sanne, nextStart, '2027-08-28T13:00');
      return only(p, 'ATW_NIGHT_SERIES_REST_TOO_SHORT');
    };
    // Thursday 07:00 + 46 h = Saturday 05:00.
    expect(series('2027-08-28T05:00')).toEqual([]);
    const [v] = series('2027-08-28T04:59');
    expect(v).toMatchObject({ severity: 'blocking', params: { count: 3, restMinutes: 46 * 60 - 1 } });
    expect(v?.message).toBe(
      'Sanne de Vries werkt 3 nachtdiensten achter elkaar (vanaf ma 23 aug 23:00, de laatste tot do 26 aug 07:00) en heeft daarna maar 45 u 59 rust tot de dienst van za 28 aug 04:59; na 3 of meer nachtdiensten achter elkaar is minimaal 46 uur rust nodig.',
    );
  });

  it('does not call two nights a series', () => {
    const p = new PlanBuilder();
    const sanne = p.officer('Sanne de Vries', HEEMSTEDE);
    at(p, ZANDVOORT, sanne, '2027-08-24T23:00', '2027-08-25T07:00');
    at(p, ZANDVOORT, sanne, '2027-08-25T23:00', '2027-08-26T07:00');
    at(p, ZANDVOORT, sanne, '2027-08-27T09:00', '2027-08-27T17:00'); // 26 h after the second night
    expect(evaluatePlan(p.view)).toEqual([]);
  });
});

describe('at most 36 night shifts per 16 weeks (art. 5:8)', () => {
  it('allows 36 and blocks the 37th, across a quarter end', () => {
    const p = new PlanBuilder();
    const sanne = p.officer('Sanne de Vries', HEEMSTEDE);
    // A night every other day from 1 March 2027: the 37th (day 72, 12 May) lies within 16 weeks of the first.
    for (let k = 0; k < 36; k++) at(p, k % 2 ? BLOEMENDAAL : ZANDVOORT, sanne, `${addDays('2027-03-01', 2 * k)}T23:00`, `${addDays('2027-03-01', 2 * k + 1)}T07:00`);
    expect(only(p, 'ATW_NIGHT_SHIFTS_PER_16_WEEKS')).toEqual([]);
    const last = at(p, ZANDVOORT, sanne, '2027-05-12T23:00', '2027-05-13T07:00');
    const [v, ...rest] = only(p, 'ATW_NIGHT_SHIFTS_PER_16_WEEKS');
    expect(rest).toEqual([]);
    expect(v).toMatchObject({ severity: 'blocking', params: { count: 37, max: 36 } });
    expect(v?.records).toContain(last.commitmentId);
    expect(v?.message).toBe('De nachtdienst van Sanne de Vries op wo 12 mei 23:00-07:00 is de 37e nachtdienst in 16 weken (sinds ma 1 mrt 23:00); maximaal 36 nachtdiensten per 16 weken.');
  });
});

describe('a candidate hears about night rest (scenario: answering a request)', () => {
  it('warns the provider committing an officer after a night shift elsewhere', () => {
    const p = new PlanBuilder();
    const sanne = p.officer('Sanne de Vries', HEEMSTEDE);
    at(p, BLOEMENDAAL, sanne, '2027-08-27T23:00', '2027-08-28T07:00');
    const event = p.event({ name: 'Dutch Grand Prix', host: ZANDVOORT });
    const shift = p.shift('2027-08-28T16:00', '2027-08-29T00:30', { eventId: event.id, host: ZANDVOORT });
    const found = evaluateCandidate(p.view, p.assignment(sanne, shift, p.request(shift, HEEMSTEDE)));
    expect(found.map((v) => [v.code, v.severity, v.params.restMinutes])).toEqual([['ATW_NIGHT_REST_TOO_SHORT', 'warning', 540]]);
  });
});
