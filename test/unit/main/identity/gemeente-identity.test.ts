// The gemeente as the unit of trust (issue 15): a gemeente key certifies laptops, partners trust the key once,
// a lost laptop is revoked (and what it did after the cut-off is undone everywhere), the key is exported
// with a password and rotated. Real data folders, real plan files.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createReadStream, readFileSync, existsSync } from 'node:fs';
import { transfersOf } from '../../../../main/exchange/transfer';
import { Copy, GP, HEEMSTEDE, ZANDVOORT, linesOf, resign } from '../exchange/copies';
import { tempDir } from '../../helpers';
import { canonicalJson } from '../../../../main/log/canonical';
import { generateDeviceKeys } from '../../../../main/log/identity';
import { signAttestation } from '../../../../main/exchange/trust/attestations';
import { AppContext } from '../../../../main/session/context';

async function twoGemeenten() {
  const z1 = await new Copy(...ZANDVOORT).init('Laptop teamleider');
  const h = await new Copy(...HEEMSTEDE).init();
  await h.trust(z1);
  await z1.trust(h);
  return { z1, h };
}

/** A second Zandvoort laptop, added by join request, approval and install. */
async function join2(z1: Copy, label = 'Laptop planner') {
  const z2 = new Copy(ZANDVOORT[0], `${ZANDVOORT[1]}-2`);
  const request = await z2.call('devices.joinRequest', { gemeente: ZANDVOORT[0], deviceLabel: label });
  const shown = await z1.call('devices.inspectRequest', { content: request.content });
  expect(shown.fingerprint).toBe(request.fingerprint);
  expect(shown.canApprove).toBe(true);
  const path = join(tempDir('regie-cert-'), 'certificaat.regie');
  await z1.call('devices.approve', { content: request.content, fingerprint: shown.fingerprint, path });
  const installed = await z2.call('devices.install', { path });
  return { z2, installed };
}

const key = (c: Copy) => c.call('gemeente.key', {});

describe('gemeente key and certificates', () => {
  it('init creates the gemeente key; the card shows its fingerprint and trusting it trusts the gemeente', async () => {
    const z1 = await new Copy(...ZANDVOORT).init();
    const k = await key(z1);
    expect(k.holdsKey).toBe(true);
    expect(k.fingerprint).toMatch(/^\d{5}( \d{5}){5}$/);
    const card = JSON.parse(await z1.card()) as { cert?: { attestation: { issuer: string } } };
    expect(card.cert?.attestation.issuer).toBe(k.publicKey);
    const h = await new Copy(...HEEMSTEDE).init();
    const info = await h.call('partners.inspectCard', { content: await z1.card() });
    expect(info.fingerprint).toBe(k.fingerprint);
    expect(info.deviceFingerprint).not.toBe(k.fingerprint);
    await h.call('partners.trust', { content: await z1.card(), fingerprint: k.fingerprint! });
    const partners = await h.call('partners.gemeenten', {});
    expect(partners).toMatchObject([{ gemeente: ZANDVOORT[0], keyFingerprint: k.fingerprint, trusted: true }]);
  });

  it('an upgraded copy gets a gemeente key that certifies its laptop; its data and state hash stay', async () => {
    const dir = tempDir('regie-upgrade-');
    const z = new Copy(ZANDVOORT[0], 'upgrade', dir);
    await z.init();
    await z.call('events.create', GP);
    const before = await z.hash();
    const entries = z.count('entries');
    // As a copy from before gemeente keys: none of the new tables filled.
    z.ctx.db().exec('DELETE FROM gemeente_keys; DELETE FROM gemeente_roots; DELETE FROM attestations;');
    z.ctx.close();
    const reopened = new AppContext(dir, 'cli', '0.0.0-test');
    try {
      expect((reopened.db().prepare('SELECT count(*) AS n FROM gemeente_keys WHERE private_key IS NOT NULL').get() as { n: number }).n).toBe(1);
      expect((reopened.db().prepare("SELECT count(*) AS n FROM attestations WHERE kind = 'cert'").get() as { n: number }).n).toBe(1);
      expect((reopened.db().prepare('SELECT digest FROM state_digest').get() as { digest: string }).digest).toBe(before);
      expect((reopened.db().prepare('SELECT count(*) AS n FROM entries').get() as { n: number }).n).toBe(entries);
    } finally {
      reopened.close();
    }
  });
});

