import { describe, expect, it } from 'vitest';
import { evaluateCandidate, evaluatePlan, evaluateRequest } from '../../../../shared/rules';
import { BLOEMENDAAL, HEEMSTEDE, PlanBuilder, ZANDVOORT } from './plan-builder';

describe('rule 7: agreement in force for a request', () => {
  it('needs no agreement for the host’s own staffing', () => {
    const p = new PlanBuilder();
    const shift = p.shift('2027-08-28T10:00', '2027-08-28T18:00');
    expect(evaluateRequest(p.view, { shiftId: shift.id, provider: ZANDVOORT, agreementId: null, count: 6, host: ZANDVOORT })).toEqual([]);
  });

  it('refuses a request to another gemeente that cites no agreement', () => {
    const p = new PlanBuilder();
    const shift = p.shift('2027-08-28T10:00', '2027-08-28T18:00');
    const [v] = evaluateRequest(p.view, { shiftId: shift.id, provider: HEEMSTEDE, agreementId: null, count: 4, host: ZANDVOORT });
    expect(v).toMatchObject({ code: 'NO_AGREEMENT_IN_FORCE', severity: 'blocking', params: { reason: 'none' } });
    expect(v?.message).toBe(
      'Het verzoek van Zandvoort aan Heemstede voor de dienst van za 28 aug 10:00-18:00 bij Dutch Grand Prix noemt geen afspraak. Zonder afspraak van kracht kan Heemstede geen handhavers uitlenen.',
    );
  });

  it('refuses an agreement between other parties, not yet signed, or terminated before the shift', () => {
    const p = new PlanBuilder();
    const pair = p.convenant({ parties: [ZANDVOORT, BLOEMENDAAL] });
    const unsigned = p.convenant({ signedByAll: false });
    const terminated = p.convenant({ terminatedFrom: '2027-08-28' });
    const friday = p.shift('2027-08-27T10:00', '2027-08-27T18:00');
    const saturday = p.shift('2027-08-28T10:00', '2027-08-28T18:00');
    const ask = (shiftId: string, agreementId: string) => evaluateRequest(p.view, { shiftId, provider: HEEMSTEDE, agreementId, count: 2, host: ZANDVOORT }).map((v) => v.params.reason);
    expect(ask(saturday.id, pair.id)).toEqual(['not_party']);
    expect(ask(saturday.id, unsigned.id)).toEqual(['unsigned']);
    expect(ask(friday.id, terminated.id)).toEqual([]);
    expect(ask(saturday.id, terminated.id)).toEqual(['terminated']);
  });

  it('requires the agreement on every date of a shift across midnight', () => {
    const p = new PlanBuilder();
    const c = p.convenant({ end: '2027-08-28' });
    const late = p.shift('2027-08-28T16:00', '2027-08-29T00:30');
    expect(evaluateRequest(p.view, { shiftId: late.id, provider: HEEMSTEDE, agreementId: c.id, count: 2, host: ZANDVOORT }).map((v) => v.params.reason)).toEqual(['ended']);
  });

  it('blocks hours beyond the monthly cap in August but not in September', () => {
    const p = new PlanBuilder();
    p.convenant(); // cap 120 h per provider per month
    const august = p.shift('2027-08-28T10:00', '2027-08-28T18:00', { needed: 16 });
    const september = p.shift('2027-09-04T10:00', '2027-09-04T18:00', { eventId: p.event({ name: 'Bloemencorso', start: '2027-09-04T08:00', end: '2027-09-04T20:00' }).id });
    const augRequest = p.request(august, HEEMSTEDE, { count: 16, escalation: { needed: true, role: 'teamleider handhaving', approvedBy: 'J. de Teamleider', approvedAt: '2027-08-01T09:00:00Z' } });
    const officers = Array.from({ length: 16 }, (_, i) => p.officer(`Officer${String(i).padStart(2, '0')} Heemstede`, HEEMSTEDE));
    for (const o of officers.slice(0, 15)) p.assign(o, august, augRequest); // 15 x 8 h = 120 h: at the cap
    expect(evaluatePlan(p.view)).toEqual([]);

    // A request for 2 more in August would bring Heemstede to 136 h.
    const [ask] = evaluateRequest(p.view, { shiftId: august.id, provider: HEEMSTEDE, agreementId: augRequest.agreementId, count: 2, host: ZANDVOORT });
    expect(ask).toMatchObject({ code: 'CAP_EXCEEDED', params: { usedMinutes: 120 * 60, addedMinutes: 16 * 60, capHours: 120 } });
    expect(ask?.message).toBe(
      'Met dit verzoek komt Heemstede in augustus 2027 op 136 u onder "Convenant handhaving evenementen 2027" (120 u al toegezegd, dit verzoek 16 u); afgesproken is maximaal 120 uur per maand.',
    );

    const sixteenth = p.assignment(officers[15]!, august, augRequest);
    const found = evaluateCandidate(p.view, sixteenth);
    expect(found.map((v) => [v.code, v.severity])).toEqual([['CAP_EXCEEDED', 'blocking']]);
    expect(found[0]?.message).toBe('Heemstede levert in augustus 2027 128 u onder "Convenant handhaving evenementen 2027"; afgesproken is maximaal 120 uur per uitlenende gemeente per maand.');

    const sepRequest = p.request(september, HEEMSTEDE, { count: 1 });
    expect(evaluateCandidate(p.view, p.assignment(officers[15]!, september, sepRequest))).toEqual([]);
  });
});

