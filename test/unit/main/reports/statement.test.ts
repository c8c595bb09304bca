// The settlement statement and hours report in three real copies, against hand computations.
import { beforeAll, describe, expect, it } from 'vitest';
import { quarterScenario, type Scenario } from './scenario';
import { HolidaysNotLoaded, holidaysLoaded, isDutchPublicHoliday } from '../../../../shared/settlement';

let s: Scenario;
beforeAll(async () => {
  s = await quarterScenario();
}, 60_000);

const Q3 = { from: '2027-07-01', to: '2027-09-30' };

describe('settlement statement', () => {
  it('loads the holiday calendar with the first settlement, not when the copy opens (issue 22)', async () => {
    // Three copies opened and planned: no settlement yet, so no holiday data was loaded.
    expect(holidaysLoaded()).toBe(false);
    expect(() => isDutchPublicHoliday('2027-12-25')).toThrow(HolidaysNotLoaded);
    // The first settlement through the api loads it and is computed with it (Q4: Sanne's night, below).
    const q4 = await s.z.call('reports.settlement', { from: '2027-10-01', to: '2027-12-31' });
    expect(q4.settlement.lines).toEqual([expect.objectContaining({ officerName: 'Sanne de Vries', amountCents: 104040 })]);
    expect(holidaysLoaded()).toBe(true);
    expect(isDutchPublicHoliday('2027-12-25')).toBe(true);
  });

  it('shows the quarter per pair with tariff and surcharges, as computed by hand', async () => {
    const st = await s.z.call('reports.settlement', Q3);
    // Sanne 8 h x 68.00 = 544.00; Daan 8.5 h weekend x 115.60 = 982.60; Femke 8 h weekend x 115.60 = 924.80;
    // Lotte 6 h gesloten beurs = no money. Kees is Zandvoort's own staffing and is not settled.
    expect(st.settlement.lines.map((l) => [l.officerName, l.hours, l.amountCents])).toEqual([
      ['Sanne de Vries', 8, 54400],
      ['René Jansen', 8.5, 98260],
      ['Noëlle Mulder', 8, 92480],
      ['Lotte Meijer', 6, 0],
    ]);
    expect(st.settlement.pairs.map((p) => [p.providerName, p.hostName, p.model, p.hours, p.amountCents])).toEqual([
      ['Bloemendaal', 'Heemstede', 'gesloten_beurs', 6, 0],
      ['Bloemendaal', 'Zandvoort', 'tariff', 8, 92480],
      ['Heemstede', 'Zandvoort', 'tariff', 16.5, 152660],
    ]);
    expect(st.settlement.totals).toEqual({ lines: 4, minutes: 30.5 * 60, hours: 30.5, amountCents: 245140 });
    // Gesloten beurs: Bloemendaal lent Heemstede 6 h, nothing back: Heemstede owes Bloemendaal 6 h in kind.
    expect(st.settlement.netting).toEqual([expect.objectContaining({ aName: 'Bloemendaal', bName: 'Heemstede', netHours: 6, owedBy: 'GM0397', owedTo: 'GM0377' })]);
    expect(st.available.map((p) => `${p.aName}-${p.bName}`)).toEqual(['Bloemendaal-Heemstede', 'Bloemendaal-Zandvoort', 'Heemstede-Zandvoort']);
    expect(st.ownName).toBe('Zandvoort');
  });

  it('shows the same figures and state hash in every partner copy', async () => {
    const [z, h, b] = await Promise.all([s.z, s.h, s.b].map((c) => c.call('reports.settlement', Q3)));
    expect(z!.stateHash).toMatch(/^[0-9a-f]{64}$/);
    expect(h!.stateHash).toBe(z!.stateHash);
    expect(b!.stateHash).toBe(z!.stateHash);
    expect(h!.settlement).toEqual(z!.settlement);
    expect(b!.settlement).toEqual(z!.settlement);
    expect(z!.stateHash).toBe(await s.z.hash());
  });

  it('limits a statement to one pair, in both directions, whichever order the pair is given in', async () => {
    const hz = await s.h.call('reports.settlement', { ...Q3, pair: ['GM0473', 'GM0397'] });
    expect(hz.pair).toEqual({ a: 'GM0397', b: 'GM0473', aName: 'Heemstede', bName: 'Zandvoort' });
    expect(hz.settlement.totals).toEqual({ lines: 2, minutes: 990, hours: 16.5, amountCents: 152660 });
    expect(hz.settlement.netting).toEqual([]);
    const bh = await s.h.call('reports.settlement', { ...Q3, pair: ['GM0377', 'GM0397'] });
    expect(bh.settlement.lines.map((l) => l.officerName)).toEqual(['Lotte Meijer']);
    expect(bh.settlement.netting[0]).toMatchObject({ netHours: 6, owedBy: 'GM0397' });
    // The choice of pairs does not shrink with the chosen pair.
    expect(bh.available).toHaveLength(3);
  });

  it('pays the real 9 hours of the night the clocks go back, in Q4', async () => {
    const q4 = await s.z.call('reports.settlement', { from: '2027-10-01', to: '2027-12-31' });
    // Sat 30 Oct 22:00 - Sun 06:00: 9 real hours, weekend (70 %) beats night (40 %): 9 x 115.60 = 1040.40.
    expect(q4.settlement.lines).toEqual([expect.objectContaining({ officerName: 'Sanne de Vries', minutes: 540, amountCents: 104040 })]);
  });

  it('refuses a period that ends before it starts, and a pair of one gemeente', async () => {
    await expect(s.z.call('reports.settlement', { from: '2027-09-30', to: '2027-07-01' })).rejects.toMatchObject({ code: 'invalid_argument', message: expect.stringContaining('einddatum') });
    await expect(s.z.call('reports.settlement', { ...Q3, pair: ['GM0397', 'GM0397'] })).rejects.toMatchObject({ code: 'invalid_argument' });
  });
});

