import { describe, expect, it } from 'vitest';
import { evaluateCandidate, evaluatePlan } from '../../../../shared/rules';
import { BLOEMENDAAL, HEEMSTEDE, PlanBuilder } from './plan-builder';

describe('rule 4: double bookings and absences', () => {
  it('blocks an officer lent to two gemeenten at overlapping times', () => {
    const p = new PlanBuilder();
    p.convenant();
    const sanne = p.officer('Sanne de Vries', HEEMSTEDE);
    const gp = p.shift('2027-08-28T16:00', '2027-08-29T00:30');
    const beach = p.event({ host: BLOEMENDAAL, name: 'Bloemendaal Beach Party', place: 'Strand Bloemendaal' });
    const party = p.shift('2027-08-28T22:00', '2027-08-29T02:00', { eventId: beach.id, host: BLOEMENDAAL });
    p.assign(sanne, gp, p.request(gp, HEEMSTEDE));
    const found = evaluateCandidate(p.view, p.assignment(sanne, party, p.request(party, HEEMSTEDE)));
    const double = found.find((v) => v.code === 'OFFICER_DOUBLE_BOOKED');
    expect(double?.severity).toBe('blocking');
    expect(double?.message).toBe('Sanne de Vries staat dubbel ingepland: za 28 aug 16:00-00:30 (Dutch Grand Prix) overlapt met za 28 aug 22:00-02:00 (Bloemendaal Beach Party).');
  });

  it('does not call shifts that only touch a double booking', () => {
    const p = new PlanBuilder();
    const sanne = p.officer('Sanne de Vries', HEEMSTEDE);
    p.work(sanne, '2027-08-28T08:00', '2027-08-28T12:00');
    p.work(sanne, '2027-08-28T12:00', '2027-08-28T18:00');
    expect(evaluatePlan(p.view).map((v) => v.code)).toEqual([]);
  });

  it('blocks an assignment during an absence, unless the absence was cancelled', () => {
    const p = new PlanBuilder();
    const sanne = p.officer('Sanne de Vries', HEEMSTEDE);
    const absence = p.absence(sanne, '2027-08-29T00:00', '2027-09-05T00:00');
    const a = p.work(sanne, '2027-08-28T16:00', '2027-08-29T00:30');
    const [v] = evaluatePlan(p.view);
    expect(v).toMatchObject({ code: 'OFFICER_ABSENT', severity: 'blocking' });
    expect(v?.records).toEqual(expect.arrayContaining([a.commitmentId, absence.id]));
    expect(v?.message).toBe('Sanne de Vries is afwezig van zo 29 aug 00:00 - zo 5 sep 00:00 en kan daarom niet op de dienst van za 28 aug 16:00-00:30 (Dutch Grand Prix).');
    absence.cancelled = true;
    expect(evaluatePlan(p.view)).toEqual([]);
  });
});
