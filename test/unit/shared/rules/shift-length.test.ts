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

  it('allows exactly 10 hours at night and blocks 10 h 30', () => {
    expect(lengthViolations('2027-08-27T20:00', '2027-08-28T06:00')).toEqual([]);
    const [v] = lengthViolations('2027-08-27T19:30', '2027-08-28T06:00');
    expect(v?.code).toBe('ATW_NIGHT_SHIFT_TOO_LONG');
    expect(v?.message).toContain('vr 27 aug 19:30-06:00 duurt 10 u 30');
  });

  it('treats a shift across midnight as a night shift, but one ending at 00:00 not', () => {
    // 13:00-00:00 is 11 h without touching 00:00-06:00: fine. One minute more touches the night: > 10 h.
    expect(lengthViolations('2027-08-27T13:00', '2027-08-28T00:00')).toEqual([]);
    expect(lengthViolations('2027-08-27T13:00', '2027-08-28T00:01').map((v) => v.code)).toEqual(['ATW_NIGHT_SHIFT_TOO_LONG']);
    // The Grand Prix late shift, 16:00-00:30 = 8 h 30, is a night shift within the limit.
    expect(lengthViolations('2027-08-28T16:00', '2027-08-29T00:30')).toEqual([]);
  });

  it('counts real hours across the March change: 11 h on the clock is 10 h, allowed at night', () => {
    expect(lengthViolations('2027-03-27T20:00', '2027-03-28T07:00')).toEqual([]);
    expect(shiftLengthProblem('2027-03-27T20:00', '2027-03-28T07:00')).toBeNull();
  });

  it('counts real hours across the October change: 10 h on the clock is 11 h, too long at night', () => {
    const [v] = lengthViolations('2027-10-30T20:00', '2027-10-31T06:00');
    expect(v).toMatchObject({ code: 'ATW_NIGHT_SHIFT_TOO_LONG', params: { minutes: 660, clockMinutes: 600 } });
    expect(v?.message).toBe(
      'De nachtdienst van Sanne de Vries op za 30 okt 20:00-06:00 duurt 11 u; een dienst die tussen 00:00 en 06:00 valt duurt maximaal 10 uur. Door de overgang naar wintertijd is dat een uur langer dan de klok aangeeft.',
    );
  });

  it('adds up shifts worked back to back into one dienst', () => {
    const p = new PlanBuilder();
    const sanne = p.officer('Sanne de Vries', ZANDVOORT);
    const early = p.work(sanne, '2027-08-27T08:00', '2027-08-27T16:00');
    const late = p.work(sanne, '2027-08-27T16:00', '2027-08-27T22:00');
    const [v, ...rest] = evaluatePlan(p.view);
    expect(rest).toEqual([]);
    expect(v).toMatchObject({ code: 'ATW_SHIFT_TOO_LONG', params: { minutes: 14 * 60, count: 2 } });
    expect(v?.records).toEqual(expect.arrayContaining([early.commitmentId, late.commitmentId]));
    expect(v?.message).toContain('werkt 14 u aaneengesloten (2 diensten achter elkaar');
  });
});
