import { describe, expect, it } from 'vitest';
import { evaluateCandidate, evaluatePlan, ruleMessage } from '../../../../shared/rules';
import { BLOEMENDAAL, HEEMSTEDE, PlanBuilder, ZANDVOORT } from './plan-builder';

const codes = (p: PlanBuilder) => evaluatePlan(p.view).map((v) => v.code);

describe('rule 5: akte and werkgebied', () => {
  it('blocks the shifts after an akte expires mid-event, not those before', () => {
    const p = new PlanBuilder();
    const sanne = p.officer('Sanne de Vries', ZANDVOORT, { akteValidUntil: '2027-08-27' });
    const friday = p.work(sanne, '2027-08-27T10:00', '2027-08-27T18:00');
    const saturday = p.work(sanne, '2027-08-28T10:00', '2027-08-28T18:00');
    const found = evaluatePlan(p.view);
    expect(found.map((v) => [v.code, v.records.includes(friday.commitmentId), v.records.includes(saturday.commitmentId)])).toEqual([['AKTE_EXPIRED', false, true]]);
    expect(found[0]?.message).toBe('De akte van Sanne de Vries is geldig tot en met 27 aug 2027; de dienst van za 28 aug 10:00-18:00 (Dutch Grand Prix) valt daarna.');
  });

  it('blocks a Friday late shift that runs into the day after the akte expired', () => {
    const p = new PlanBuilder();
    const sanne = p.officer('Sanne de Vries', ZANDVOORT, { akteValidUntil: '2027-08-27' });
    p.work(sanne, '2027-08-27T16:00', '2027-08-28T00:30');
    expect(codes(p)).toEqual(['AKTE_EXPIRED']);
  });

  it('refuses an officer outside the werkgebied even under an agreement in force, and says to go to Justis', () => {
    // A convenant does not extend opsporingsbevoegdheid (justis.nl): the earlier exception was legally wrong.
    const p = new PlanBuilder();
    p.convenant();
    const sanne = p.officer('Sanne de Vries', HEEMSTEDE, { territory: [HEEMSTEDE] });
    const shift = p.shift('2027-08-28T10:00', '2027-08-28T18:00');
    p.assign(sanne, shift, p.request(shift, HEEMSTEDE));
    const found = evaluatePlan(p.view);
    expect(found.map((v) => [v.code, v.severity, v.resolvableBy])).toEqual([['OUTSIDE_WERKGEBIED', 'blocking', HEEMSTEDE]]);
    expect(found[0]?.message).toBe(
      'Zandvoort ligt niet in het werkgebied van de akte van Sanne de Vries (dienst van za 28 aug 10:00-18:00); een afspraak tussen Heemstede en Zandvoort breidt de opsporingsbevoegdheid niet uit. Laat Heemstede het werkgebied uitbreiden via Justis, of zet een andere handhaver in.',
    );
  });

  it('refuses an own officer outside the werkgebied with the same remedy', () => {
    const p = new PlanBuilder();
    const sanne = p.officer('Sanne de Vries', ZANDVOORT, { territory: [HEEMSTEDE] });
    p.work(sanne, '2027-08-28T10:00', '2027-08-28T18:00');
    expect(evaluatePlan(p.view)[0]?.message).toBe(
      'Zandvoort ligt niet in het werkgebied van de akte van Sanne de Vries (dienst van za 28 aug 10:00-18:00). Laat Zandvoort het werkgebied uitbreiden via Justis, of zet een andere handhaver in.',
    );
  });

  it('does not count an agreement one party has not signed', () => {
    const p = new PlanBuilder();
    const c = p.convenant({ signedByAll: false });
    c.signatures = c.signatures.filter((s) => s.gemeente !== BLOEMENDAAL);
    const sanne = p.officer('Sanne de Vries', HEEMSTEDE);
    const shift = p.shift('2027-08-28T10:00', '2027-08-28T18:00');
    p.assign(sanne, shift, p.request(shift, HEEMSTEDE));
    const found = evaluatePlan(p.view);
    expect(found.map((v) => v.code)).toEqual(['NO_AGREEMENT_IN_FORCE']);
    expect(found[0]?.message).toContain('die is nog niet door alle partijen ondertekend (ontbreekt: Bloemendaal)');
  });

  it('does not count an agreement from the date it is terminated', () => {
    const p = new PlanBuilder();
    p.convenant({ terminatedFrom: '2027-08-28' });
    const sanne = p.officer('Sanne de Vries', HEEMSTEDE);
    const friday = p.shift('2027-08-27T10:00', '2027-08-27T18:00');
    const saturday = p.shift('2027-08-28T10:00', '2027-08-28T18:00');
    p.assign(sanne, friday, p.request(friday, HEEMSTEDE));
    p.assign(sanne, saturday, p.request(saturday, HEEMSTEDE));
    const found = evaluatePlan(p.view);
    expect(found.map((v) => v.code)).toEqual(['NO_AGREEMENT_IN_FORCE']);
    expect(found[0]?.records).toContain(saturday.id);
    expect(found[0]?.message).toContain('maar die is opgezegd per 28 aug 2027');
  });

  it('refuses an officer whose akte is for another domain than the role needs', () => {
    const p = new PlanBuilder();
    const kim = p.officer('Kim Visser', ZANDVOORT, { domain: 'II' });
    const a = p.work(kim, '2027-08-28T10:00', '2027-08-28T18:00');
    const found = evaluatePlan(p.view);
    expect(found.map((v) => [v.code, v.severity])).toEqual([['AKTE_DOMAIN_MISMATCH', 'blocking']]);
    expect(found[0]?.records).toContain(a.commitmentId);
    expect(found[0]?.message).toBe('De akte van Kim Visser is voor Domein II; de dienst van za 28 aug 10:00-18:00 (toezicht, Dutch Grand Prix) vraagt een akte voor Domein I (openbare ruimte).');
    expect(ruleMessage('AKTE_DOMAIN_MISMATCH', found[0]!.params, 'en')).toBe(
      "Kim Visser's akte is for Domain II; the shift of Sat 28 Aug 10:00-18:00 (supervision, Dutch Grand Prix) needs an akte for Domain I (public space).",
    );
    // Domain I for every role Regie plans: a Domein I officer is fine on a parkeerhandhaving shift.
    const q = new PlanBuilder();
    q.work(q.officer('Sanne de Vries', ZANDVOORT), '2027-08-28T10:00', '2027-08-28T18:00');
    q.view.shifts[0]!.role = 'parkeerhandhaving';
    expect(evaluatePlan(q.view)).toEqual([]);
  });

  it('needs no agreement for the werkgebied when the host lies in it', () => {
    const p = new PlanBuilder();
    const sanne = p.officer('Sanne de Vries', HEEMSTEDE, { territory: [HEEMSTEDE, ZANDVOORT] });
    const shift = p.shift('2027-08-28T10:00', '2027-08-28T18:00');
    p.assign(sanne, shift, p.request(shift, HEEMSTEDE, { agreementId: null }));
    // The lending itself still needs an agreement (rule 7), but the werkgebied is fine.
    expect(codes(p)).toEqual(['NO_AGREEMENT_IN_FORCE']);
  });
});

