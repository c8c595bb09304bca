// Weekly rest (ATW art. 5:5) and fourteen working days in a row, with cases worked out by hand.
import { describe, expect, it } from 'vitest';
import { evaluatePlan, ruleMessage } from '../../../../shared/rules';
import { addDays } from '../../../../shared/rules/calendar';
import type { OfficerRecord } from '../../../../shared/domain/officer';
import { BLOEMENDAAL, HEEMSTEDE, PlanBuilder, ZANDVOORT } from './plan-builder';

const only = (p: PlanBuilder, code: string) => evaluatePlan(p.view).filter((v) => v.code === code);

/** 08:00-16:00 on `days` days from `from`, alternating between a Zandvoort and a Bloemendaal event. */
function daily(p: PlanBuilder, o: OfficerRecord, from: string, days: number): void {
  const events = [ZANDVOORT, BLOEMENDAAL].map((host) => p.event({ name: `Zomer ${host}`, host, start: '2027-01-01T00:00', end: '2028-01-01T00:00' }));
  for (let i = 0; i < days; i++) {
    const d = addDays(from, i);
    const e = events[i % 2]!;
    p.assign(o, p.shift(`${d}T08:00`, `${d}T16:00`, { eventId: e.id, host: e.host }));
  }
}

describe('rule 4: weekly rest (36 h per 7 x 24 h, or 72 h per 14 x 24 h in parts of 32 h)', () => {
  it('accepts six days on, one day off (39 h rest), week after week', () => {
    const p = new PlanBuilder();
    const sanne = p.officer('Sanne de Vries', HEEMSTEDE);
    for (let w = 0; w < 4; w++) daily(p, sanne, addDays('2027-08-02', 7 * w), 6);
    expect(evaluatePlan(p.view).filter((v) => v.code === 'ATW_WEEKLY_REST_TOO_SHORT' || v.code === 'ATW_FOURTEEN_DAYS_IN_A_ROW')).toEqual([]);
  });

  it('accepts a week without 36 h when the fortnight has 72 h in parts of 32 h or more', () => {
    // 9 days on (Mon 2 Aug - Tue 10 Aug), then Tue 16:00 -> Sat 08:00 = 88 h off, then 5 days on.
    const p = new PlanBuilder();
    const sanne = p.officer('Sanne de Vries', HEEMSTEDE);
    daily(p, sanne, '2027-08-02', 9);
    daily(p, sanne, '2027-08-14', 5);
    expect(only(p, 'ATW_WEEKLY_REST_TOO_SHORT')).toEqual([]);
  });

  it('blocks twenty days on end, worked for two gemeenten, across a month end', () => {
    const p = new PlanBuilder();
    const sanne = p.officer('Sanne de Vries', HEEMSTEDE);
    daily(p, sanne, '2027-07-20', 20); // 20 Jul - 8 Aug
    const found = only(p, 'ATW_WEEKLY_REST_TOO_SHORT');
    expect(found.length).toBe(1);
    expect(found[0]).toMatchObject({ severity: 'blocking', params: { longestMinutes: 16 * 60 } });
    expect(found[0]?.message).toContain('geen 36 uur aaneengesloten rust in 7 x 24 uur (de langste rust is 16 u), en ook geen 72 uur in 14 x 24 uur in delen van minimaal 32 uur');
    expect(ruleMessage('ATW_WEEKLY_REST_TOO_SHORT', found[0]!.params, 'en')).toContain('has no 36 hours of uninterrupted rest in 7 x 24 hours');
  });

  it('flags fourteen working days in a row, not thirteen', () => {
    const thirteen = new PlanBuilder();
    daily(thirteen, thirteen.officer('Sanne de Vries', HEEMSTEDE), '2027-12-20', 13);
    expect(only(thirteen, 'ATW_FOURTEEN_DAYS_IN_A_ROW')).toEqual([]);
    const fourteen = new PlanBuilder();
    daily(fourteen, fourteen.officer('Sanne de Vries', HEEMSTEDE), '2027-12-20', 14); // across the year end
    const [v] = only(fourteen, 'ATW_FOURTEEN_DAYS_IN_A_ROW');
    expect(v).toMatchObject({ severity: 'warning', accepted: false, params: { days: 14, from: '2027-12-20', to: '2028-01-02' } });
    expect(v?.message).toBe(
      'Sanne de Vries werkt 14 dagen achter elkaar (20 dec 2027 t/m 2 jan 2028). Controleer of er genoeg wekelijkse rust overblijft (36 uur per 7 dagen of 72 uur per 14 dagen); leg een reden vast.',
    );
  });

  it('does not count a day that a shift ending at 00:00 only touches', () => {
    const p = new PlanBuilder();
    const sanne = p.officer('Sanne de Vries', ZANDVOORT);
    daily(p, sanne, '2027-08-02', 12);
    // 13th day: 16:00-00:00 ends on the 14th day at 00:00; the 14th is not a working day.
    p.work(sanne, '2027-08-14T16:00', '2027-08-15T00:00');
    p.view.events[0]!.end = '2028-01-01T00:00';
    expect(only(p, 'ATW_FOURTEEN_DAYS_IN_A_ROW')).toEqual([]);
  });
});
