// The postbus simulation, small enough for every test run: gemeenten sharing one folder over weeks of
// generated work converge to one state hash, directly and by relay (npm run bench:postbus runs 25 x 52).
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../bench/postbus-sim';

describe('gemeenten sharing one postbus', () => {
  it('all reach the same state, each week, writing to every partner or only to neighbours', async () => {
    const direct = await simulate({ gemeenten: 6, weeks: 2, topology: 'direct', seed: 7 });
    const relay = await simulate({ gemeenten: 6, weeks: 2, topology: 'relay', seed: 7 });
    for (const r of [direct, relay]) {
      expect(r.converged).toBe(true);
      expect(r.roundsPerWeek).toHaveLength(2);
      expect(r.changes).toBeGreaterThanOrEqual(12);
    }
    // Writing to every partner, a week's changes reach everyone in the first round.
    expect(direct.roundsPerWeek).toEqual([1, 1]);
    // Writing only to neighbours, the changes of the far side of the ring arrive a round later, by relay.
    expect(Math.max(...relay.roundsPerWeek)).toBeGreaterThan(1);
    // Acknowledged files are removed by their writers: the folder does not fill up.
    expect(direct.filesLeft).toBeLessThanOrEqual(6 * 5);
  }, 120_000);
});