describe('rule 8: mandate and escalation', () => {
  function grandPrix() {
    const p = new PlanBuilder();
    const convenant = p.convenant(); // a coordinator may approve up to 4 officers per request
    const shift = p.shift('2027-08-28T16:00', '2027-08-29T00:30', { inPairs: true });
    return { p, convenant, shift };
  }

  it('lets a coordinator ask for 4 officers and flags 6 for the teamleider handhaving', () => {
    const { p, convenant, shift } = grandPrix();
    const base = { shiftId: shift.id, provider: HEEMSTEDE, agreementId: convenant.id, host: ZANDVOORT };
    expect(evaluateRequest(p.view, { ...base, count: 4 })).toEqual([]);
    const [v, ...rest] = evaluateRequest(p.view, { ...base, count: 6 });
    expect(rest).toEqual([]);
    expect(v).toMatchObject({ code: 'MANDATE_EXCEEDED', severity: 'warning', params: { count: 6, maxOfficers: 4, escalateTo: 'teamleider handhaving' } });
    expect(v?.message).toBe(
      'Het verzoek om 6 handhavers van Heemstede (51 u in totaal) voor de dienst van za 28 aug 16:00-00:30 gaat boven het mandaat van de coördinator (maximaal 4 handhavers per verzoek); de teamleider handhaving moet het goedkeuren.',
    );
    expect(evaluateRequest(p.view, { ...base, count: 6, approvedBy: 'M. Teamleider' })).toEqual([]);
  });

  it('flags officer-hours beyond the mandate’s hours', () => {
    const { p, shift } = grandPrix();
    const c = p.convenant({ mandate: { maxOfficers: 10, maxHours: 30, escalateTo: 'teamleider handhaving' } });
    // 4 x 8 h 30 = 34 h > 30 h.
    const found = evaluateRequest(p.view, { shiftId: shift.id, provider: HEEMSTEDE, agreementId: c.id, count: 4, host: ZANDVOORT });
    expect(found.map((v) => v.code)).toEqual(['MANDATE_EXCEEDED']);
    expect(found[0]?.message).toContain('(maximaal 10 handhavers en 30 uur per verzoek)');
  });

  it('blocks commitments to an escalated request until it is approved', () => {
    const { p, shift } = grandPrix();
    const request = p.request(shift, HEEMSTEDE, { count: 6 });
    const [anna, bram] = ['Anna Smit', 'Bram Visser'].map((n) => p.officer(n, HEEMSTEDE));
    // The request itself is marked for escalation: a warning on the plan.
    expect(evaluatePlan(p.view).map((v) => [v.code, v.severity])).toEqual([['MANDATE_EXCEEDED', 'warning']]);
    const found = evaluateCandidate(p.view, p.assignment(anna!, shift, request));
    expect(found.map((v) => [v.code, v.severity])).toEqual([['MANDATE_EXCEEDED', 'blocking']]);
    expect(found[0]?.message).toBe(
      'Anna Smit kan nog niet worden toegezegd: het verzoek om 6 handhavers gaat boven het mandaat van de coördinator (maximaal 4 handhavers per verzoek) en is nog niet goedgekeurd door de teamleider handhaving.',
    );

    request.escalation = { needed: true, role: 'teamleider handhaving', approvedBy: 'M. Teamleider', approvedAt: '2027-08-20T09:00:00Z' };
    expect(evaluateCandidate(p.view, p.assignment(bram!, shift, request))).toEqual([]);
    expect(evaluatePlan(p.view)).toEqual([]);
  });

  it('refuses a commitment under a request without an agreement in force', () => {
    const p = new PlanBuilder();
    const shift = p.shift('2027-08-28T10:00', '2027-08-28T18:00');
    const request = p.request(shift, HEEMSTEDE, { agreementId: null });
    const sanne = p.officer('Sanne de Vries', HEEMSTEDE, { territory: [HEEMSTEDE, ZANDVOORT] });
    expect(evaluateCandidate(p.view, p.assignment(sanne, shift, request)).map((v) => [v.code, v.severity])).toEqual([['NO_AGREEMENT_IN_FORCE', 'blocking']]);
  });
});

describe('rule 9: risk class', () => {
  it('blocks staffing an event without a risk class, and says nothing while it has no officers', () => {
    const p = new PlanBuilder();
    const event = p.event({ name: 'Strandfeest Parnassia', host: BLOEMENDAAL, start: '2027-07-10T12:00', end: '2027-07-11T02:00' });
    (event as { risk: string }).risk = '';
    const shift = p.shift('2027-07-10T14:00', '2027-07-10T23:00', { eventId: event.id, host: BLOEMENDAAL });
    expect(evaluatePlan(p.view)).toEqual([]);
    const own = p.officer('Femke Mulder', BLOEMENDAAL);
    const found = evaluateCandidate(p.view, p.assignment(own, shift));
    expect(found.map((v) => [v.code, v.severity])).toEqual([['RISK_CLASS_MISSING', 'blocking']]);
    expect(found[0]?.message).toBe('Evenement Strandfeest Parnassia heeft geen risicoklasse (A regulier, B aandacht of C risico), maar er is al 1 handhaver ingepland.');

    // The next candidate hears how many are planned on the whole event, not just on its own shift.
    p.assign(own, shift);
    const later = p.shift('2027-07-10T18:00', '2027-07-11T01:00', { eventId: event.id, host: BLOEMENDAAL });
    const second = p.officer('Joris Dekker', BLOEMENDAAL);
    expect(evaluateCandidate(p.view, p.assignment(second, later))[0]?.message).toContain('maar er zijn al 2 handhavers ingepland.');
  });
});
