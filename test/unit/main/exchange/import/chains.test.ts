// Stage "verify chains and checkpoints" on its own: entries one at a time, a few facts per feed, the first
// problem told once the file is read.
import { describe, expect, it } from 'vitest';
import { FeedChains } from '../../../../../main/exchange/import/chains';
import type { SignedCheckpoint } from '../../../../../main/exchange/format';
import { chain, newDevice, type Device } from '../attacker';
import { signCheckpointLine } from '../copies';

const a = newDevice('GM0473', 'Laptop A');
const b = newDevice('GM0397', 'Laptop B');
const names = (key: string) => (key === a.publicKey ? { gemeente: a.gemeente, deviceLabel: a.label } : key === b.publicKey ? { gemeente: b.gemeente, deviceLabel: b.label } : {});
const ops = (n: number) => Array.from({ length: n }, (_, i) => [{ t: 'event.update', id: `ev-${i}`, set: { name: `Naam ${i}` } }]);
const checkpoint = (d: Device, seq: number, head: string, signer = d): SignedCheckpoint => JSON.parse(signCheckpointLine(d.publicKey, seq, head, signer.privateKey)) as SignedCheckpoint;

function run(entries: ReturnType<typeof chain>, checkpoints: SignedCheckpoint[], now = Date.now()) {
  const chains = new FeedChains(names, now);
  for (const e of entries) chains.add(e);
  return { chains, finish: () => chains.finish(checkpoints) };
}

describe('chains and checkpoints', () => {
  it('keeps per feed its first and last seq, last id and count, also when feeds interleave', () => {
    const ea = chain(a, 'GM0473', ops(3));
    const eb = chain(b, 'GM0397', ops(2));
    const { chains, finish } = run([ea[0]!, eb[0]!, ea[1]!, eb[1]!, ea[2]!], [checkpoint(a, 3, ea[2]!.id), checkpoint(b, 2, eb[1]!.id)]);
    const feeds = finish();
    expect(chains.entries).toBe(5);
    expect([...feeds.keys()]).toEqual([a.publicKey, b.publicKey]);
    expect(feeds.get(a.publicKey)).toMatchObject({ gemeente: 'GM0473', deviceLabel: 'Laptop A', first: 1, last: 3, lastId: ea[2]!.id, count: 3 });
    expect(feeds.get(b.publicKey)).toMatchObject({ first: 1, last: 2, count: 2 });
  });

  it('refuses a feed with a hole, one out of order, and one that does not link to its predecessor', () => {
    const ea = chain(a, 'GM0473', ops(3));
    expect(run([ea[0]!, ea[2]!], [checkpoint(a, 3, ea[2]!.id)]).finish).toThrow(/De keten van Zandvoort \(Laptop A\) is onderbroken: na wijziging nr. 1 volgt nr. 3\./);
    expect(run([ea[1]!, ea[0]!], [checkpoint(a, 1, ea[0]!.id)]).finish).toThrow(/in de verkeerde volgorde \(nr. 1 na nr. 2\)/);
    const other = chain(a, 'GM0473', ops(2), 2, 'f'.repeat(64));
    expect(run([ea[0]!, other[0]!], [checkpoint(a, 2, other[0]!.id)]).finish).toThrow(/die niet op de vorige aansluit/);
  });

  it('tells the problem only once the whole file was read, and counts every entry', () => {
    const ea = chain(a, 'GM0473', ops(3));
    const { chains, finish } = run([ea[0]!, ea[2]!, ea[1]!], []);
    expect(chains.entries).toBe(3);
    expect(finish).toThrow(/onderbroken/);
  });

  it('refuses a feed without its own checkpoint, or with one signed by another key or for another head', () => {
    const ea = chain(a, 'GM0473', ops(2));
    expect(run(ea, []).finish).toThrow(/niet door dat apparaat zelf ondertekend/);
    expect(run(ea, [checkpoint(a, 2, ea[1]!.id, b)]).finish).toThrow(/niet door dat apparaat zelf ondertekend/);
    expect(run(ea, [checkpoint(a, 2, ea[0]!.id)]).finish).toThrow(/niet door dat apparaat zelf ondertekend/);
    expect(run(ea, [checkpoint(a, 1, ea[0]!.id)]).finish).toThrow(/niet door dat apparaat zelf ondertekend/);
  });

  it("refuses an entry of another gemeente than its device's, and one dated more than a day ahead", () => {
    const claims = chain(a, 'GM0397', ops(1));
    expect(run(claims, [checkpoint(a, 1, claims[0]!.id)]).finish).toThrow(/zegt van Heemstede te zijn, maar is gemaakt op een apparaat van Zandvoort/);
    const now = Date.UTC(2027, 0, 1);
    const ahead = chain(a, 'GM0473', ops(1), 1, null, now + 2 * 24 * 3600 * 1000);
    expect(run(ahead, [checkpoint(a, 1, ahead[0]!.id)], now).finish).toThrow(/meer dan 24 uur na de klok van deze computer/);
    const fine = chain(a, 'GM0473', ops(1), 1, null, now + 3600 * 1000);
    expect(run(fine, [checkpoint(a, 1, fine[0]!.id)], now).finish().size).toBe(1);
  });
});
