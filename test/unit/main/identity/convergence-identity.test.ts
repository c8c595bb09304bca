// Property (issue 15): convergence still holds when one gemeente adds a laptop, revokes it mid-stream and
// rotates its key, with random routes and relays in any arrival order: every copy that took everything has
// the same state hash, equal to its recomputed one, and nothing of the revoked laptop past its cut-off.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { recomputeStateHash } from '../../../../main/log/state-hash';
import { Copy, GP, region, ZANDVOORT, HEEMSTEDE, BLOEMENDAAL } from '../exchange/copies';
import { tempDir } from '../../helpers';

type Step = { kind: 'create'; who: number; name: string } | { kind: 'send'; from: number; to: number; full: boolean } | { kind: 'revoke' } | { kind: 'rotate' };

// Copies: 0 = Zandvoort (gemeente key), 1 = Heemstede, 2 = Bloemendaal, 3 = Zandvoort's second laptop.
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('create' as const), who: fc.nat(3), name: fc.constantFrom('Strand', 'Kermis', 'Markt', 'Loop') }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('send' as const), from: fc.nat(3), to: fc.nat(3), full: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('revoke' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rotate' as const) }) },
);

async function addLaptop(z1: Copy, partners: Copy[]): Promise<Copy> {
  const z2 = new Copy(ZANDVOORT[0], 'Zandvoort-2');
  const request = await z2.call('devices.joinRequest', { gemeente: ZANDVOORT[0], deviceLabel: 'Laptop planner' });
  const path = join(tempDir('regie-cert-'), 'cert.regie');
  await z1.call('devices.approve', { content: request.content, fingerprint: request.fingerprint, path });
  await z2.call('devices.install', { path });
  for (const p of partners) await z2.trust(p);
  return z2;
}

/** Imports a file; a file of the revoked laptop (or one with nothing new) may be refused, which changes nothing. */
async function deliver(from: Copy, to: Copy, full: boolean): Promise<void> {
  const path = await from.exportTo([to], { full });
  const before = await to.hash();
  try {
    await to.importFile(path);
  } catch (err) {
    expect(String((err as Error).message)).toMatch(/ingetrokken|al ingelezen|ouder bestand/);
    expect(await to.hash()).toBe(before);
  }
}

async function run(steps: Step[]): Promise<void> {
  const [z1, h, b] = await region(ZANDVOORT, HEEMSTEDE, BLOEMENDAAL);
  const z2 = await addLaptop(z1, [h, b]);
  const copies = [z1, h, b, z2];
  try {
    await check(steps, copies);
  } finally {
    // Each run's four data folders go at once, not all at the end (cleaning hundreds at once outlasts the hook).
    for (const c of copies) {
      c.ctx.close();
      rmSync(c.ctx.dataDir, { recursive: true, force: true });
    }
  }
}

async function check(steps: Step[], copies: Copy[]): Promise<void> {
  const [z1, h, b, z2] = copies as [Copy, Copy, Copy, Copy];
  let revoked = false;
  let rotated = false;
  for (const s of steps) {
    if (s.kind === 'create') {
      await copies[s.who]!.call('events.create', { ...GP, name: s.name });
    } else if (s.kind === 'send') {
      if (s.from === s.to) continue;
      await deliver(copies[s.from]!, copies[s.to]!, s.full);
    } else if (s.kind === 'revoke' && !revoked) {
      const device = (await z1.call('devices.list', {})).find((d) => d.label === 'Laptop planner')!;
      await z1.call('devices.revoke', { device: device.publicKey, reason: 'gestolen' });
      revoked = true;
    } else if (s.kind === 'rotate' && !rotated) {
      await z1.call('gemeenteKey.rotate', {});
      rotated = true;
    }
  }
  // Settle: full files around the ring twice (and to the second laptop while it is not revoked).
  const ring = revoked ? [z1, h, b] : [z1, h, b, z2];
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < ring.length; i++) await deliver(ring[i]!, ring[(i + 1) % ring.length]!, true);
  }
  const hashes = await Promise.all(ring.map((c) => c.hash()));
  expect(new Set(hashes).size).toBe(1);
  for (const c of ring) {
    expect(recomputeStateHash(c.ctx.db())).toBe(hashes[0]);
    expect(c.count('pending_entries')).toBe(0);
  }
  if (revoked) {
    const cut = (await z1.call('devices.list', {})).find((d) => d.label === 'Laptop planner')!.revocation!.after;
    const author = z2.ctx.me().publicKey;
    for (const c of ring) {
      expect(c.count(`entries WHERE author = '${author}' AND seq > ${cut} AND status = 'applied'`)).toBe(0);
      expect(c.count(`entries WHERE author = '${author}' AND seq <= ${cut} AND status = 'applied'`)).toBe(cut);
    }
  }
}

describe('convergence with a gemeente key', () => {
  it('a laptop added, revoked mid-stream, a key rotated: all copies converge in any arrival order', async () => {
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 16 }), run), { numRuns: 8 });
  }, 600_000);
});
