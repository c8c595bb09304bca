// The import's stages together on a file of several slices: the sender is checked before any entry is
// decoded, the decode stage hands on slices in file order, the streamed second pass (a worker) brings the
// same entries as reading the file first (where no worker starts), and whatever refuses the file in the
// apply stage (a file changed between the passes, a fork) changes nothing but the proof.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { statSync } from 'node:fs';
import { demoPlanFile, HEEMSTEDE, linesOf, region, resign, type Copy } from '../copies';
import { tempDir } from '../../../helpers';
import { chain, planFile } from '../attacker';
import { openPlanSource } from '../../../../../main/exchange/import/open';
import { authenticateSender, checkSender } from '../../../../../main/exchange/import/sender';
import { scanPlan, SLICE_ENTRIES, type DecodedSlice } from '../../../../../main/exchange/import/scan';
import { FeedChains } from '../../../../../main/exchange/import/chains';
import { startAhead, startSecondPass, useStartedWorker, type SecondPass } from '../../../../../main/exchange/import/second-pass';
import { streamed } from '../../../../../main/exchange/import/importer';
import { runImport } from '../../../../../main/exchange/apply';
import { stopDecodeWorkers } from '../../../../../main/exchange/decode-pool';
import { recomputeStateHash } from '../../../../../main/log/state-hash';

let z: Copy;
let h: Copy;
let file: string;
const saved = { ...process.env };

beforeAll(async () => {
  // About 2,300 entries of every gemeente's devices: more than one slice.
  ({ z, h, file } = await demoPlanFile(9, 60));
  await h.trustDevicesOf(z);
}, 180_000);

afterAll(() => {
  process.env = saved;
  stopDecodeWorkers();
});

async function firstPass(path: string) {
  const source = await openPlanSource(path, h.ctx.me());
  const sender = await authenticateSender(source, (header, cards) => void checkSender(h.ctx.db(), header, cards));
  const slices: DecodedSlice[] = [];
  const end = await scanPlan(source.path, source.size, (s) => void slices.push(s));
  const checked = checkSender(h.ctx.db(), end.header, end.cards);
  const chains = new FeedChains((a) => ({ gemeente: checked.trustedAuthor(a)?.gemeente }), Date.now());
  for (const s of slices) for (const e of s.entries) chains.add(e);
  const plan = { fileId: end.digest, header: end.header, cards: end.cards, entryCount: chains.entries, feeds: chains.finish(end.checkpoints) };
  return { source, sender, slices, plan };
}

const ids = (slices: DecodedSlice[]) => slices.map((s) => [s.firstLine, s.entries.map((e) => e.id).join(',')]);

