import { describe, expect, it } from 'vitest';
import { evaluateCandidate, evaluatePlan, ruleMessage } from '../../../../shared/rules';
import { RULE_CODES } from '../../../../shared/rules/types';
import { HEEMSTEDE, PlanBuilder, ZANDVOORT } from './plan-builder';

/** A plan with several problems: a short rest, an akte expiring on Saturday 28th (both of Sanne's shifts
 * touch Sunday), a double booking on Friday. */
function troubledPlan() {
  const p = new PlanBuilder();
  p.convenant();
  const sanne = p.officer('Sanne de Vries', HEEMSTEDE, { akteValidUntil: '2027-08-28' });
  const kees = p.officer('Kees Bakker', ZANDVOORT);
  p.work(sanne, '2027-08-28T16:00', '2027-08-29T00:30');
  p.work(sanne, '2027-08-29T10:00', '2027-08-29T18:00');
  p.work(kees, '2027-08-27T10:00', '2027-08-27T18:00');
  p.work(kees, '2027-08-27T17:00', '2027-08-27T21:00');
  return p;
}

describe('evaluatePlan', () => {
  it('lists violations in rule order, the same whatever order the records arrive in', () => {
    const p = troubledPlan();
    const first = evaluatePlan(p.view);
    expect(first.map((v) => v.code)).toEqual(['ATW_REST_TOO_SHORT', 'OFFICER_DOUBLE_BOOKED', 'AKTE_EXPIRED', 'AKTE_EXPIRED']);
    const reversed = { ...p.view, assignments: [...p.view.assignments].reverse(), shifts: [...p.view.shifts].reverse(), officers: [...p.view.officers].reverse() };
    expect(evaluatePlan(reversed)).toEqual(first);
    const order = first.map((v) => RULE_CODES.indexOf(v.code));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('leaves out what lies wholly in the past when given today, but still counts past work', () => {
    const p = troubledPlan();
    // On Sunday the 29th, Friday's double booking is history; the short rest ending Sunday is not.
    expect(evaluatePlan(p.view, { today: '2027-08-29' }).map((v) => v.code)).toEqual(['ATW_REST_TOO_SHORT', 'AKTE_EXPIRED', 'AKTE_EXPIRED']);
    expect(evaluatePlan(p.view, { today: '2027-08-30' })).toEqual([]);
  });

  it('keeps the params so the screen can show the message in English', () => {
    const [rest] = evaluatePlan(troubledPlan().view);
    expect(rest).toBeDefined();
    expect(ruleMessage(rest!.code, rest!.params, 'en')).toBe(
      'Sanne de Vries has only 9 h 30 of rest between the shift of Sat 28 Aug 16:00-00:30 and the one of Sun 29 Aug 10:00 (at least 11 hours). Once in 7 days 8 to 11 hours of rest is allowed, with a recorded reason.',
    );
    expect(ruleMessage(rest!.code, rest!.params)).toBe(rest!.message);
  });

  it('ignores assignments on cancelled shifts and withdrawn requests', () => {
    const p = troubledPlan();
    for (const s of p.view.shifts) s.cancelled = true;
    expect(evaluatePlan(p.view)).toEqual([]);
    const q = troubledPlan();
    for (const r of q.view.requests) r.withdrawn = true;
    expect(evaluatePlan(q.view)).toEqual([]);
  });
});

describe('evaluateCandidate', () => {
  it('returns only what involves the candidate, not the plan’s other problems', () => {
    const p = troubledPlan();
    const anna = p.officer('Anna Smit', ZANDVOORT);
    expect(evaluateCandidate(p.view, p.assignment(anna, p.shift('2027-08-28T10:00', '2027-08-28T18:00')))).toEqual([]);
  });

  it('re-checks an existing commitment in place rather than as a double booking of itself', () => {
    const p = troubledPlan();
    const existing = p.view.assignments[1]!; // Sanne's Sunday shift: the short rest, and after her akte
    expect(evaluateCandidate(p.view, existing).map((v) => v.code)).toEqual(['ATW_REST_TOO_SHORT', 'AKTE_EXPIRED']);
  });
});
