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