describe('adding a laptop', () => {
  it('join, approve, install: the new laptop starts with the plan, and a partner trusts it with no call', async () => {
    const { z1, h } = await twoGemeenten();
    await z1.call('events.create', GP);
    await h.call('events.create', { ...GP, name: 'Heemsteeds feest', place: 'Heemstede' });
    await z1.importFile(await h.exportTo([z1]));
    const { z2, installed } = await join2(z1);
    expect(installed.entries).toBe(2);
    // The whole plan, Heemstede's part too: the partners Zandvoort trusts came along, signed by its key.
    expect(await z2.hash()).toBe(await z1.hash());
    expect(z2.count('pending_entries')).toBe(0);
    expect(installed.gemeenteFingerprint).toBe((await key(z1)).fingerprint);
    const devices = await z1.call('devices.list', {});
    expect(devices.map((d) => [d.label, d.status, d.certified])).toEqual([
      ['Laptop teamleider', 'self', true],
      ['Laptop planner', 'active', true],
    ]);

    // Heemstede never saw the planner's laptop: its entries are applied because the gemeente key certified it.
    await z2.call('events.create', { ...GP, name: 'Zomerfeest' });
    const r = await h.importFile(await z2.exportTo([h]));
    expect(r.held).toEqual([]);
    expect(r.entries.new).toBe(2);
    expect((await h.call('events.list', {})).map((e) => e.name).sort()).toEqual(['Dutch Grand Prix', 'Heemsteeds feest', 'Zomerfeest']);
    const grouped = await h.call('partners.gemeenten', {});
    expect(grouped[0]!.devices.map((d) => d.label).sort()).toEqual(['Laptop planner', 'Laptop teamleider']);
  });

  it('refuses a join request for a gemeente key this copy does not hold', async () => {
    const { z1, h } = await twoGemeenten();
    const z2 = new Copy(ZANDVOORT[0], 'z2');
    const request = await z2.call('devices.joinRequest', { gemeente: ZANDVOORT[0], deviceLabel: 'Nieuw' });
    const shown = await h.call('devices.inspectRequest', { content: request.content });
    expect(shown.canApprove).toBe(false);
    expect(shown.problem).toMatch(/gemeentesleutel van Zandvoort niet/);
    const path = join(tempDir('regie-cert-'), 'x.regie');
    await expect(h.call('devices.approve', { content: request.content, fingerprint: shown.fingerprint, path })).rejects.toThrow(/gemeentesleutel van Zandvoort niet/);
    expect(existsSync(path)).toBe(false);
    // A wrong fingerprint: not approved.
    await expect(z1.call('devices.approve', { content: request.content, fingerprint: '00000 00000 00000 00000 00000 00000', path })).rejects.toThrow(/vingerafdruk/);
    expect((await z1.call('devices.list', {})).length).toBe(1);
  });
});

describe('revoking a laptop', () => {
  it('undoes what the laptop did after the cut-off, everywhere, and refuses its files', async () => {
    const { z1, h } = await twoGemeenten();
    const { z2 } = await join2(z1);
    await z2.trust(h);
    await z2.call('events.create', { ...GP, name: 'Voor het verlies' });
    await z1.importFile(await z2.exportTo([z1]));
    const cut = (await z1.call('devices.list', {})).find((d) => d.label === 'Laptop planner')!.lastSeq;
    // After z1 last heard of it, the (stolen) laptop writes on, and Heemstede takes it in.
    await z2.call('events.create', { ...GP, name: 'Na de diefstal' });
    await h.importFile(await z2.exportTo([h]));
    expect((await h.call('events.list', {})).map((e) => e.name)).toContain('Na de diefstal');

    const preview = await z1.call('devices.revokePreview', { device: (await z1.call('devices.list', {}))[1]!.fingerprint });
    expect(preview.after).toBe(cut);
    expect(preview.undone).toEqual([]);
    const revoked = await z1.call('devices.revoke', { device: preview.device.publicKey, reason: 'gestolen' });
    expect(revoked.device.status).toBe('revoked');

    const r = await h.importFile(await z1.exportTo([h]));
    expect(r.undone?.map((u) => u.seq)).toEqual([cut + 1]);
    expect(r.undone?.[0]!.reason).toMatch(/ingetrokken \(gestolen\)/);
    const names = (await h.call('events.list', {})).map((e) => e.name);
    expect(names).toContain('Voor het verlies');
    expect(names).not.toContain('Na de diefstal');
    expect(await h.hash()).toBe(await z1.hash());

    // A later file of the revoked laptop: refused, nothing changes.
    await z2.call('events.create', { ...GP, name: 'Nog later' });
    const before = await h.hash();
    await expect(h.importFile(await z2.exportTo([h]))).rejects.toThrow(/ingetrokken \(gestolen\)/);
    expect(await h.hash()).toBe(before);
  });

  it('refuses entries past the cut-off that arrive later by relay', async () => {
    const { z1, h } = await twoGemeenten();
    const { z2 } = await join2(z1);
    await z2.call('events.create', { ...GP, name: 'Geldig' });
    await z1.importFile(await z2.exportTo([z1]));
    await z2.call('events.create', { ...GP, name: 'Na afkappunt' });
    const late = await z2.exportTo([z1]);
    // Heemstede takes the late entry before any revocation exists.
    await h.importFile(await z2.exportTo([h]));
    const device = (await z1.call('devices.list', {}))[1]!;
    await z1.call('devices.revoke', { device: device.publicKey, reason: 'verloren' });
    await expect(z1.importFile(late)).rejects.toThrow(/ingetrokken \(verloren\)/);
    // Relayed by Heemstede: the file is fine, the entry past the cut-off is refused with the reason.
    const relayed = await h.exportTo([z1], { full: true });
    const verified = await z1.call('exchange.verify', { path: relayed });
    expect(verified.problems.join(' ')).toMatch(/na het afkappunt: het apparaat is door Zandvoort ingetrokken \(verloren\)/);
    const r = await z1.importFile(relayed);
    expect(r.rejected).toEqual([expect.objectContaining({ seq: 2, reason: expect.stringMatching(/ingetrokken \(verloren\)/) })]);
    expect((await z1.call('events.list', {})).map((e) => e.name)).toEqual(['Geldig']);
    // And Heemstede, once the revocation reaches it, undoes the entry it had.
    const back = await h.importFile(await z1.exportTo([h]));
    expect(back.undone?.map((u) => u.seq)).toEqual([2]);
    expect((await h.call('events.list', {})).map((e) => e.name)).toEqual(['Geldig']);
    expect(await h.hash()).toBe(await z1.hash());
  });
});

