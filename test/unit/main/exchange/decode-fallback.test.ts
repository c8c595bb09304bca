// Where no decode worker can start (here: its script is missing), a large plan file is decoded on the calling
// thread instead, with exactly the same result: nothing about trust depends on the workers being there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { demoPlanFile } from './copies';
import { readPlanFile } from '../../../../main/exchange/read';
import { stopDecodeWorkers } from '../../../../main/exchange/decode-pool';
import { tempDir } from '../../helpers';

let file: string;
const saved = { ...process.env };

beforeAll(async () => {
  ({ file } = await demoPlanFile(3, 80));
}, 120_000);

afterAll(() => {
  process.env = saved;
  stopDecodeWorkers();
});

describe('decoding without workers', () => {
  it('falls back to this thread when the worker script cannot be loaded, with the same entries', async () => {
    process.env.REGIE_DECODE_WORKERS = '0';
    const inThread = await readPlanFile(file);
    process.env.REGIE_DECODE_WORKERS = '1';
    process.env.REGIE_DECODE_WORKER = join(tempDir(), 'missing-worker.mjs');
    const fallback = await readPlanFile(file);
    expect(inThread.entries.length).toBeGreaterThan(500);
    expect(fallback.entries.map((e) => [e.id, e.entry, e.problem])).toEqual(inThread.entries.map((e) => [e.id, e.entry, e.problem]));
    // And the next file does not try again: still the same result.
    expect((await readPlanFile(file)).fileId).toBe(inThread.fileId);
  });
});
