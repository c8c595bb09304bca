// A coordinator previews a large plan file and then applies it: the import starts on the worker the preview
// warmed instead of loading a new one (about 150 ms of a region's import), and ends exactly where an import
// on the main thread ends. A worker waiting for its next job ends after a while, never keeps the command line
// from finishing, and where no worker can start at all a large file is applied on the main thread.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { stopDecodeWorkers } from '../../../../main/exchange/decode-pool';
import { parkedWorkers, workersStarted } from '../../../../main/exchange/workers';
import { tempDir } from '../../helpers';
import { demoPlanFile, region, HEEMSTEDE, type Copy } from './copies';

let z: Copy;
let file: string;
const saved = { ...process.env };

beforeAll(async () => {
  ({ z, file } = await demoPlanFile(3, 71));
}, 120_000);

afterEach(() => {
  process.env = { ...saved };
  stopDecodeWorkers();
});
afterAll(() => stopDecodeWorkers());

/** A newcomer of Heemstede that trusts every device of the file. */
async function newcomer(): Promise<Copy> {
  const [h] = await region(HEEMSTEDE);
  await h.trustDevicesOf(z);
  await h.call('partners.trust', { content: await z.card(), fingerprint: (await h.call('partners.inspectCard', { content: await z.card() })).fingerprint });
  return h;
}

/** A newcomer that handles the file as a large one (workers for any size, applied in the background), no worker parked yet. */
async function newcomerWithLargeFile(): Promise<Copy> {
  const h = await newcomer();
  process.env.REGIE_DECODE_WORKERS = '1';
  process.env.REGIE_BACKGROUND_IMPORT_BYTES = '0';
  stopDecodeWorkers();
  return h;
}

describe('workers kept between a preview and its import', () => {
  it('applies the file on the worker the preview used, and ends in the sender’s state', async () => {
    const h = await newcomerWithLargeFile();
    const preview = await h.call('exchange.preview', { path: file });
    expect(preview.entries.new).toBeGreaterThan(500);
    // The preview's second pass ran in a worker, which now waits for the next job.
    expect(parkedWorkers()).toBe(1);
    const before = workersStarted();
    // Applied by the import worker alone (no decode worker beside it): it is the parked one.
    process.env.REGIE_DECODE_WORKERS = '0';
    const applied = await h.call('exchange.import', { path: file });
    expect(applied.applied).toBe(true);
    expect(applied.entries.new).toBe(preview.entries.new);
    expect(workersStarted()).toBe(before);
    expect(await h.call('state.hash', {})).toEqual(await z.call('state.hash', {}));
    // After a large import its worker is not kept (its memory is large, another import right after rare).
    expect(parkedWorkers()).toBe(0);
  }, 120_000);

  it('imports after a check on the check’s workers: the import worker and its decoder', async () => {
    const h = await newcomerWithLargeFile();
    expect((await h.call('exchange.verify', { path: file })).valid).toBe(true);
    const parked = parkedWorkers();
    expect(parked).toBeGreaterThanOrEqual(1);
    const before = workersStarted();
    const applied = await h.call('exchange.import', { path: file });
    expect(applied.applied).toBe(true);
    // Two workers, both taken parked where the check left two (on a machine of one core, one was left).
    expect(workersStarted() - before).toBe(Math.max(0, 2 - parked));
    expect(await h.call('state.hash', {})).toEqual(await z.call('state.hash', {}));
    expect(parkedWorkers()).toBe(0);
  }, 120_000);

  it('checks a file with the workers a check before it left, with the same verdict', async () => {
    const h = await newcomerWithLargeFile();
    const first = await h.call('exchange.verify', { path: file });
    const parked = parkedWorkers();
    expect(parked).toBeGreaterThanOrEqual(1);
    const before = workersStarted();
    const again = await h.call('exchange.verify', { path: file });
    expect(workersStarted()).toBe(before);
    expect(again).toEqual(first);
    expect(again.valid).toBe(true);
  }, 120_000);

  it('ends a parked worker after the idle time', async () => {
    const h = await newcomerWithLargeFile();
    process.env.REGIE_WORKER_IDLE_MS = '200';
    await h.call('exchange.verify', { path: file });
    expect(parkedWorkers()).toBeGreaterThanOrEqual(1);
    for (let i = 0; i < 100 && parkedWorkers() > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(parkedWorkers()).toBe(0);
  }, 120_000);

  it('applies a large file on the main thread when no worker can start, to the same state', async () => {
    const h = await newcomerWithLargeFile();
    process.env.REGIE_DECODE_WORKER = join(tempDir(), 'missing-worker.mjs');
    const applied = await h.call('exchange.import', { path: file });
    expect(applied.applied).toBe(true);
    expect(await h.call('state.hash', {})).toEqual(await z.call('state.hash', {}));
  }, 120_000);

  it('does not keep the command line running after a check: a parked worker waits unreferenced', async () => {
    const h = await newcomer();
    const dir = h.ctx.dataDir;
    h.ctx.close();
    const started = Date.now();
    const r = spawnSync(process.execPath, ['dist/cli/regie.mjs', '--data', dir, 'call', 'exchange.verify', JSON.stringify({ path: file })], {
      encoding: 'utf8',
      env: { ...process.env, REGIE_DECODE_WORKERS: '1' },
      timeout: 50_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ valid: true });
    // The workers would wait 60 s for a next job; the process ends long before that.
    expect(Date.now() - started).toBeLessThan(40_000);
  }, 120_000);
});