describe('the gemeente key file', () => {
  it('exports with a password; a wrong password is refused and writes nothing; the right one brings the key', async () => {
    const { z1 } = await twoGemeenten();
    const { z2 } = await join2(z1);
    const path = join(tempDir('regie-key-'), 'sleutel.json');
    await z1.call('gemeenteKey.export', { path, password: 'kluis-Zandvoort-2027' });
    expect(readFileSync(path, 'utf8')).not.toContain((z1.ctx.db().prepare('SELECT private_key AS k FROM gemeente_keys WHERE private_key IS NOT NULL').get() as { k: string }).k);
    expect((await key(z2)).holdsKey).toBe(false);
    await expect(z2.call('gemeenteKey.import', { path, password: 'fout' })).rejects.toThrow(/wachtwoord klopt niet/);
    expect((await key(z2)).holdsKey).toBe(false);
    const info = await z2.call('gemeenteKey.import', { path, password: 'kluis-Zandvoort-2027' });
    expect(info.holdsKey).toBe(true);
    expect(info.fingerprint).toBe((await key(z1)).fingerprint);
  }, 120_000);
});

describe('rotating the gemeente key', () => {
  it('partners follow the new key; laptops stay trusted; forged and replayed rotations are refused', async () => {
    const { z1, h } = await twoGemeenten();
    const { z2 } = await join2(z1);
    const old = await key(z1);
    const oldPrivate = (z1.ctx.db().prepare('SELECT private_key AS k FROM gemeente_keys WHERE public_key = ?').get(old.publicKey) as { k: string }).k;
    const rotated = await z1.call('gemeenteKey.rotate', {});
    expect(rotated.previousFingerprint).toBe(old.fingerprint);
    expect(rotated.recertified).toBe(2);
    await h.importFile(await z1.exportTo([h]));
    expect((await h.call('partners.gemeenten', {}))[0]!.keyFingerprint).toBe(rotated.fingerprint);

    // The planner's laptop, re-certified, still reaches Heemstede.
    await z2.importFile(await z1.exportTo([z2]));
    await z2.trust(h);
    await z2.call('events.create', GP);
    expect((await h.importFile(await z2.exportTo([h]))).entries.new).toBe(1);

    // Replayed: the old key (a copy kept somewhere) signs another successor. Forged: a stranger's key signs one.
    const lines = linesOf(await z1.exportTo([h], { full: true }));
    const at = lines.findIndex((l) => l.startsWith('{"attestation":'));
    const me = z1.ctx.me();
    for (const [signer, issuer, why] of [
      [oldPrivate, old.publicKey!, /al eerder werd vervangen/],
      [generateDeviceKeys().privateKey, generateDeviceKeys().publicKey, /klopt niet|vervalst/],
    ] as const) {
      const rotation = signAttestation(signer, { type: 'regie-gemeente-rotation-v1', gemeente: ZANDVOORT[0], issuer, next: generateDeviceKeys().publicKey, at: new Date().toISOString() });
      const forged = [...lines.slice(0, at), canonicalJson(rotation), ...lines.slice(at)];
      const before = await h.hash();
      await expect(h.importFile(resign(forged, me.publicKey, me.privateKey))).rejects.toThrow(why);
      expect(await h.hash()).toBe(before);
    }
  });
});

