// Two and three installations sharing one postbus folder: files travel without anyone choosing them, wait for
// the user when they must, are removed by their writer once acknowledged, and bad files change nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Copy, GP, region, ZANDVOORT, HEEMSTEDE, BLOEMENDAAL } from '../exchange/copies';
import { tempDir } from '../../helpers';
import { runRound, type RoundReport } from '../../../../main/postbus/round';
import { stagingDirOf } from '../../../../main/postbus/runner';
import { GZIP_HEADER } from '../../../../main/exchange/read';
import type { exportPlan } from '../../../../main/exchange/service';

let clock = Date.now();
/** A virtual clock a minute further each round, so files written a round ago are complete. */
const tick = () => new Date((clock += 60_000));

function round(c: Copy, options: { now?: Date; exportFile?: typeof exportPlan } = {}): Promise<RoundReport> {
  return runRound(c.ctx.db(), c.ctx.me(), { now: options.now ?? tick(), stagingDir: stagingDirOf(c.ctx), settleMs: 3_000, giveUpMs: 3_600_000 });
}

const regieFiles = (dir: string) =>
  readdirSync(dir)
    .filter((n) => n.endsWith('.regie'))
    .sort();

let z: Copy;
let h: Copy;
let box: string;

beforeEach(async () => {
  [z, h] = await region(ZANDVOORT, HEEMSTEDE);
  box = tempDir('regie-postbus-');
  await z.call('postbus.set', { dir: box });
  await h.call('postbus.set', { dir: box });
});

describe('a change travels through the postbus', () => {
  it('is applied at a partner with automatic import on, acknowledged, and then removed by its writer', async () => {
    await h.call('postbus.auto', { gemeente: 'GM0473', on: true });
    await z.call('events.create', GP);
    const written = await round(z);
    expect(written.written).toHaveLength(1);
    expect(written.written[0]!.name).toMatch(/^van-Zandvoort-aan-Heemstede-\d{4}-\d{2}-\d{2}T\d{4}\.regie$/);
    expect(regieFiles(box)).toEqual([written.written[0]!.name]);
    // Nothing half-written is ever visible: no temporary file stays behind.
    expect(readdirSync(box).filter((n) => n.endsWith('.tmp'))).toEqual([]);

    const read = await round(h);
    expect(read.read?.outcomes).toMatchObject([{ name: written.written[0]!.name, state: 'applied', gemeente: 'GM0473', entries: 1 }]);
    expect(await h.hash()).toBe(await z.hash());
    const status = await h.call('postbus.status', {});
    expect(status.applied[0]).toMatchObject({ gemeenteName: 'Zandvoort', byUser: false, summary: { entries: 1, perGemeente: [{ gemeente: 'GM0473', created: 1 }] } });
    expect(status.partners).toMatchObject([{ gemeente: 'GM0473', trusted: true, auto: true, firstSeen: expect.any(String) }]);

    // Heemstede's next round acknowledges; Zandvoort then removes its own file, and never Heemstede's.
    const ack = await round(h);
    expect(ack.written).toHaveLength(1);
    expect(ack.written[0]!.entries).toBe(0);
    const tidy = await round(z);
    expect(tidy.removed).toEqual([written.written[0]!.name]);
    expect(regieFiles(box)).toEqual([ack.written[0]!.name]);
    // A round with nothing new writes nothing: the folder settles.
    expect((await round(z)).written).toEqual([]);
    expect((await round(h)).written).toEqual([]);
    expect(regieFiles(box)).toEqual([ack.written[0]!.name]);
  });

  it('waits for the user when automatic import is off, and opens in the usual preview', async () => {
    await z.call('events.create', GP);
    const w = await round(z);
    const r = await round(h);
    expect(r.read?.outcomes[0]).toMatchObject({ state: 'waiting', reason: expect.stringMatching(/automatisch inlezen staat uit voor Zandvoort/) });
    expect(await h.hash()).not.toBe(await z.hash());
    const status = await h.call('postbus.status', {});
    expect(status.waiting).toMatchObject([{ name: w.written[0]!.name, gemeenteName: 'Zandvoort', summary: { entries: 1 } }]);

    const offered = await h.call('postbus.open', { name: w.written[0]!.name });
    const preview = await h.call('exchange.previewFile', { fileId: offered.fileId });
    expect(preview.entries.new).toBe(1);
    await h.call('exchange.importFile', { fileId: offered.fileId });
    expect(await h.hash()).toBe(await z.hash());
    const after = await h.call('postbus.status', {});
    expect(after.waiting).toEqual([]);
    expect(after.applied[0]).toMatchObject({ byUser: true });
  });

  it('writes once for all partners when asked, and relays a third gemeente’s changes', async () => {
    const b = await new Copy(BLOEMENDAAL[0], BLOEMENDAAL[1]).init();
    for (const c of [z, h]) {
      await c.trust(b);
      await b.trust(c);
    }
    await b.call('postbus.set', { dir: tempDir('regie-postbus-b-') }); // Bloemendaal shares another folder with Zandvoort only
    await z.call('postbus.set', { dir: box, mode: 'all' });
    await h.call('postbus.auto', { gemeente: 'GM0473', on: true });
    await b.call('events.create', { ...GP, name: 'Strandfeest' });
    await z.importFile(await b.exportTo([z]));
    const w = await round(z);
    expect(w.written.map((f) => f.name)).toEqual([expect.stringMatching(/^van-Zandvoort-aan-alle-partners-/)]);
    expect(w.written[0]!.to).toEqual(['GM0377', 'GM0397']);
    await round(h);
    expect(await h.hash()).toBe(await z.hash());
  });
});

