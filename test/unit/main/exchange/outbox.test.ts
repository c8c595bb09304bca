// The outbox: what each partner still lacks, what a file for chosen recipients would carry, and its name.
import { describe, expect, it } from 'vitest';
import { region, linesOf, ZANDVOORT, HEEMSTEDE, BLOEMENDAAL, GP } from './copies';
import { suggestedPlanFileName } from '../../../../main/exchange/outbox';

describe('exchange.outbox', () => {
  it('counts per partner what it is not known to have, and per gemeente and kind what a file would carry', async () => {
    const [z, h] = await region(ZANDVOORT, HEEMSTEDE, BLOEMENDAAL);
    const ev = await z.call('events.create', GP);
    await z.call('shifts.create', { eventId: ev.id, start: '2027-08-27T10:00', end: '2027-08-27T18:00', role: 'toezicht', needed: 4, inPairs: true });
    await z.call('events.update', { id: ev.id, fields: { ...GP, visitors: 105000 } });

    const box = await z.call('exchange.outbox', {});
    expect(box.partners.map((p) => [p.gemeenteName, p.entries])).toEqual([
      ['Bloemendaal', 3],
      ['Heemstede', 3],
    ]);
    // By default every partner with news is chosen.
    expect(box.selection.to).toEqual(['GM0377', 'GM0397']);
    expect(box.selection.perGemeente).toEqual([{ gemeente: 'GM0473', gemeenteName: 'Zandvoort', entries: 3, kinds: { event: 2, shift: 1 } }]);
    expect(box.selection.suggestedFileName).toMatch(/^regie-Zandvoort-aan-Bloemendaal-Heemstede-\d{4}-\d{2}-\d{2}-\d{4}\.regie$/);

    // What the outbox promises is what the file carries.
    const path = await z.exportTo([h]);
    expect(linesOf(path).filter((l) => l.startsWith('{"author":'))).toHaveLength(3);
    await h.importFile(path);
    await z.importFile(await h.exportTo([z]));

    const after = await z.call('exchange.outbox', {});
    expect(after.partners.find((p) => p.gemeente === 'GM0397')).toMatchObject({ entries: 0, lastReceived: expect.any(String), lastSent: expect.any(String) });
    expect(after.partners.find((p) => p.gemeente === 'GM0397')?.knows).toContainEqual({ gemeente: 'GM0473', gemeenteName: 'Zandvoort', device: 'Laptop Zandvoort', has: 3, of: 3 });
    expect(after.selection.to).toEqual(['GM0377']);
    // A full file for Heemstede carries everything again.
    const full = await z.call('exchange.outbox', { to: ['GM0397'], full: true });
    expect(full.selection.entries).toBeGreaterThanOrEqual(3);
    // Bloemendaal has still seen nothing of Zandvoort's, nor of Heemstede's (relayed through Zandvoort).
    const forB = await z.call('exchange.outbox', { to: ['GM0377'] });
    expect(forB.selection.perGemeente.map((g) => g.gemeenteName)).toContain('Zandvoort');
  });

  it('refuses nothing and chooses nobody when no partner has news', async () => {
    const [z] = await region(ZANDVOORT, HEEMSTEDE);
    const box = await z.call('exchange.outbox', {});
    expect(box.selection).toMatchObject({ to: [], entries: 0, perGemeente: [] });
  });
});

describe('suggestedPlanFileName', () => {
  it('names sender, recipients and the Dutch date and time', () => {
    const late = new Date('2026-11-27T23:30:00Z'); // already the 28th in the Netherlands
    expect(suggestedPlanFileName('GM0473', ['GM0397'], late)).toBe('regie-Zandvoort-aan-Heemstede-2026-11-28-0030.regie');
    expect(suggestedPlanFileName('GM0473', ['GM0397', 'GM0377'], new Date('2026-11-27T10:00:00Z'))).toBe('regie-Zandvoort-aan-Heemstede-Bloemendaal-2026-11-27-1100.regie');
    expect(suggestedPlanFileName('GM0473', ['GM0397', 'GM0377', 'GM0392', 'GM0453', 'GM0375'], new Date('2026-11-27T10:00:00Z'))).toBe('regie-Zandvoort-aan-5-partners-2026-11-27-1100.regie');
  });
});
