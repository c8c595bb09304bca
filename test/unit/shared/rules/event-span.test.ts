import { describe, expect, it } from 'vitest';
import { evaluateCandidate, evaluatePlan, ruleMessage } from '../../../../shared/rules';
import { BLOEMENDAAL, HEEMSTEDE, PlanBuilder, ZANDVOORT } from './plan-builder';

describe('a shift outside its event', () => {
  it('warns the host about a shift that starts before or ends after its event, and not at its edges', () => {
    const p = new PlanBuilder();
    const event = p.event({ name: 'Strandfeest Parnassia', host: BLOEMENDAAL, start: '2027-07-10T12:00', end: '2027-07-11T02:00' });
    p.shift('2027-07-10T12:00', '2027-07-11T02:00', { eventId: event.id, host: BLOEMENDAAL });
    expect(evaluatePlan(p.view)).toEqual([]);
    const late = p.shift('2027-07-10T20:00', '2027-07-11T02:01', { eventId: event.id, host: BLOEMENDAAL });
    const early = p.shift('2027-07-09T12:00', '2027-07-09T18:00', { eventId: event.id, host: BLOEMENDAAL }); // a day off
    const found = evaluatePlan(p.view);
    expect(found.map((v) => [v.code, v.severity, v.records[0], v.resolvableBy])).toEqual([
      ['SHIFT_OUTSIDE_EVENT', 'warning', late.id, BLOEMENDAAL],
      ['SHIFT_OUTSIDE_EVENT', 'warning', early.id, BLOEMENDAAL],
    ]);
    expect(found[1]?.message).toBe('De dienst van vr 9 jul 12:00-18:00 valt buiten Strandfeest Parnassia (za 10 jul 12:00-02:00); controleer de datum en tijden.');
    expect(ruleMessage('SHIFT_OUTSIDE_EVENT', found[1]!.params, 'en')).toBe(
      'The shift of Fri 9 Jul 12:00-18:00 falls outside Strandfeest Parnassia (Sat 10 Jul 12:00-02:00); check its date and times.',
    );
    // It is the shift's problem, not the provider's: committing an officer to it does not repeat it.
    const o = p.officer('Femke Mulder', HEEMSTEDE);
    expect(evaluateCandidate(p.view, p.assignment(o, early))).toEqual([]);
  });
});

describe('who can resolve a violation', () => {
  it('names the provider for an officer problem and the host for a request problem', () => {
    const p = new PlanBuilder();
    const c = p.convenant({ signedByAll: false });
    c.signatures = c.signatures.filter((s) => s.gemeente !== HEEMSTEDE);
    const sanne = p.officer('Sanne de Vries', HEEMSTEDE, { akteValidUntil: '2027-01-01' });
    const shift = p.shift('2027-08-28T10:00', '2027-08-28T18:00');
    p.assign(sanne, shift, p.request(shift, HEEMSTEDE));
    expect(evaluatePlan(p.view).map((v) => [v.code, v.resolvableBy])).toEqual([
      ['AKTE_EXPIRED', HEEMSTEDE],
      ['NO_AGREEMENT_IN_FORCE', ZANDVOORT],
    ]);
  });
});