describe('hours report', () => {
  it("gives Heemstede its own officers' hours, the events, the gemeenten and the cap use", async () => {
    const r = await s.h.call('reports.hours', Q3);
    expect(r.ownName).toBe('Heemstede');
    expect(r.officers.map((o) => [o.name, o.shifts, o.minutes / 60, o.lentMinutes / 60])).toEqual([
      ['René Jansen', 1, 8.5, 8.5],
      ['Sanne de Vries', 1, 8, 8],
    ]);
    // Grand Prix: Kees 8 (host's own) + Sanne 8 + Daan 8.5 + Femke 8 (partners) = 32.5 h on 3 shifts.
    expect(r.events.map((e) => [e.name, e.shifts, e.assignments, e.minutes / 60, e.hostMinutes / 60, e.partnerMinutes / 60])).toEqual([
      ['Dutch Grand Prix', 3, 4, 32.5, 8, 24.5],
      ['Kermis Heemstede', 1, 1, 6, 0, 6],
    ]);
    expect(r.gemeenten.map((g) => [g.name, g.ownMinutes / 60, g.providedMinutes / 60, g.receivedMinutes / 60])).toEqual([
      ['Bloemendaal', 0, 14, 0],
      ['Heemstede', 0, 16.5, 6],
      ['Zandvoort', 8, 0, 24.5],
    ]);
    // The convenant's cap is 120 h per provider per month: Heemstede used 16.5 h in August (14 %).
    expect(r.caps.filter((c) => c.title.startsWith('Convenant'))).toEqual([
      expect.objectContaining({ providerName: 'Bloemendaal', month: '2027-08', minutes: 480, capHours: 120, percent: 7, over: false }),
      expect.objectContaining({ providerName: 'Heemstede', month: '2027-08', minutes: 990, capHours: 120, percent: 14, over: false }),
    ]);
    expect(r.totals).toEqual({ assignments: 5, minutes: 38.5 * 60 });
  });

  it('charts months for a quarter and weeks for a month, with the settled amounts per bucket', async () => {
    const q = await s.z.call('reports.hours', Q3);
    expect(q.series.unit).toBe('month');
    expect(q.series.buckets.map((b) => b.key)).toEqual(['2027-07', '2027-08', '2027-09']);
    const byName = Object.fromEntries(q.series.byGemeente.map((g) => [g.name, g.minutes.map((m) => m / 60)]));
    expect(byName).toEqual({ Bloemendaal: [0, 8, 6], Heemstede: [0, 16.5, 0], Zandvoort: [0, 8, 0] });
    expect(q.series.amountCents).toEqual([0, 245140, 0]);

    const aug = await s.z.call('reports.hours', { from: '2027-08-01', to: '2027-08-31' });
    expect(aug.series.unit).toBe('week');
    // 1 Aug 2027 is a Sunday (week 30); the Grand Prix weekend is in week 34.
    expect(aug.series.buckets[0]).toEqual({ key: '2027-W30', from: '2027-08-01', to: '2027-08-01' });
    const w34 = aug.series.buckets.findIndex((b) => b.key === '2027-W34');
    expect(aug.series.amountCents[w34]).toBe(245140);
  });
});
