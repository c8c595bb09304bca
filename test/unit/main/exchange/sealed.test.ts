// Encrypted plan files (age, X25519, derived from the device keys): only the recipients' devices can open
// them, they are then checked like any other file, and a file whose encryption was stripped on the way is refused.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Decrypter, identityToRecipient } from 'age-encryption';
import { ageIdentity, ageRecipient } from '../../../../main/exchange/sealed';
import { region, ZANDVOORT, HEEMSTEDE, BLOEMENDAAL, GP, type Copy } from './copies';
import { tempDir } from '../../helpers';
import { runCli } from '../../../../main/cli/index';

async function sealedExport(from: Copy, to: Copy[]): Promise<string> {
  const path = join(tempDir('regie-sealed-'), `van-${from.name}.regie`);
  await from.call('exchange.export', { to: to.map((c) => c.gemeente), encrypt: true, path });
  return path;
}

describe('encrypted plan files', () => {
  it('derives the age key pair of a device from its Ed25519 keys', async () => {
    const [z] = await region(ZANDVOORT);
    const me = z.ctx.me();
    expect(await identityToRecipient(await ageIdentity(me))).toBe(await ageRecipient(me.publicKey));
    expect(await ageRecipient(me.publicKey)).toMatch(/^age1[02-9ac-hj-np-z]{58}$/);
  });

  it('can be opened by the recipient only, and then imports like any other file', async () => {
    const [z, h, b] = await region(ZANDVOORT, HEEMSTEDE, BLOEMENDAAL);
    await z.call('events.create', GP);
    const path = await sealedExport(z, [h]);
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    expect(bytes.includes(Buffer.from('Dutch Grand Prix'))).toBe(false);

    // The sender can check its own file; the recipient imports it.
    expect(await z.call('exchange.verify', { path })).toMatchObject({ valid: true });
    expect(await h.importFile(path)).toMatchObject({ applied: true, perGemeente: [{ gemeente: 'GM0473', created: 1 }] });
    expect(await h.hash()).toBe(await z.hash());

    // Bloemendaal trusts Zandvoort, but the file was not encrypted for it.
    const before = await b.hash();
    await expect(b.call('exchange.preview', { path })).rejects.toMatchObject({ code: 'bad_file', message: expect.stringMatching(/versleuteld voor andere ontvangers.*niets gewijzigd/s) });
    expect(await b.hash()).toBe(before);
  });

  it('says in its signed header that it travelled encrypted, so a copy with the encryption removed is refused', async () => {
    const [z, h] = await region(ZANDVOORT, HEEMSTEDE);
    await z.call('events.create', GP);
    const path = await sealedExport(z, [h]);
    const decrypter = new Decrypter();
    decrypter.addIdentity(await ageIdentity(h.ctx.me()));
    const clear = await decrypter.decrypt(new Uint8Array(readFileSync(path)));
    const header = JSON.parse(gunzipSync(clear).toString('utf8').split('\n')[0]!) as { requires: string[] };
    expect(header.requires).toEqual(['age-x25519']);
    const stripped = join(tempDir(), 'onversleuteld.regie');
    writeFileSync(stripped, clear);
    const before = await h.hash();
    await expect(h.call('exchange.import', { path: stripped })).rejects.toMatchObject({ code: 'bad_file', message: expect.stringMatching(/versleuteling is onderweg verwijderd/) });
    expect(await h.hash()).toBe(before);
    // The sealed original still goes in.
    expect(await h.importFile(path)).toMatchObject({ applied: true });
  });

  it('refuses a damaged encrypted file and changes nothing', async () => {
    const [z, h] = await region(ZANDVOORT, HEEMSTEDE);
    await z.call('events.create', GP);
    const path = await sealedExport(z, [h]);
    const bytes = readFileSync(path);
    bytes[bytes.length - 20] = bytes[bytes.length - 20]! ^ 0x40;
    writeFileSync(path, bytes);
    const before = await h.hash();
    await expect(h.importFile(path)).rejects.toMatchObject({ code: 'bad_file', message: expect.stringMatching(/beschadigd of gewijzigd/) });
    expect(await h.hash()).toBe(before);
  });

  it('is encrypted to every trusted device of the recipient gemeente', async () => {
    const [z, h] = await region(ZANDVOORT, HEEMSTEDE);
    const [h2] = await region(['GM0397', 'Heemstede-2']);
    await z.trust(h2);
    await h2.trust(z);
    await z.call('events.create', GP);
    const path = await sealedExport(z, [h]);
    expect(await h2.importFile(path)).toMatchObject({ applied: true });
  });

  it('is written by the command line with --encrypt', async () => {
    const [z, h] = await region(ZANDVOORT, HEEMSTEDE);
    await z.call('events.create', GP);
    const out = join(tempDir(), 'cli.regie');
    let printed = '';
    const code = await runCli(['--data', z.ctx.dataDir, 'export', '--to', 'GM0397', '--out', out, '--encrypt'], { out: (t) => (printed += t), err: (t) => (printed += t) });
    expect(code).toBe(0);
    expect(printed).toContain('GM0397');
    expect(readFileSync(out).subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    expect(await h.importFile(out)).toMatchObject({ applied: true });
  });
});
