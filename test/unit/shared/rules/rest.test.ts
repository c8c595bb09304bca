import { describe, expect, it } from 'vitest';
import { evaluateCandidate, evaluatePlan } from '../../../../shared/rules';
import { HEEMSTEDE, PlanBuilder, ZANDVOORT } from './plan-builder';

const rest = (view: PlanBuilder['view']) => evaluatePlan(view).filter((v) => v.code === 'ATW_REST_TOO_SHORT');

/** Saturday's Grand Prix late shift, then a shift starting at `nextStart` on Sunday. */
function afterLateShift(nextStart: string, nextEnd: string, reasons: Record<string, string> = {}) {
  const p = new PlanBuilder();
  const sanne = p.officer('Sanne de Vries', HEEMSTEDE);
  p.work(sanne, '2027-08-28T16:00', '2027-08-29T00:30');
  const next = p.work(sanne, nextStart, nextEnd, reasons);
  return { p, sanne, next };
}

describe('rule 2: rest between shifts', () => {
  it('accepts exactly 11 hours of rest', () => {
    expect(rest(afterLateShift('2027-08-29T11:30', '2027-08-29T18:00').p.view)).toEqual([]);
  });

  it('warns at 10 h 59 of rest', () => {
    const [v] = rest(afterLateShift('2027-08-29T11:29', '2027-08-29T18:00').p.view);
    expect(v).toMatchObject({ severity: 'warning', accepted: false, params: { restMinutes: 659, variant: 'once' } });
  });

  it('warns with the scenario message for 9 h 30 between Saturday late and Sunday early', () => {
    const [v, ...others] = rest(afterLateShift('2027-08-29T10:00', '2027-08-29T18:00').p.view);
    expect(others).toEqual([]);
    expect(v?.severity).toBe('warning');
    expect(v?.message).toContain('Sanne de Vries heeft maar 9 u 30 rust tussen de dienst van za 28 aug 16:00-00:30 en die van zo 29 aug 10:00 (minimaal 11 uur).');
  });

  it('marks the short rest accepted once a reason is recorded', () => {
    const { p } = afterLateShift('2027-08-29T10:00', '2027-08-29T18:00', { ATW_REST_TOO_SHORT: 'Geen andere handhaver met verkeersakte beschikbaar' });
    expect(rest(p.view)).toMatchObject([{ severity: 'warning', accepted: true }]);
  });

  it('blocks less than 8 hours of rest, even with a reason', () => {
    const { p } = afterLateShift('2027-08-29T08:29', '2027-08-29T16:00', { ATW_REST_TOO_SHORT: 'graag' });
    const [v] = rest(p.view);
    expect(v).toMatchObject({ severity: 'blocking', params: { restMinutes: 479, variant: 'under8' } });
    expect(v?.accepted).toBeUndefined();
    expect(v?.message).toContain('nooit minder dan 8 uur');
  });

  it('blocks a second short rest within 7 days, and allows one again after 7 x 24 hours', () => {
    const p = new PlanBuilder();
    const sanne = p.officer('Sanne de Vries', HEEMSTEDE);
    p.work(sanne, '2027-08-28T16:00', '2027-08-29T00:30');
    p.work(sanne, '2027-08-29T10:00', '2027-08-29T18:00', { ATW_REST_TOO_SHORT: 'Grand Prix' }); // 9 h 30 after 00:30 Sunday
    p.work(sanne, '2027-09-03T14:00', '2027-09-03T22:00');
    p.work(sanne, '2027-09-04T07:00', '2027-09-04T15:00'); // 9 h after 22:00 Friday, within 7 days of Sunday 00:30
    const found = rest(p.view);
    expect(found.map((v) => [v.severity, v.params.variant])).toEqual([
      ['warning', 'once'],
      ['blocking', 'second'],
    ]);
    expect(found[1]?.message).toContain('dat gebeurde al na de dienst van za 28 aug 16:00-00:30');

    // The second short rest starting exactly 7 x 24 h after the first (Sunday 00:30 -> Sunday 00:30) is allowed again.
    const q = new PlanBuilder();
    const piet = q.officer('Piet Jansen', HEEMSTEDE);
    q.work(piet, '2027-08-28T16:00', '2027-08-29T00:30');
    q.work(piet, '2027-08-29T10:00', '2027-08-29T18:00');
    q.work(piet, '2027-09-04T16:00', '2027-09-05T00:30');
    q.work(piet, '2027-09-05T10:00', '2027-09-05T18:00');
    expect(rest(q.view).map((v) => v.severity)).toEqual(['warning', 'warning']);
  });

  it('measures rest in real hours across the DST changes', () => {
    // October: 22:00 -> 08:00 is 10 h on the clock but 11 h of real rest.
    const oct = new PlanBuilder();
    const a = oct.officer('Sanne de Vries', ZANDVOORT);
    oct.work(a, '2027-10-30T14:00', '2027-10-30T22:00');
    oct.work(a, '2027-10-31T08:00', '2027-10-31T16:00');
    expect(rest(oct.view)).toEqual([]);
    // March: 22:00 -> 09:00 is 11 h on the clock but only 10 h of real rest.
    const mar = new PlanBuilder();
    const b = mar.officer('Sanne de Vries', ZANDVOORT);
    mar.work(b, '2027-03-27T14:00', '2027-03-27T22:00');
    mar.work(b, '2027-03-28T09:00', '2027-03-28T17:00');
    expect(rest(mar.view)).toMatchObject([{ severity: 'warning', params: { restMinutes: 600 } }]);
  });

  it('tells the coordinator committing officers which one would get too little rest (scenario 2)', () => {
    const p = new PlanBuilder();
    const sanne = p.officer('Sanne de Vries', HEEMSTEDE);
    const kees = p.officer('Kees Bakker', HEEMSTEDE);
    const satLate = p.shift('2027-08-28T16:00', '2027-08-29T00:30');
    const sunEarly = p.shift('2027-08-29T10:00', '2027-08-29T18:00');
    p.assign(sanne, satLate, p.request(satLate, HEEMSTEDE));
    const request = p.request(sunEarly, HEEMSTEDE);
    expect(evaluateCandidate(p.view, p.assignment(sanne, sunEarly, request)).map((v) => [v.code, v.severity])).toEqual([['ATW_REST_TOO_SHORT', 'warning']]);
    expect(evaluateCandidate(p.view, p.assignment(kees, sunEarly, request))).toEqual([]);
  });

  it('reports to a candidate that it turns a later accepted short rest into a second one', () => {
    const p = new PlanBuilder();
    const sanne = p.officer('Sanne de Vries', HEEMSTEDE);
    p.work(sanne, '2027-09-03T14:00', '2027-09-03T22:00');
    p.work(sanne, '2027-09-04T07:00', '2027-09-04T15:00', { ATW_REST_TOO_SHORT: 'Bloemendaal strandfeest' });
    p.work(sanne, '2027-08-28T16:00', '2027-08-29T00:30');
    const candidate = p.assignment(sanne, p.shift('2027-08-29T10:00', '2027-08-29T18:00'));
    const found = evaluateCandidate(p.view, candidate);
    // The candidate's own short rest is the first in the week; September's becomes the second and blocks.
    expect(found.map((v) => [v.severity, v.params.variant, v.params.nextStart]).sort()).toEqual([
      ['blocking', 'second', '2027-09-04T07:00'],
      ['warning', 'once', '2027-08-29T10:00'],
    ]);
    expect(found.find((v) => v.severity === 'blocking')?.records).toContain(candidate.commitmentId);
  });

  // Before issue 16 the gap between any two shifts had to be 11 h, so a lunch break between a morning and an
  // afternoon shift blocked a lawful plan. ATW art. 5:3 asks 11 h within every 24 h; a pause is no rest.
  it('treats a lunch break between two shifts on one day as a break, not a rest', () => {
    const p = new PlanBuilder();
    const sanne = p.officer('Sanne de Vries', ZANDVOORT);
    p.work(sanne, '2027-08-27T08:00', '2027-08-27T12:00');
    p.work(sanne, '2027-08-27T12:45', '2027-08-27T17:00');
    p.work(sanne, '2027-08-28T08:00', '2027-08-28T17:00');
    expect(evaluatePlan(p.view)).toEqual([]);
  });

  it('needs the 11 hours inside the 24 hours from the start of the dienst: at most 13 h with pauses', () => {
    const within = new PlanBuilder();
    const a = within.officer('Sanne de Vries', ZANDVOORT);
    within.work(a, '2027-08-27T06:00', '2027-08-27T12:00');
    within.work(a, '2027-08-27T13:00', '2027-08-27T19:00'); // 13 h from 06:00: 11 h left until 06:00
    within.work(a, '2027-08-28T10:00', '2027-08-28T16:00');
    expect(rest(within.view)).toEqual([]);

    const over = new PlanBuilder();
    const b = over.officer('Sanne de Vries', ZANDVOORT);
    over.work(b, '2027-08-27T06:00', '2027-08-27T12:00');
    over.work(b, '2027-08-27T13:00', '2027-08-27T19:01'); // one minute more
    over.work(b, '2027-08-28T10:00', '2027-08-28T16:00');
    const [v, ...others] = rest(over.view);
    expect(others).toEqual([]);
    expect(v).toMatchObject({ severity: 'warning', params: { restMinutes: 659, clipped: 1, periodStart: '2027-08-27T06:00' } });
    expect(v?.message).toBe(
      'Sanne de Vries heeft in de 24 uur vanaf vr 27 aug 06:00 maar 10 u 59 aaneengesloten rust: de diensten tot vr 27 aug 19:01 beslaan met hun pauzes te veel van die 24 uur (minimaal 11 uur). Eén keer per 7 dagen mag 8 tot 11 uur rust, met een vastgelegde reden.',
    );
  });
});
