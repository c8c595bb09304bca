// Every kind of bad plan file: refused with one line naming the problem, exit 1, nothing changed or parked.
import { beforeEach, describe, expect, it } from 'vitest';
import { closeSync, copyFileSync, ftruncateSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Copy, GP, linesOf, region, resign, signCheckpointLine, ZANDVOORT, HEEMSTEDE } from './copies';
import { runCli } from '../../../../main/cli/index';
import { encodeEntry } from '../../../../main/log/entry';
import { canonicalJson } from '../../../../main/log/canonical';
import { formatHlc } from '../../../../main/log/hlc';
import { tempDir } from '../../helpers';
import { firstEventEntry } from './attacker';
import { GZIP_HEADER } from '../../../../main/exchange/read';

let z: Copy;
let h: Copy;
let file: string;

beforeEach(async () => {
  [z, h] = await region(ZANDVOORT, HEEMSTEDE);
  await z.call('demo.generate', { seed: 3, scale: 'small' });
  file = await z.exportTo([h]);
});

/** Imports through the real CLI and checks the refusal contract: exit 1, one line, nothing changed. */
async function expectRefused(path: string, reason: RegExp): Promise<string> {
  const before = await h.hash();
  const tables = ['entries', 'pending_entries', 'pending_checkpoints', 'plan_files'].map((t) => h.count(t));
  let out = '';
  let err = '';
  h.ctx.close();
  const code = await runCli(['--data', h.ctx.dataDir, 'import', path, '--yes'], { out: (t) => (out += t), err: (t) => (err += t + '\n') });
  h = new Copy(h.gemeente, h.name, h.ctx.dataDir);
  expect(code, `stdout: ${out}`).toBe(1);
  expect(err.trim().split('\n')).toHaveLength(1);
  expect(err).toMatch(reason);
  expect(err).toMatch(/Er is niets gewijzigd\./);
  expect(await h.hash()).toBe(before);
  expect(['entries', 'pending_entries', 'pending_checkpoints', 'plan_files'].map((t) => h.count(t))).toEqual(tables);
  return err;
}

const zKeys = () => ({ pub: z.ctx.me().publicKey, priv: z.privateKey() });
const zAuthor = () => ({ publicKey: zKeys().pub, gemeente: 'GM0473' });
const entryLines = (lines: string[]) => lines.map((l, i) => ({ l, i })).filter((x) => x.l.startsWith('{"author":'));