describe('the writer', () => {
  it('leaves nothing under a final name when the disk fills up, and writes the file next round', async () => {
    await z.call('events.create', GP);
    const full: typeof exportPlan = async (_db, _me, path) => {
      writeFileSync(path, Buffer.alloc(1000, 1));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    const { writeFiles } = await import('../../../../main/postbus/writer');
    await expect(writeFiles(z.ctx.db(), z.ctx.me(), box, { now: tick(), mode: 'partner', encrypt: false, exportFile: full })).rejects.toThrow(/ENOSPC/);
    expect(readdirSync(box)).toEqual([]);
    const next = await round(z);
    expect(next.written).toHaveLength(1);
    expect(readdirSync(box)).toEqual([next.written[0]!.name]);
  });

  it('says the folder is unreachable, keeps the change, and writes it when the folder is back', async () => {
    await z.call('events.create', GP);
    const away = join(tempDir('regie-nas-'), 'postbus');
    mkdirSync(away);
    await z.call('postbus.set', { dir: away });
    execFileSync('mv', [away, `${away}-weg`]);
    const r = await round(z);
    expect(r.error).toMatch(/Map niet bereikbaar/);
    expect((await z.call('postbus.status', {})).error?.message).toMatch(/Map niet bereikbaar/);
    execFileSync('mv', [`${away}-weg`, away]);
    const back = await round(z);
    expect(back.error).toBeUndefined();
    expect(back.written).toHaveLength(1);
    expect((await z.call('postbus.status', {})).error).toBeNull();
  });

  it('encrypts to the recipients when chosen', async () => {
    await z.call('postbus.set', { dir: box, encrypt: true });
    await h.call('postbus.auto', { gemeente: 'GM0473', on: true });
    await z.call('events.create', GP);
    const w = await round(z);
    expect(readFileSync(join(box, w.written[0]!.name)).subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    await round(h);
    expect(await h.hash()).toBe(await z.hash());
  });
});

describe('bad input in the postbus', () => {
  it('is refused or ignored with a reason in the log, never blocks the good file, and changes nothing', async () => {
    await h.call('postbus.auto', { gemeente: 'GM0473', on: true });
    const b = await new Copy(BLOEMENDAAL[0], BLOEMENDAAL[1]).init();
    await b.trust(z);
    await z.trust(b);
    await b.call('events.create', { ...GP, name: 'Niet vertrouwd' });
    await z.call('events.create', GP);

    // A forged file: a valid file with one byte changed inside.
    const good = await z.exportTo([h]);
    const forged = readFileSync(good);
    forged.writeUInt8(forged.readUInt8(forged.length - 30) ^ 0xff, forged.length - 30);
    writeFileSync(join(box, 'vervalst.regie'), forged);
    // From a device Heemstede does not trust, for Heemstede.
    await b.trust(h);
    writeFileSync(join(box, 'van-onbekend.regie'), readFileSync(await b.exportTo([h])));
    // Encrypted for another gemeente.
    await z.call('exchange.export', { to: ['GM0377'], encrypt: true, path: join(box, 'voor-bloemendaal.regie') });
    // Not encrypted, under a name that does not say for whom, but addressed to Bloemendaal only.
    await z.call('exchange.export', { to: ['GM0377'], path: join(box, 'anders.regie') });
    // A gzip bomb, a symlink, a FIFO, a directory named .regie, an empty file, a file still being copied.
    writeFileSync(join(box, 'bom.regie'), Buffer.concat([GZIP_HEADER, gzipSync(Buffer.alloc(100 * 1024 * 1024)).subarray(10)]));
    symlinkSync(good, join(box, 'link.regie'));
    execFileSync('mkfifo', [join(box, 'pijp.regie')]);
    mkdirSync(join(box, '.regie'));
    writeFileSync(join(box, 'leeg.regie'), '');
    const half = readFileSync(good).subarray(0, 200);
    writeFileSync(join(box, 'half.regie'), half);
    const before = await h.hash();
    const entries = h.count('entries');

    // Zandvoort's real file comes in the same round.
    await round(z);
    const now = tick();
    utimesSync(join(box, 'half.regie'), now, now); // still being written
    const r = await round(h, { now });
    const by = Object.fromEntries((r.read?.outcomes ?? []).map((o) => [o.name, o]));
    expect(by['vervalst.regie']).toMatchObject({ state: 'refused', reason: expect.stringMatching(/gewijzigd|beschadigd|handtekening/) });
    expect(by['van-onbekend.regie']).toMatchObject({ state: 'refused', reason: expect.stringMatching(/niet vertrouwt/) });
    expect(by['voor-bloemendaal.regie']).toMatchObject({ state: 'ignored', reason: expect.stringMatching(/andere gemeenten/) });
    expect(by['anders.regie']).toMatchObject({ state: 'ignored', reason: expect.stringMatching(/Voor Bloemendaal, niet voor ons/) });
    expect(by['bom.regie']).toMatchObject({ state: 'refused', reason: expect.stringMatching(/zip-bom|pakt uit|langer dan 1 MB/) });
    expect(by['link.regie']).toMatchObject({ state: 'refused', reason: expect.stringMatching(/snelkoppeling/) });
    expect(by['pijp.regie']).toMatchObject({ state: 'refused', reason: expect.stringMatching(/pijp/) });
    expect(by['.regie']).toMatchObject({ state: 'refused', reason: expect.stringMatching(/map/) });
    expect(by['leeg.regie']).toMatchObject({ state: 'ignored', reason: expect.stringMatching(/leeg/) });
    // Being copied: not reported at all, looked at again later.
    expect(by['half.regie']).toBeUndefined();
    expect(r.read?.changing).toContain('half.regie');
    // The good file was applied; nothing else changed.
    const applied = (r.read?.outcomes ?? []).filter((o) => o.state === 'applied');
    expect(applied).toHaveLength(1);
    expect(h.count('entries')).toBe(entries + 1);
    expect(await h.hash()).not.toBe(before);
    const log = (await h.call('postbus.status', {})).log.map((l) => `${l.name}: ${l.message}`).join('\n');
    for (const name of ['vervalst.regie', 'van-onbekend.regie', 'bom.regie', 'link.regie', 'pijp.regie', 'leeg.regie']) expect(log).toContain(name);
    expect(log).not.toContain('half.regie');

    // The copy completes: it is read, and (a duplicate of the applied file) changes nothing.
    const hash = await h.hash();
    writeFileSync(join(box, 'half.regie'), readFileSync(good));
    const later = await round(h);
    expect(later.read?.outcomes).toMatchObject([{ name: 'half.regie', state: 'duplicate' }]);
    expect(await h.hash()).toBe(hash);
    // Decided files are not read again.
    expect((await round(h)).read?.outcomes).toEqual([]);
  });

  it('tidies conflict copies of its own files and leaves those of others alone', async () => {
    await h.call('postbus.auto', { gemeente: 'GM0473', on: true });
    await z.call('events.create', GP);
    const w = await round(z);
    const name = w.written[0]!.name;
    const copy = name.replace('.regie', ' (1).regie');
    writeFileSync(join(box, copy), readFileSync(join(box, name)));
    const r = await round(h);
    // The copy and the original are one file: one of them is applied, the other changes nothing.
    expect(r.read?.outcomes.map((o) => o.state).sort()).toEqual(['applied', 'duplicate']);
    expect(regieFiles(box)).toContain(copy); // Heemstede removes nothing of Zandvoort's
    const tidy = await round(z);
    expect(tidy.removed).toContain(copy);
    expect(regieFiles(box)).not.toContain(copy);
  });
});