describe('rule 6: qualifications and koppels', () => {
  it('accepts a verkeersregelaar appointment of exactly one year and blocks one of 366 days', () => {
    const p = new PlanBuilder();
    const sanne = p.officer('Sanne de Vries', ZANDVOORT, { trafficAppointed: '2026-08-28' });
    p.work(sanne, '2027-08-28T10:00', '2027-08-28T18:00'); // 365 days later: the anniversary, still valid
    expect(codes(p)).toEqual([]);
    const shifts = p.view.shifts;
    shifts[0]!.role = 'verkeersregelaar';
    expect(codes(p)).toEqual([]);
    p.view.assignments[0]!.start = '2027-08-29T10:00'; // 366 days
    p.view.assignments[0]!.end = '2027-08-29T18:00';
    shifts[0]!.start = '2027-08-29T10:00';
    shifts[0]!.end = '2027-08-29T18:00';
    const found = evaluatePlan(p.view);
    expect(found.map((v) => v.code)).toEqual(['TRAFFIC_APPOINTMENT_EXPIRED']);
    expect(found[0]?.message).toBe(
      'De aanstelling als verkeersregelaar van Sanne de Vries is van 28 aug 2026 en gold tot en met 28 aug 2027; bij de dienst van zo 29 aug 10:00-18:00 is die ouder dan 1 jaar.',
    );
  });

  it('names each missing qualification and geweldsmiddel', () => {
    const p = new PlanBuilder();
    const sanne = p.officer('Sanne de Vries', ZANDVOORT, { force: ['handboeien'], trafficAppointed: null });
    p.assign(sanne, p.shift('2027-08-28T10:00', '2027-08-28T18:00', { role: 'verkeersregelaar', qualifications: ['handboeien', 'pepperspray'] }));
    const [v, ...rest] = evaluatePlan(p.view);
    expect(rest).toEqual([]);
    expect(v).toMatchObject({ code: 'QUALIFICATION_MISSING', severity: 'blocking', params: { missing: 'verkeersregelaar,pepperspray' } });
    expect(v?.message).toBe('Sanne de Vries mist voor de dienst van za 28 aug 10:00-18:00 (verkeersregelaar): aanstelling als verkeersregelaar en bevoegdheid pepperspray.');
  });

  it('warns about an odd number of officers on a shift in koppels, and not to each candidate', () => {
    const p = new PlanBuilder();
    const shift = p.shift('2027-08-28T10:00', '2027-08-28T18:00', { inPairs: true });
    const request = p.request(shift, ZANDVOORT);
    const [a, b, c] = ['Anna Smit', 'Bram Visser', 'Carla de Boer'].map((n) => p.officer(n, ZANDVOORT));
    p.assign(a!, shift, request);
    p.assign(b!, shift, request);
    expect(codes(p)).toEqual([]);
    // Committing the first of the next koppel is no reason to refuse or to ask for a reason.
    expect(evaluateCandidate(p.view, p.assignment(c!, shift, request))).toEqual([]);
    p.assign(c!, shift, request);
    const [v] = evaluatePlan(p.view);
    expect(v).toMatchObject({ code: 'PAIRS_INCOMPLETE', severity: 'warning', accepted: false, params: { count: 3 } });
    expect(v?.message).toBe('De dienst van za 28 aug 10:00-18:00 bij Dutch Grand Prix werkt in koppels, maar heeft 3 handhavers: er mist er één voor een volledig koppel.');
  });
});
