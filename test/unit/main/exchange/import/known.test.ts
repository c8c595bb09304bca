// Stage "compare with this copy" on its own, against a real copy: what it holds, what is new and what is to
// be done with it, and a fork found but not recorded (recording is the importer's).
import { beforeEach, describe, expect, it } from 'vitest';
import { Copy, ZANDVOORT } from '../copies';
import { cardOf, chain, newDevice, planFile, type Device } from '../attacker';
import { ForkFound, KnownFeeds, recordFork } from '../../../../../main/exchange/import/known';

let z: Copy;
let d: Device;
let stranger: Device;
const ops = (n: number, tag = 'x') => Array.from({ length: n }, (_, i) => [{ t: 'event.update', id: `ev-${tag}-${i}`, set: { name: `Naam ${i}` } }]);

beforeEach(async () => {
  z = await new Copy(...ZANDVOORT).init();
  d = newDevice('GM0397', 'Laptop Heemstede');
  stranger = newDevice('GM0377', 'Laptop Bloemendaal');
  const card = JSON.stringify(cardOf(d));
  const info = await z.call('partners.inspectCard', { content: card });
  await z.call('partners.trust', { content: card, fingerprint: info.fingerprint });
});

function known() {
  const describe = (author: string) => ({ gemeente: author === d.publicKey ? 'GM0397' : 'GM0377', deviceLabel: 'Laptop' });
  return new KnownFeeds(z.ctx.db(), describe, (author) => author === d.publicKey);
}

describe('comparing a file with this copy', () => {
  it('attaches what follows the head, passes over what it holds, and knows when nothing is new', async () => {
    const entries = chain(d, 'GM0397', ops(4));
    await z.importFile(planFile(d, ['GM0473'], { feeds: [{ author: d, entries: entries.slice(0, 2) }] }));
    const k = known();
    expect(entries.map((e) => k.place(e))).toEqual(['known', 'known', 'attach', 'attach']);
    expect(k.feeds.get(d.publicKey)).toMatchObject({ head: 2, duplicates: 2, fresh: 2, firstFresh: 3, disposition: 'attach' });
    expect(k.nothingNew()).toBe(false);
    const again = known();
    for (const e of entries.slice(0, 2)) again.place(e);
    expect(again.nothingNew()).toBe(true);
  });

  it('parks a run that leaves a gap, holds one of an untrusted device', () => {
    const k = known();
    const later = chain(d, 'GM0397', ops(2), 5, 'a'.repeat(64));
    expect(later.map((e) => k.place(e))).toEqual(['gap', 'gap']);
    expect(k.feeds.get(d.publicKey)!.missing).toEqual({ from: 1, to: 4 });
    expect(chain(stranger, 'GM0377', ops(1)).map((e) => k.place(e))).toEqual(['trust']);
  });

  it('finds a fork, two entries with one seq or one that builds on another history, and records nothing itself', async () => {
    const entries = chain(d, 'GM0397', ops(2));
    await z.importFile(planFile(d, ['GM0473'], { feeds: [{ author: d, entries }] }));
    const other = chain(d, 'GM0397', ops(2, 'y'));
    let found: unknown;
    try {
      known().place(other[0]!);
    } catch (err) {
      found = err;
    }
    expect(found).toBeInstanceOf(ForkFound);
    expect((found as ForkFound).fork).toMatchObject({ author: d.publicKey, seq: 1, ours: entries[0]!.id, theirs: other[0]!.id });
    expect(() => known().place(chain(d, 'GM0397', ops(1, 'z'), 3, 'b'.repeat(64))[0]!)).toThrow(/bouwt voort op een andere geschiedenis/);
    expect(z.count('forks')).toBe(0);
    recordFork(z.ctx.db(), (found as ForkFound).fork);
    expect(z.count('forks')).toBe(1);
    expect(() => known().place(chain(d, 'GM0397', ops(1, 'w'), 3, entries[1]!.id)[0]!)).not.toThrow();
  });
});
