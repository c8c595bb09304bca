import { beforeAll, describe, expect, it } from 'vitest';
import { loadHolidays, settle } from '../../../../shared/settlement';
import type { OfficerRecord } from '../../../../shared/domain/officer';
import { BLOEMENDAAL, HEEMSTEDE, PlanBuilder, ZANDVOORT } from '../rules/plan-builder';

// The settlement's holiday calendar is loaded on first need (main's dispatch does it for the api).
beforeAll(() => loadHolidays());

/** Scenario 4 under gesloten beurs: three gemeenten lend each other officers over Q3 2027, repaid in kind. */
function quarter() {
  const p = new PlanBuilder();
  const all = [BLOEMENDAAL, HEEMSTEDE, ZANDVOORT];
  p.convenant({ title: 'Convenant gesloten beurs 2027', providers: Object.fromEntries(all.map((g) => [g, { model: 'gesloten_beurs' as const }])) });
  const events = Object.fromEntries(all.map((g) => [g, p.event({ host: g, name: `Evenement ${g}` })]));
  const officers: Record<string, OfficerRecord> = {
    [BLOEMENDAAL]: p.officer('Femke Mulder', BLOEMENDAAL),
    [HEEMSTEDE]: p.officer('Sanne de Vries', HEEMSTEDE),
    [ZANDVOORT]: p.officer('Kees Bakker', ZANDVOORT),
  };
  const lend = (provider: string, host: string, start: string, end: string) => {
    const shift = p.shift(start, end, { eventId: events[host]!.id, host });
    p.assign(officers[provider]!, shift, p.request(shift, provider));
  };
  // Zandvoort -> Bloemendaal 30 h: 3 x 10 h.
  lend(ZANDVOORT, BLOEMENDAAL, '2027-07-03T08:00', '2027-07-03T18:00');
  lend(ZANDVOORT, BLOEMENDAAL, '2027-08-07T08:00', '2027-08-07T18:00');
  lend(ZANDVOORT, BLOEMENDAAL, '2027-09-11T08:00', '2027-09-11T18:00');
  // Bloemendaal -> Zandvoort 12 h: 8 h + 4 h.
  lend(BLOEMENDAAL, ZANDVOORT, '2027-08-28T10:00', '2027-08-28T18:00');
  lend(BLOEMENDAAL, ZANDVOORT, '2027-08-29T10:00', '2027-08-29T14:00');
  // Heemstede <-> Zandvoort 16 h each way: even.
  lend(HEEMSTEDE, ZANDVOORT, '2027-08-27T16:00', '2027-08-28T00:00');
  lend(HEEMSTEDE, ZANDVOORT, '2027-08-29T16:00', '2027-08-30T00:00');
  lend(ZANDVOORT, HEEMSTEDE, '2027-07-17T09:00', '2027-07-17T17:00');
  lend(ZANDVOORT, HEEMSTEDE, '2027-07-18T09:00', '2027-07-18T17:00');
  // Heemstede -> Bloemendaal 10 h (across midnight), nothing back.
  lend(HEEMSTEDE, BLOEMENDAAL, '2027-07-10T16:00', '2027-07-11T02:00');
  // Outside the quarter: not counted.
  lend(BLOEMENDAAL, ZANDVOORT, '2027-10-01T10:00', '2027-10-01T20:00');
  return settle(p.view, { from: '2027-07-01', to: '2027-09-30' });
}

describe('gesloten beurs over a quarter', () => {
  it('nets hours per pair: who owes whom how many hours in kind', () => {
    const s = quarter();
    // Pairs ordered by code: Bloemendaal GM0377 < Heemstede GM0397 < Zandvoort GM0473.
    // B-H: B lent H 0 h, H lent B 10 h -> B owes H 10 h.
    // B-Z: B lent Z 12 h, Z lent B 30 h -> B owes Z 18 h.
    // H-Z: 16 h each way -> even.
    expect(s.netting).toEqual([
      { a: BLOEMENDAAL, b: HEEMSTEDE, aName: 'Bloemendaal', bName: 'Heemstede', aToBHours: 0, bToAHours: 10, netMinutes: 600, netHours: 10, owedBy: BLOEMENDAAL, owedTo: HEEMSTEDE },
      { a: BLOEMENDAAL, b: ZANDVOORT, aName: 'Bloemendaal', bName: 'Zandvoort', aToBHours: 12, bToAHours: 30, netMinutes: 1080, netHours: 18, owedBy: BLOEMENDAAL, owedTo: ZANDVOORT },
      { a: HEEMSTEDE, b: ZANDVOORT, aName: 'Heemstede', bName: 'Zandvoort', aToBHours: 16, bToAHours: 16, netMinutes: 0, netHours: 0, owedBy: null, owedTo: null },
    ]);
  });

  it('lists hours per provider-host pair with no money, and every line of the quarter', () => {
    const s = quarter();
    expect(s.pairs.map((p) => [p.providerName, p.hostName, p.model, p.hours, p.amountCents])).toEqual([
      ['Bloemendaal', 'Zandvoort', 'gesloten_beurs', 12, 0],
      ['Heemstede', 'Bloemendaal', 'gesloten_beurs', 10, 0],
      ['Heemstede', 'Zandvoort', 'gesloten_beurs', 16, 0],
      ['Zandvoort', 'Bloemendaal', 'gesloten_beurs', 30, 0],
      ['Zandvoort', 'Heemstede', 'gesloten_beurs', 16, 0],
    ]);
    // 30 + 12 + 16 + 16 + 10 = 84 h in 10 lines; October's shift is left out.
    expect(s.totals).toEqual({ lines: 10, minutes: 84 * 60, hours: 84, amountCents: 0 });
    expect(s.lines[0]?.start).toBe('2027-07-03T08:00');
    expect(s.lines.every((l) => l.hourlyCents === 0 && l.surcharges === null)).toBe(true);
  });
});
