// Property: whatever the changes and however files travel (relays, duplicates, any order), copies that have
// exchanged everything end with the same state hash and no accepted change is lost.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { recomputeStateHash } from '../../../../main/log/state-hash';
import type { Copy } from './copies';
import { GP, region, ZANDVOORT, HEEMSTEDE, BLOEMENDAAL } from './copies';

type Step =
  | { kind: 'create'; who: number; name: string; risk: 'A' | 'B' | 'C' }
  | { kind: 'update'; who: number; pick: number; place: string }
  | { kind: 'send'; from: number; to: number; full: boolean }
  | { kind: 'replay'; to: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('create' as const),
    who: fc.nat(2),
    name: fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim().length > 0),
    risk: fc.constantFrom('A' as const, 'B' as const, 'C' as const),
  }),
  fc.record({ kind: fc.constant('update' as const), who: fc.nat(2), pick: fc.nat(20), place: fc.constantFrom('Strand', 'Centrum', 'Circuit', 'Boulevard', 'Plein') }),
  fc.record({ kind: fc.constant('send' as const), from: fc.nat(2), to: fc.nat(2), full: fc.boolean() }),
  fc.record({ kind: fc.constant('replay' as const), to: fc.nat(2) }),
);

async function run(steps: Step[]): Promise<void> {
  const copies: Copy[] = await region(ZANDVOORT, HEEMSTEDE, BLOEMENDAAL);
  const sent: { to: number; path: string }[] = [];
  let authored = 0;
  for (const s of steps) {
    if (s.kind === 'create') {
      await copies[s.who]!.call('events.create', { ...GP, name: s.name, risk: s.risk });
      authored++;
    } else if (s.kind === 'update') {
      const me = copies[s.who]!;
      const own = (await me.call('events.list', {})).filter((e) => e.host === me.gemeente);
      const ev = own[s.pick % Math.max(own.length, 1)];
      if (!ev || ev.place === s.place) continue;
      await me.call('events.update', { id: ev.id, fields: { name: ev.name, place: s.place, start: ev.start, end: ev.end, risk: ev.risk, visitors: ev.visitors, status: ev.status } });
      authored++;
    } else if (s.kind === 'send') {
      if (s.from === s.to) continue;
      const path = await copies[s.from]!.exportTo([copies[s.to]!], { full: s.full });
      await copies[s.to]!.importFile(path);
      sent.push({ to: s.to, path });
    } else {
      const old = sent.filter((x) => x.to === s.to).at(0);
      // A file seen before is refused as a replay; the state must not move.
      if (old) {
        const before = await copies[s.to]!.hash();
        await expect(copies[s.to]!.importFile(old.path)).rejects.toMatchObject({ code: 'already_imported' });
        expect(await copies[s.to]!.hash()).toBe(before);
      }
    }
  }
  // Settle: a ring twice over carries everything everywhere (through relays).
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < 3; i++) {
      const from = copies[i]!;
      const to = copies[(i + 1) % 3]!;
      await to.importFile(await from.exportTo([to]));
    }
  }
  const hashes = await Promise.all(copies.map((c) => c.hash()));
  expect(new Set(hashes).size).toBe(1);
  for (const c of copies) {
    // The kept (incremental) state hash is the hash of the rows as they are.
    expect(recomputeStateHash(c.ctx.db())).toBe(hashes[0]);
    expect(c.count("entries WHERE status = 'applied'")).toBe(authored);
    expect(c.count('pending_entries')).toBe(0);
  }
}

describe('convergence', () => {
  it('three gemeenten converge whatever the order and route of files', async () => {
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), run), { numRuns: 30 });
  }, 120_000);
});
