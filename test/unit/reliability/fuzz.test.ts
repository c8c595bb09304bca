// A seeded few thousand fuzz cases of the plan-file reader (npm run fuzz runs 100,000 and more).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { region, ZANDVOORT, HEEMSTEDE } from '../main/exchange/copies';
import { fuzz } from '../../fuzz/plan-fuzzer';
import { tempDir } from '../helpers';

describe('plan-file fuzzing', () => {
  it('refuses every damaged file with a reason, never fails inside, never changes the plan', async () => {
    const [z, h] = await region(ZANDVOORT, HEEMSTEDE);
    await z.call('demo.generate', { seed: 9, scale: 'small' });
    const original = readFileSync(await z.exportTo([h]));
    const me = z.ctx.me();
    const result = await fuzz(h.ctx, original, me, 1127, 2000, tempDir('regie-fuzz-'));
    expect(result.failures).toEqual([]);
    expect(result.refused).toBeGreaterThan(1500);
    // Some mutations leave a valid file (a re-signed header date, say): those are previewed, not refused.
    expect(result.refused + result.accepted).toBe(2000);
  }, 180_000);
});

describe('reading refused files', () => {
  it('leaves no file open, however early a file is refused', async () => {
    const { readdirSync } = await import('node:fs');
    const [z, h] = await region(ZANDVOORT, HEEMSTEDE);
    await z.call('events.create', { name: 'Braderie', place: 'Centrum', start: '2027-05-01T09:00', end: '2027-05-01T17:00', risk: 'A' });
    const original = readFileSync(await z.exportTo([h]));
    const openFiles = () => readdirSync('/proc/self/fd').length;
    const before = openFiles();
    await fuzz(h.ctx, original, z.ctx.me(), 99, 300, tempDir('regie-fuzz-fd-'));
    expect(openFiles() - before).toBeLessThan(10);
  }, 60_000);
});
