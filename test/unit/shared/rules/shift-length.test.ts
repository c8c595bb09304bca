import { describe, expect, it } from 'vitest';
import { evaluatePlan, shiftLengthProblem } from '../../../../shared/rules';
import { PlanBuilder, ZANDVOORT } from './plan-builder';

function lengthViolations(start: string, end: string) {
  const p = new PlanBuilder();
  const sanne = p.officer('Sanne de Vries', ZANDVOORT);
  p.work(sanne, start, end);
  return evaluatePlan(p.view).filter((v) => v.code.startsWith('ATW_') && v.code.endsWith('TOO_LONG'));
}

describe('rule 1: shift length (Arbeidstijdenwet)', () => {
  it('allows exactly 12 hours by day and blocks 12 h 01', () => {
    expect(lengthViolations('2027-08-27T08:00', '2027-08-27T20:00')).toEqual([]);
    const [v, ...rest] = lengthViolations('2027-08-27T08:00', '2027-08-27T20:01');
    expect(rest).toEqual([]);
    expect(v).toMatchObject({ code: 'ATW_SHIFT_TOO_LONG', severity: 'blocking', params: { minutes: 721 } });
    expect(v?.message).toBe('De dienst van Sanne de Vries op vr 27 aug 08:00-20:01 duurt 12 u 01; een dienst duurt maximaal 12 uur.');
  });

  // Before issue 16 a night shift over 10 h was always refused; ATW art. 5:8 allows up to 12 h 5 times per
  // 14 x 24 h and 22 times per 52 weeks (counted in night.test.ts), so a single one is lawful.
  it('allows one night shift of 10 h 30 and 12 h, and blocks 12 h 01', () => {
    expect(lengthViolations('2027-08-27T20:00', '2027-08-28T06:00')).toEqual([]);
    expect(lengthViolations('2027-08-27T19:30', '2027-08-28T06:00')).toEqual([]);
    expect(lengthViolations('2027-08-27T19:00', '2027-08-28T07:00')).toEqual([]);
    expect(lengthViolations('2027-08-27T19:00', '2027-08-28T07:01').map((v) => v.code)).toEqual(['ATW_SHIFT_TOO_LONG']);
    // While typing, the form says a night shift over 10 h may be worked only a limited number of times.
    expect(shiftLengthProblem('2027-08-27T19:30', '2027-08-28T06:00')).toMatchObject({ code: 'ATW_NIGHT_SHIFT_TOO_LONG', variant: 'nightExtended', minutes: 630 });
    expect(shiftLengthProblem('2027-08-27T20:00', '2027-08-28T06:00')).toBeNull();
  });

  it('treats a shift as a night shift only with more than 1 hour between 00:00 and 06:00', () => {
    // 13:00-01:00 has exactly 1 h of night: not a night shift, so 12 h is fine; 14:00-01:01 (11 h 01) neither.
    expect(shiftLengthProblem('2027-08-27T13:00', '2027-08-28T01:00')).toBeNull();
    expect(shiftLengthProblem('2027-08-27T14:00', '2027-08-28T01:01')).toMatchObject({ code: 'ATW_NIGHT_SHIFT_TOO_LONG' });
    expect(shiftLengthProblem('2027-08-27T14:59', '2027-08-28T01:00')).toBeNull();
    // The Grand Prix late shift, 16:00-00:30 = 8 h 30, has 30 minutes of night: not a night shift.
    expect(lengthViolations('2027-08-28T16:00', '2027-08-29T00:30')).toEqual([]);
  });

  it('counts real hours across the March change: 11 h on the clock is 10 h, within the night limit', () => {
    expect(lengthViolations('2027-03-27T20:00', '2027-03-28T07:00')).toEqual([]);
    expect(shiftLengthProblem('2027-03-27T20:00', '2027-03-28T07:00')).toBeNull();
  });

  it('counts real hours across the October change: 10 h on the clock is 11 h, an extended night shift', () => {
    expect(shiftLengthProblem('2027-10-30T20:00', '2027-10-31T06:00')).toMatchObject({ code: 'ATW_NIGHT_SHIFT_TOO_LONG', minutes: 660 });
    // 12 h on the clock is 13 h of work: over the maximum of any shift.
    const [v] = lengthViolations('2027-10-30T19:00', '2027-10-31T07:00');
    expect(v).toMatchObject({ code: 'ATW_SHIFT_TOO_LONG', params: { minutes: 780, clockMinutes: 720 } });
    expect(v?.message).toContain('Door de overgang naar wintertijd is dat een uur langer dan de klok aangeeft.');
  });

  it('adds up shifts worked back to back into one dienst', () => {
    const p = new PlanBuilder();
    const sanne = p.officer('Sanne de Vries', ZANDVOORT);
    const early = p.work(sanne, '2027-08-27T08:00', '2027-08-27T16:00');
    const late = p.work(sanne, '2027-08-27T16:00', '2027-08-27T22:00');
    // A 14-hour dienst also leaves only 10 h of rest in the 24 h from its start (rule 2), reported apart.
    const [v, ...rest] = evaluatePlan(p.view).filter((x) => x.code !== 'ATW_REST_TOO_SHORT');
    expect(rest).toEqual([]);
    expect(v).toMatchObject({ code: 'ATW_SHIFT_TOO_LONG', params: { minutes: 14 * 60, count: 2 } });
    expect(v?.records).toEqual(expect.arrayContaining([early.commitmentId, late.commitmentId]));
    expect(v?.message).toContain('werkt 14 u aaneengesloten (2 diensten achter elkaar');
  });
});