describe('the stages of an import', () => {
  it('authenticates the sender before decoding, and decodes in slices in file order', async () => {
    const { sender, slices, plan } = await firstPass(file);
    expect(sender.fileId).toBe(plan.fileId);
    expect(slices.length).toBeGreaterThan(1);
    expect(slices[0]!.entries.length).toBe(SLICE_ENTRIES);
    expect(slices[1]!.firstLine).toBe(slices[0]!.firstLine + SLICE_ENTRIES);
    expect(plan.entryCount).toBe(slices.reduce((n, s) => n + s.entries.length, 0));
    // A copy that does not trust the sender refuses the file on its header, before a single entry is decoded.
    const [stranger] = await region(['GM0377', 'Bloemendaal'] as [string, string]);
    await expect(stranger.call('exchange.preview', { path: file })).rejects.toThrow(/een apparaat dat u nog niet vertrouwt/);
  });

  it('streams the file again in a worker with the same slices, and from the kept slices where no worker starts', async () => {
    const { slices, plan } = await firstPass(file);
    const second = await startSecondPass();
    expect(second).not.toBeNull();
    const got: DecodedSlice[] = [];
    const source = second!.stream(file, (await openPlanSource(file, h.ctx.me())).size);
    for (let s = source.next(); s; s = source.next()) got.push(s);
    expect(source.end().digest).toBe(plan.fileId);
    source.close();
    second!.close();
    expect(ids(got)).toEqual(ids(slices));
    const all = (list: DecodedSlice[]) => list.flatMap((s) => s.entries.map((e) => [e.id, e.entry, e.problem, e.bytes.toString('base64')]));
    expect(all(got)).toEqual(all(slices));

    process.env.REGIE_DECODE_WORKER = join(tempDir(), 'missing-worker.mjs');
    try {
      stopDecodeWorkers();
      expect(await startSecondPass()).toBeNull();
    } finally {
      delete process.env.REGIE_DECODE_WORKER;
      stopDecodeWorkers();
    }
  });

  it('streams through the decode worker the starting thread started ahead, and starts its own where that one could not start', async () => {
    const { slices, plan } = await firstPass(file);
    const size = statSync(file).size;
    const readAll = (second: SecondPass) => {
      const source = second.stream(file, size);
      const got: DecodedSlice[] = [];
      for (let s = source.next(); s; s = source.next()) got.push(s);
      expect(source.end().digest).toBe(plan.fileId);
      source.close();
      second.close();
      return got;
    };
    // As background-import.ts does on the main thread: the worker started ahead, its port handed over. No
    // worker can start here meanwhile (a missing script), so the stream can only come from that one.
    // No parked worker either: every worker below is one started here.
    stopDecodeWorkers();
    const ahead = startAhead()!;
    process.env.REGIE_DECODE_WORKER = join(tempDir(), 'missing-worker.mjs');
    try {
      useStartedWorker(ahead.port);
      const second = await startSecondPass();
      expect(second).not.toBeNull();
      expect(ids(readAll(second!))).toEqual(ids(slices));
      // Where the worker ahead could not start either, there is no second pass: the file is read first.
      const failed = startAhead()!;
      expect(await failed.port).toBeNull();
      useStartedWorker(failed.port);
      expect(await startSecondPass()).toBeNull();
    } finally {
      delete process.env.REGIE_DECODE_WORKER;
      ahead.stop();
    }
    // A worker ahead that could not start, and one that can start here: this thread starts its own.
    useStartedWorker(Promise.resolve(null));
    const own = await startSecondPass();
    expect(own).not.toBeNull();
    expect(ids(readAll(own!))).toEqual(ids(slices));
  });

  it('imports through the worker and without it to the same state as the sender holds', async () => {
    const [a, b] = await Promise.all(
      [1, 2].map(async () => {
        const [copy] = await region(HEEMSTEDE);
        await copy.trust(z);
        await copy.trustDevicesOf(z);
        return copy;
      }),
    );
    process.env.REGIE_DECODE_WORKERS = '1';
    const viaWorker = await a!.importFile(file);
    process.env.REGIE_DECODE_WORKERS = '1';
    process.env.REGIE_DECODE_WORKER = join(tempDir(), 'missing-worker.mjs');
    stopDecodeWorkers();
    try {
      const kept = await b!.importFile(file);
      expect(kept.entries).toEqual(viaWorker.entries);
      expect(kept.stateHashAfter).toBe(viaWorker.stateHashAfter);
    } finally {
      delete process.env.REGIE_DECODE_WORKER;
      delete process.env.REGIE_DECODE_WORKERS;
      stopDecodeWorkers();
    }
    expect(await a!.hash()).toBe(await z.hash());
    expect(await b!.hash()).toBe(await z.hash());
    // The rows themselves, not only the kept digest (the worker prepared most of a's rows and their digests).
    expect(recomputeStateHash(a!.ctx.db())).toBe(await z.hash());
  }, 120_000); // Worker threads beside another test file: time for a busy two-core CI machine.

  it('changes nothing when the second pass reads other content than the sender signed', async () => {
    // The first pass authenticated one file; then another, valid too, is in its place: all of it is
    // applied as it streams, and all of it undone when its sha256 is not the one the sender signed.
    const source = await openPlanSource(file, h.ctx.me());
    let checked: ReturnType<typeof checkSender> | undefined;
    const sender = await authenticateSender(source, (header, cards) => void (checked = checkSender(h.ctx.db(), header, cards)));
    await z.call('demo.generate', { seed: 99, scale: 'week' });
    const other = await z.exportTo([h], { full: true });
    const second = (await startSecondPass())!;
    const before = { hash: await h.hash(), entries: h.count('entries'), files: h.count('plan_files') };
    try {
      expect(() => runImport(h.ctx.db(), h.ctx.me(), streamed(second.stream(other, statSync(other).size), sender, checked!), true)).toThrow(/Het bestand veranderde terwijl het werd gelezen/);
    } finally {
      second.close();
    }
    expect({ hash: await h.hash(), entries: h.count('entries'), files: h.count('plan_files') }).toEqual(before);
  });

  it('keeps only the proof of a fork found while applying: none of the file is applied', async () => {
    const me = z.ctx.me();
    const zandvoort = { publicKey: me.publicKey, privateKey: me.privateKey, gemeente: 'GM0473', label: me.deviceLabel };
    const ops = (tag: string) => [[{ t: 'event.update', id: `ev-${tag}`, set: { name: tag } }]];
    const [copy, other] = await region(HEEMSTEDE, ['GM0377', 'Bloemendaal'] as [string, string]);
    await copy.trust(z);
    const b = other.ctx.me();
    const bloemendaal = { publicKey: b.publicKey, privateKey: b.privateKey, gemeente: 'GM0377', label: b.deviceLabel };
    const ours = chain(zandvoort, 'GM0473', ops('a'), 1, null);
    await copy.importFile(planFile(zandvoort, ['GM0397'], { feeds: [{ author: zandvoort, entries: ours }] }));
    const before = { hash: await copy.hash(), entries: copy.count('entries'), pending: copy.count('pending_entries') };
    // A file with new entries of Bloemendaal first (they would be applied), then Zandvoort's feed forked.
    const fresh = chain(bloemendaal, 'GM0377', [[{ t: 'event.update', id: 'ev-b', set: { name: 'b' } }]], 1, null);
    const forked = chain(zandvoort, 'GM0473', ops('b'), 1, null);
    const next = chain(zandvoort, 'GM0473', ops('c'), 2, forked[0]!.id);
    const file = planFile(zandvoort, ['GM0397'], {
      feeds: [
        { author: bloemendaal, entries: fresh },
        { author: zandvoort, entries: [...forked, ...next] },
      ],
    });
    await expect(copy.importFile(file)).rejects.toThrow(/twee verschillende wijzigingen met nummer 1/);
    expect({ hash: await copy.hash(), entries: copy.count('entries'), pending: copy.count('pending_entries') }).toEqual(before);
    expect(copy.count('forks')).toBe(1);
    expect(copy.count('plan_files')).toBe(1);
  });

  it('streamed, previews what it then imports, and refuses a bad line or a broken chain changing nothing', async () => {
    const [copy] = await region(HEEMSTEDE);
    await copy.trust(z);
    await copy.trustDevicesOf(z);
    const lines = linesOf(file);
    const entryAt = lines.map((l, i) => (l.startsWith('{"author":') ? i : -1)).filter((i) => i >= 0);
    const badLine = [...lines];
    badLine[entryAt[2100]!] = badLine[entryAt[2100]!]!.replace('{"author":', '{"author": ');
    // An entry from the middle of a feed (its neighbours by the same author), beyond the first slice.
    const authorOf = (line: string) => line.slice(0, line.indexOf('"', 11));
    const middle = entryAt.find((at, k) => k > 2100 && authorOf(lines[at - 1]!) === authorOf(lines[at]!) && authorOf(lines[at + 1]!) === authorOf(lines[at]!))!;
    const broken = [...lines];
    broken.splice(middle, 1);
    const me = z.ctx.me();
    process.env.REGIE_DECODE_WORKERS = '1';
    try {
      const before = { hash: await copy.hash(), entries: copy.count('entries'), files: copy.count('plan_files') };
      await expect(copy.importFile(resign(badLine, me.publicKey, me.privateKey))).rejects.toThrow(`Regel ${entryAt[2100]! + 1}: de wijziging is ongeldig`);
      await expect(copy.importFile(resign(broken, me.publicKey, me.privateKey))).rejects.toThrow(/De keten van .* is onderbroken/);
      expect({ hash: await copy.hash(), entries: copy.count('entries'), files: copy.count('plan_files') }).toEqual(before);
      const preview = await copy.call('exchange.preview', { path: file });
      expect({ hash: await copy.hash(), entries: copy.count('entries'), files: copy.count('plan_files') }).toEqual(before);
      const imported = await copy.importFile(file);
      expect(preview.applied).toBe(false);
      expect(imported.applied).toBe(true);
      expect(preview.entries).toEqual(imported.entries);
      expect(preview.perGemeente).toEqual(imported.perGemeente);
      expect(preview.stateHashAfter).toBe(imported.stateHashAfter);
      expect(preview.changes.slice(0, 20)).toEqual(imported.changes.slice(0, 20));
    } finally {
      delete process.env.REGIE_DECODE_WORKERS;
    }
    // A region is generated, exported and imported twice here: on a busy 2-core machine that takes over 30 s.
  }, 120_000);
});
