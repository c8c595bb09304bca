// Entries parked for a gap are no longer parked once a later file fills the gap and brings them again:
// before, the run was applied from the later file and the parked copies stayed listed for good.
import { describe, expect, it } from 'vitest';
import { GP, region, ZANDVOORT, HEEMSTEDE } from './copies';
import { chain, planFile, type Device } from './attacker';

describe('parked entries', () => {
  it('are removed from the parked list when a later file with the missing entries applies them', async () => {
    const [z, h] = await region(ZANDVOORT, HEEMSTEDE);
    const me = z.ctx.me();
    const zandvoort: Device = { publicKey: me.publicKey, privateKey: me.privateKey, gemeente: 'GM0473', label: me.deviceLabel };
    const entries = chain(
      zandvoort,
      'GM0473',
      [1, 2, 3].map((i) => [{ t: 'event.create', id: `GM0473.ev.${String(i).repeat(16)}`, set: { ...GP, name: `Evenement ${i}`, visitors: null, status: 'concept' } }]),
    );
    const waiting = () => (h.ctx.db().prepare('SELECT count(*) AS n FROM pending_entries').get() as { n: number }).n;
    const zAtH = async () => (await h.call('partners.list', {})).find((p) => p.publicKey === me.publicKey)!;

    const late = await h.importFile(planFile(zandvoort, ['GM0397'], { feeds: [{ author: zandvoort, entries: entries.slice(1) }] }));
    expect(late.parked).toEqual([expect.objectContaining({ from: 2, to: 3, missingFrom: 1, missingTo: 1 })]);
    expect((await zAtH()).waiting).toBe(2);

    const all = await h.importFile(planFile(zandvoort, ['GM0397'], { feeds: [{ author: zandvoort, entries }] }));
    expect(all.entries.new).toBe(3);
    expect(all.parked).toEqual([]);
    expect(h.count('events')).toBe(3);
    expect(waiting()).toBe(0);
    expect(h.count('pending_checkpoints')).toBe(0);
    expect((await zAtH()).waiting).toBe(0);
  });
});