describe('bad statements in a plan file', () => {
  it('refuses a certificate not signed by the trusted gemeente key, and one for another gemeente', async () => {
    const { z1, h } = await twoGemeenten();
    const me = z1.ctx.me();
    const lines = linesOf(await z1.exportTo([h], { full: true }));
    const at = lines.findIndex((l) => l.startsWith('{"attestation":'));
    const stranger = generateDeviceKeys();
    const zKey = z1.ctx.db().prepare('SELECT public_key AS p, private_key AS k FROM gemeente_keys').get() as { p: string; k: string };
    /** A certificate for a new device, signed with `key` for `gemeente`. */
    const certificate = (key: { privateKey: string; publicKey: string }, gemeente: string, label: string) =>
      signAttestation(key.privateKey, { type: 'regie-device-cert-v1', gemeente, issuer: key.publicKey, device: generateDeviceKeys().publicKey, label, from: new Date().toISOString() });
    const cases = [
      [certificate(stranger, ZANDVOORT[0], 'Indringer'), /niet ondertekend met de gemeentesleutel van Zandvoort/],
      [certificate({ privateKey: zKey.k, publicKey: zKey.p }, HEEMSTEDE[0], 'Verkeerde gemeente'), /zegt van Heemstede .* te zijn, maar is ondertekend met de gemeentesleutel van Zandvoort/],
      [
        signAttestation(stranger.privateKey, {
          type: 'regie-revocation-v1',
          gemeente: ZANDVOORT[0],
          issuer: stranger.publicKey,
          device: me.publicKey,
          after: 0,
          reason: 'gestolen',
          at: new Date().toISOString(),
        }),
        /intrekking .* niet ondertekend met de gemeentesleutel van Zandvoort/,
      ],
    ] as const;
    for (const [statement, why] of cases) {
      const path = resign([...lines.slice(0, at), canonicalJson(statement), ...lines.slice(at)], me.publicKey, me.privateKey);
      const before = await h.hash();
      await expect(h.importFile(path)).rejects.toThrow(why);
      await expect(h.call('exchange.verify', { path })).rejects.toThrow(why);
      expect(await h.hash()).toBe(before);
    }
  });
});

describe('browser mode (files by id)', () => {
  it('approves to a download, installs and imports the key from uploads', async () => {
    const { z1 } = await twoGemeenten();
    await z1.call('events.create', GP);
    const z2 = new Copy(ZANDVOORT[0], 'browser-2');
    const request = await z2.call('devices.joinRequest', { gemeente: ZANDVOORT[0], deviceLabel: 'Laptop browser' });
    const approved = await z1.call('devices.approveFile', { content: request.content, fingerprint: request.fingerprint });
    expect(approved).toMatchObject({ download: true, device: { label: 'Laptop browser', status: 'active' } });
    const download = await transfersOf(z1.ctx).existing(approved.fileId);
    expect(download).toBeDefined();
    const upload = await transfersOf(z2.ctx).receive(createReadStream(download!.path));
    const installed = await z2.call('devices.installFile', { fileId: upload.fileId });
    expect(installed.gemeente).toBe(ZANDVOORT[0]);
    expect(await z2.hash()).toBe(await z1.hash());

    const keyFile = await z1.call('gemeenteKey.exportFile', { password: 'kluis-Zandvoort-2027' });
    const keyUpload = await transfersOf(z2.ctx).receive(createReadStream((await transfersOf(z1.ctx).existing(keyFile.fileId))!.path));
    expect((await z2.call('gemeenteKey.importFile', { fileId: keyUpload.fileId, password: 'kluis-Zandvoort-2027' })).holdsKey).toBe(true);
  }, 120_000);
});

describe('a restored backup', () => {
  it('certifies the new device key with the gemeente key; a partner trusts its files', async () => {
    const { z1, h } = await twoGemeenten();
    const backup = await z1.call('backups.create', {});
    const restored = await z1.call('backups.restore', { name: backup.name });
    const self = (await z1.call('devices.list', {})).find((d) => d.status === 'self')!;
    expect(self.fingerprint).toBe(restored.fingerprint);
    expect(self.certified).toBe(true);
    await z1.call('events.create', GP);
    expect((await h.importFile(await z1.exportTo([h]))).entries.new).toBe(1);
  }, 60_000);
});
