// Same entries, same state, same controlegetal: text that is not well-formed Unicode (a lone UTF-16
// surrogate, or bytes that are not UTF-8) is refused at the entry check, and the state digest comes from what
// is stored. Before: such text passed, was stored as replacement characters, and two copies that took the same
// entries in a different order showed different state hashes.
import { describe, expect, it } from 'vitest';
import { GP, region, ZANDVOORT, HEEMSTEDE, BLOEMENDAAL } from './copies';
import { cardOf, newDevice, planFile, rawEntry, type Device } from './attacker';
import { canonicalJson } from '../../../../main/log/canonical';
import { formatHlc } from '../../../../main/log/hlc';
import { encodeEntry } from '../../../../main/log/entry';
import { recomputeStateHash } from '../../../../main/log/state-hash';

const EVENT = 'GM0473.ev.cccccccccccccccc';

describe('text that is not well-formed Unicode', () => {
  it('is refused, and two copies that took the same files in a different order have the same state hash', async () => {
    const [z, h, b] = await region(ZANDVOORT, HEEMSTEDE, BLOEMENDAAL);
    const me = z.ctx.me();
    const zandvoort: Device = { publicKey: me.publicKey, privateKey: me.privateKey, gemeente: 'GM0473', label: me.deviceLabel };
    // A second Zandvoort laptop, trusted by phone at both partners.
    const second = newDevice('GM0473', 'Tweede laptop');
    for (const c of [h, b]) {
      const content = canonicalJson(cardOf(second));
      await c.call('partners.trust', { content, fingerprint: (await c.call('partners.inspectCard', { content })).fingerprint });
    }
    const wall = Date.now();
    const create = rawEntry(
      {
        v: 1,
        author: zandvoort.publicKey,
        gemeente: 'GM0473',
        seq: 1,
        prev: null,
        hlc: formatHlc({ wall, counter: 0 }),
        ops: [{ t: 'event.create', id: EVENT, set: { ...GP, name: 'GP SURROGATE', visitors: null, status: 'concept' } }],
      },
      'SURROGATE',
      '\\ud800',
    );
    expect(create.bytes.toString()).toContain('"GP \\ud800"');
    const update = encodeEntry({
      v: 1,
      author: second.publicKey,
      gemeente: 'GM0473',
      seq: 1,
      prev: null,
      hlc: formatHlc({ wall: wall + 1000, counter: 0 }),
      ops: [{ t: 'event.update', id: EVENT, set: { place: 'Boulevard' } }],
    });
    const withSurrogate = planFile(zandvoort, ['GM0397', 'GM0377'], { feeds: [{ author: zandvoort, entries: [create] }] });
    const placeOnly = planFile(zandvoort, ['GM0397', 'GM0377'], { feeds: [{ author: second, entries: [update] }] });

    const outcome = async (c: typeof h, files: string[]) => {
      const refusals: string[] = [];
      for (const f of files) await c.importFile(f).catch((err: Error) => refusals.push(err.message));
      return refusals;
    };
    const atH = await outcome(h, [withSurrogate, placeOnly]);
    const atB = await outcome(b, [placeOnly, withSurrogate]);
    expect(atH).toHaveLength(1);
    expect(atH[0]).toMatch(/Regel 2: de wijziging is ongeldig \(entry holds text that is not well-formed Unicode/);
    expect(atB).toEqual(atH);
    expect(await h.hash()).toBe(await b.hash());
    expect(await h.hash()).toBe(recomputeStateHash(h.ctx.db()));
    expect(await b.hash()).toBe(recomputeStateHash(b.ctx.db()));
  });

  it('bytes that are not UTF-8 in an entry are refused (they would read as replacement characters: two ids, one entry)', async () => {
    const [z, h] = await region(ZANDVOORT, HEEMSTEDE);
    const me = z.ctx.me();
    const zandvoort: Device = { publicKey: me.publicKey, privateKey: me.privateKey, gemeente: 'GM0473', label: me.deviceLabel };
    const good = encodeEntry({
      v: 1,
      author: me.publicKey,
      gemeente: 'GM0473',
      seq: 1,
      prev: null,
      hlc: formatHlc({ wall: Date.now(), counter: 0 }),
      ops: [{ t: 'event.create', id: EVENT, set: { ...GP, name: 'GP X', visitors: null, status: 'concept' } }],
    });
    const bytes = Buffer.from(good.bytes);
    bytes[bytes.indexOf('GP X') + 3] = 0xff;
    const bad = { ...good, bytes, id: (await import('../../../../main/log/identity')).sha256Hex(bytes) };
    await expect(h.importFile(planFile(zandvoort, ['GM0397'], { feeds: [{ author: zandvoort, entries: [bad] }] }))).rejects.toThrow(/not valid UTF-8/);
    expect(h.count('events')).toBe(0);
  });

  it('a change typed with a lone surrogate is refused by the api, and the kept controlegetal stays the stored one', async () => {
    const [z] = await region(ZANDVOORT, HEEMSTEDE);
    const before = await z.hash();
    await expect(z.call('events.create', { ...GP, name: 'GP \ud800' })).rejects.toThrow(/ongeldig teken \(een losse surrogaat\)/);
    expect(await z.hash()).toBe(before);
    expect(z.count('events')).toBe(0);
    await z.call('events.create', { ...GP, name: 'GP 😀 ok' });
    expect(await z.hash()).toBe(recomputeStateHash(z.ctx.db()));
  });
});
