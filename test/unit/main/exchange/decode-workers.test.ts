// Plan files are decoded in worker threads when they are large: the result, the refusals and their line
// numbers, and the imported state must be exactly those of decoding on the calling thread.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linesOf, region, resign, ZANDVOORT, HEEMSTEDE, type Copy } from './copies';
import { readPlanFile, type ParsedPlan } from '../../../../main/exchange/read';
import { stopDecodeWorkers } from '../../../../main/exchange/decode-pool';
import { postable, received } from '../../../../main/exchange/decode';

let z: Copy;
let h: Copy;
let file: string;

async function readWith(workers: '0' | '1', path: string): Promise<ParsedPlan> {
  const before = process.env.REGIE_DECODE_WORKERS;
  process.env.REGIE_DECODE_WORKERS = workers;
  try {
    return await readPlanFile(path);
  } finally {
    if (before === undefined) delete process.env.REGIE_DECODE_WORKERS;
    else process.env.REGIE_DECODE_WORKERS = before;
  }
}

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (err: Error) => err.message,
  );

beforeAll(async () => {
  [z, h] = await region(ZANDVOORT, HEEMSTEDE);
  // About 2,300 entries: more than one slice of 2,000.
  for (let week = 0; week < 9; week++) await z.call('demo.generate', { seed: 60 + week, scale: 'week' });
  file = await z.exportTo([h], { full: true });
}, 120_000);

afterAll(() => stopDecodeWorkers());

describe('decoding in workers', () => {
  it('reads a file of several slices exactly as the calling thread does', async () => {
    const inThread = await readWith('0', file);
    const inWorkers = await readWith('1', file);
    expect(inThread.entries.length).toBeGreaterThan(2000);
    expect(inWorkers.fileId).toBe(inThread.fileId);
    expect(inWorkers.entries.map((e) => [e.id, e.entry, e.problem, e.bytes.toString('base64')])).toEqual(inThread.entries.map((e) => [e.id, e.entry, e.problem, e.bytes.toString('base64')]));
  });

  it('posts a slice of entries packed, and unpacks the same entries, problems and first entries included', async () => {
    const inThread = await readWith('0', file);
    const decoded = inThread.entries.slice(0, 500).map(({ id, entry }, i) => ({ id, entry, problem: i % 7 === 3 ? `probleem ${i}` : undefined }));
    expect(decoded.some((d) => d.entry.prev === null)).toBe(true);
    const posted = structuredClone(postable({ entries: decoded }));
    expect(received(posted)).toEqual({ entries: decoded });
    expect(received(structuredClone(postable({ entries: [] })))).toEqual({ entries: [] });
    expect(received(postable({ failure: { index: 3, message: 'x' } }))).toEqual({ failure: { index: 3, message: 'x' } });
  });

  it('names the same first bad line, also when a later line is bad too', async () => {
    const lines = linesOf(file);
    const entryAt = lines.map((l, i) => (l.startsWith('{"author":') ? i : -1)).filter((i) => i >= 0);
    const bad = entryAt[2100]!;
    lines[bad] = lines[bad]!.replace('{"author":', '{"author": ');
    const cp = lines.findIndex((l) => l.startsWith('{"checkpoint":'));
    lines[cp] = lines[cp]!.slice(0, -2);
    const forged = resign(lines, z.ctx.me().publicKey, z.privateKey());
    const inThread = await refusal(readWith('0', forged));
    expect(inThread).toContain(`Regel ${bad + 1}: de wijziging is ongeldig (entry is not in canonical form).`);
    expect(await refusal(readWith('1', forged))).toBe(inThread);
  });

  it('names the first of two bad entry lines in different slices', async () => {
    const lines = linesOf(file);
    const entryAt = lines.map((l, i) => (l.startsWith('{"author":') ? i : -1)).filter((i) => i >= 0);
    for (const k of [50, 2100]) lines[entryAt[k]!] = lines[entryAt[k]!]!.replace('{"author":', '{"author": ');
    const forged = resign(lines, z.ctx.me().publicKey, z.privateKey());
    for (const workers of ['0', '1'] as const) {
      expect(await refusal(readWith(workers, forged))).toContain(`Regel ${entryAt[50]! + 1}: de wijziging is ongeldig`);
    }
  });

  it('imports to the same state as the sender holds', async () => {
    // The generated weeks are written by every gemeente's device: trust them all, as a partner would.
    await h.trustDevicesOf(z);
    process.env.REGIE_DECODE_WORKERS = '1';
    try {
      const preview = await h.call('exchange.import', { path: file });
      expect(preview.entries.new).toBeGreaterThan(2000);
      expect(await h.hash()).toBe(await z.hash());
    } finally {
      delete process.env.REGIE_DECODE_WORKERS;
    }
  }, 120_000); // Worker threads beside another test file: time for a busy two-core CI machine.
});