describe('bad plan files', () => {
  it('a flipped byte anywhere', async () => {
    const bytes = readFileSync(file);
    // Header of the gzip stream, the middle, and the gzip trailer (CRC): each must be caught.
    for (const pos of [1, 3, 4, 9, 12, Math.floor(bytes.length / 3), Math.floor(bytes.length / 2), bytes.length - 20, bytes.length - 5, bytes.length - 1]) {
      const copy = Buffer.from(bytes);
      copy[pos]! ^= 0x01;
      const path = join(tempDir(), `flip-${pos}.regie`);
      writeFileSync(path, copy);
      const err = await expectRefused(path, /beschadigd|gewijzigd|geen geldige JSON|geen onderdeel|afgebroken|handtekening|niet de juiste vorm|ongeldig/);
      // In Dutch, without zlib's English ("incorrect data check"), and a change in the middle is not "the start".
      expect(err).not.toMatch(/incorrect|invalid|check|unexpected|header/i);
      if (pos >= 10) expect(err).not.toMatch(/begin van het bestand/);
    }
  });

  it('entries reordered', async () => {
    const lines = linesOf(file);
    const [a, b] = entryLines(lines);
    [lines[a!.i], lines[b!.i]] = [lines[b!.i]!, lines[a!.i]!];
    await expectRefused(resign(lines, zKeys().pub, zKeys().priv), /verkeerde volgorde/);
  });

  it('an entry removed from the middle of a chain', async () => {
    const lines = linesOf(file);
    const middle = entryLines(lines)[5]!;
    lines.splice(middle.i, 1);
    await expectRefused(resign(lines, zKeys().pub, zKeys().priv), /keten van Zandvoort .* is onderbroken/);
  });

  it('a replayed old file', async () => {
    await h.importFile(file);
    // The same file twice: nothing to do, said as such (exit 0, no "ask for a new file"), nothing changed.
    const before = await h.hash();
    const files = h.count('plan_files');
    let out = '';
    h.ctx.close();
    const code = await runCli(['--data', h.ctx.dataDir, 'import', file, '--yes'], { out: (t) => (out += t), err: () => undefined });
    h = new Copy(h.gemeente, h.name, h.ctx.dataDir);
    expect(code).toBe(0);
    expect(out).toMatch(/^Dit planbestand van Zandvoort \(Laptop Zandvoort\) is al ingelezen op (ma|di|wo|do|vr|za|zo) \d+ \w+ \d{4} \d\d:\d\d\. Er hoeft niets te gebeuren/);
    expect(out).not.toMatch(/nieuw bestand/);
    expect(await h.hash()).toBe(before);
    expect(h.count('plan_files')).toBe(files);
    await expect(h.importFile(file)).rejects.toMatchObject({ code: 'already_imported' });
    // An older file after a newer one with nothing new in it.
    await z.call('events.create', GP);
    const newer = await z.exportTo([h]);
    await h.importFile(newer);
    const older = join(tempDir(), 'older.regie');
    copyFileSync(file, older);
    const lines = linesOf(file);
    const header = JSON.parse(lines[0]!) as { created: string };
    header.created = '2020-01-01T00:00:00.000Z';
    lines[0] = canonicalJson(header);
    await expect(h.importFile(resign(lines, zKeys().pub, zKeys().priv))).rejects.toMatchObject({
      code: 'already_imported',
      message: expect.stringMatching(/ouder bestand van Zandvoort .* er hoeft niets te gebeuren/),
    });
  });

  it('a file signed by an untrusted key', async () => {
    const stranger = await new Copy('GM0473', 'Onbekend').init('Onbekende laptop');
    await stranger.trust(h);
    await stranger.call('events.create', GP);
    const path = await stranger.exportTo([h]);
    await expectRefused(path, /niet vertrouwt: Zandvoort \(Onbekende laptop\), vingerafdruk \d{5}/);
  });

  it('a forged author: an entry claiming another device', async () => {
    // Heemstede's laptop writes an entry in Zandvoort's name and signs the checkpoint with its own key.
    const hMe = h.ctx.me();
    const e = encodeEntry(firstEventEntry(zAuthor(), 'GM0473.ev.aaaaaaaaaaaaaaaa', { ...GP, visitors: null, status: 'concept' }));
    const lines = [linesOf(await h.exportTo([z], { full: true }))[0]!, e.bytes.toString(), signCheckpointLine(zKeys().pub, 1, e.id, hMe.privateKey)];
    // Sent to a third copy that trusts both, so only the checkpoint can give it away.
    await expectRefusedAt(z, resign(lines, hMe.publicKey, hMe.privateKey), /niet door dat apparaat zelf ondertekend/);
  });

  it('a fork: two entries with one author and seq', async () => {
    await h.importFile(file);
    const backup = join(tempDir(), 'backup.db');
    z.ctx.db().exec(`VACUUM INTO '${backup}'`);
    await z.call('events.create', GP);
    await h.importFile(await z.exportTo([h]));
    // Zandvoort's laptop is restored from the backup and carries on with the same key: a fork.
    z.ctx.close();
    copyFileSync(backup, join(z.ctx.dataDir, 'regie.db'));
    z = new Copy(z.gemeente, z.name, z.ctx.dataDir);
    await z.call('events.create', { ...GP, name: 'Iets anders' });
    const forked = await z.exportTo([h], { full: true });
    // Checking the file names the fork and changes nothing; importing it records the fork and freezes the feed.
    const before = await h.hash();
    await expect(h.call('exchange.verify', { path: forked })).rejects.toThrow(/een vork/);
    expect(h.count('forks')).toBe(0);
    expect(await h.hash()).toBe(before);
    const err = await expectRefused(forked, /twee verschillende wijzigingen met nummer \d+ ondertekend \(een vork/);
    expect(err).toMatch(/neem contact op/);
    expect(h.count('forks')).toBe(1);
  });

  it('an HLC far in the future', async () => {
    const lines = linesOf(file);
    const header = lines[0]!;
    const e = encodeEntry(firstEventEntry(zAuthor(), 'GM0473.ev.bbbbbbbbbbbbbbbb', { ...GP, visitors: null, status: 'concept' }, formatHlc({ wall: Date.now() + 48 * 3600 * 1000, counter: 0 })));
    const fresh = await new Copy(...HEEMSTEDE).init();
    await fresh.trust(z);
    h = fresh;
    await expectRefused(resign([header, e.bytes.toString(), signCheckpointLine(zKeys().pub, 1, e.id, zKeys().priv)], zKeys().pub, zKeys().priv), /meer dan 24 uur na de klok/);
  });

  it('truncated gzip', async () => {
    const bytes = readFileSync(file);
    const path = join(tempDir(), 'cut.regie');
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await expectRefused(path, /afgebroken/);
  });

  it('a decompression bomb is refused early', async () => {
    const header = linesOf(file)[0]!;
    // Valid-looking entries of 900 kB each that compress a thousandfold.
    const entry = canonicalJson(firstEventEntry(zAuthor(), 'GM0473.ev.cccccccccccccccc', { name: 'a'.repeat(900 * 1024) }));
    const bomb = gzipSync(Buffer.from(header + '\n' + (entry + '\n').repeat(120)), { level: 9 });
    GZIP_HEADER.copy(bomb, 0);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const path = join(tempDir(), 'bomb.regie');
    writeFileSync(path, bomb);
    const before = process.memoryUsage().rss;
    await expectRefused(path, /zip-bom/);
    expect(process.memoryUsage().rss - before).toBeLessThan(400 * 1024 * 1024);
  });

  it('a 500 MB file is refused before it is read', async () => {
    const path = join(tempDir(), 'huge.regie');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 500 * 1024 * 1024);
    closeSync(fd);
    const started = Date.now();
    await expectRefused(path, /500 MB groot; een planbestand mag hooguit 256 MB/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('malformed JSON', async () => {
    const lines = linesOf(file);
    lines[0] = lines[0]!.slice(0, -3);
    await expectRefused(resign(lines, zKeys().pub, zKeys().priv), /Regel 1 \(kop\) is geen geldige JSON/);
  });

  it('__proto__ and constructor keys', async () => {
    for (const key of ['__proto__', 'constructor']) {
      const lines = linesOf(file);
      lines[0] = lines[0]!.replace('{"created"', `{"${key}":{"polluted":true},"created"`);
      await expectRefused(resign(lines, zKeys().pub, zKeys().priv), new RegExp(`forbidden key "${key}"`));
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });

  it('an unknown format version or required feature', async () => {
    const lines = linesOf(file);
    const header = JSON.parse(lines[0]!) as Record<string, unknown>;
    lines[0] = canonicalJson({ ...header, version: 2 });
    await expectRefused(resign(lines, zKeys().pub, zKeys().priv), /versie 2; deze Regie leest versie 1/);
    lines[0] = canonicalJson({ ...header, requires: ['encrypted-v9'] });
    await expectRefused(resign(lines, zKeys().pub, zKeys().priv), /onderdelen die deze Regie niet kent \(encrypted-v9\)/);
  });
});

async function expectRefusedAt(target: Copy, path: string, reason: RegExp): Promise<void> {
  const saved = h;
  h = target;
  try {
    await expectRefused(path, reason);
  } finally {
    h = saved;
  }
}

describe('bad plan files, continued', () => {
  it('bytes appended after the end', async () => {
    const [zz, hh] = await region(ZANDVOORT, HEEMSTEDE);
    await zz.call('events.create', GP);
    const path = await zz.exportTo([hh]);
    const original = readFileSync(path);
    writeFileSync(path, Buffer.concat([original, Buffer.from('PS: nog iets\n')]));
    await expect(hh.importFile(path)).rejects.toMatchObject({ code: 'bad_file', message: expect.stringMatching(/Na het einde van het planbestand|beschadigd|afgebroken/) });
    // A whole second gzip member is decompressed too, and refused after the trailer.
    writeFileSync(path, Buffer.concat([original, original]));
    await expect(hh.importFile(path)).rejects.toMatchObject({ code: 'bad_file', message: expect.stringMatching(/Na de afsluitende handtekening/) });
    expect(hh.count('events')).toBe(0);
  });
});
