// The gemeente identity through the command line (issue 15): add a laptop (join, device approve, device
// install), devices, revoke, gemeente-key export/import/rotate, and the refusals, each with a clear message.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from './run-cli';
import { GRAND_PRIX, tempDir } from '../../helpers';
import { linesOf, resign } from '../exchange/copies';
import { canonicalJson } from '../../../../main/log/canonical';
import { generateDeviceKeys } from '../../../../main/log/identity';
import { signAttestation } from '../../../../main/exchange/trust/attestations';
import { AppContext } from '../../../../main/session/context';

afterEach(() => {
  delete process.env.REGIE_PASSWORD;
});

const Z = 'GM0473';
const H = 'GM0397';

async function ok(...argv: string[]): Promise<string> {
  const r = await cli(...argv);
  expect(r.code, `${argv.join(' ')}: ${r.err}`).toBe(0);
  return r.out;
}

/** A refusal: exit 1, one clear line, and the state hash of `dir` unchanged. */
async function refused(dir: string, why: RegExp, ...argv: string[]): Promise<void> {
  const before = await ok('--data', dir, 'state-hash');
  const r = await cli('--data', dir, ...argv);
  expect(r.code, r.out).toBe(1);
  expect(r.err).toMatch(why);
  expect(await ok('--data', dir, 'state-hash')).toBe(before);
}

function keysOf(dir: string): { device: { publicKey: string; privateKey: string }; gemeente: { p: string; k: string } } {
  const ctx = new AppContext(dir, 'cli', '0.0.0-test');
  try {
    const me = ctx.me();
    const g = ctx.db().prepare('SELECT public_key AS p, private_key AS k FROM gemeente_keys WHERE private_key IS NOT NULL').get() as { p: string; k: string };
    return { device: { publicKey: me.publicKey, privateKey: me.privateKey }, gemeente: g };
  } finally {
    ctx.close();
  }
}

describe('regie join / device / devices / gemeente-key', () => {
  it('adds a laptop, revokes it, and refuses what must be refused', async () => {
    const files = tempDir('regie-id-files-');
    const f = (name: string) => join(files, name);
    const [z1, z2, h] = [tempDir('regie-z1-'), tempDir('regie-z2-'), tempDir('regie-h-')];
    expect(await ok('--data', z1, 'init', '--gemeente', Z, '--device', 'Laptop teamleider')).toMatch(/Vingerafdruk: [\d ]+ \(gemeentesleutel/);
    await ok('--data', h, 'init', '--gemeente', H, '--device', 'Laptop Heemstede');
    await ok('--data', z1, 'card', '--out', f('z.json'));
    await ok('--data', h, 'card', '--out', f('h.json'));
    const shown = await ok('--data', h, 'trust', f('z.json'), '--yes');
    const zKey = JSON.parse(await ok('--data', z1, 'call', 'gemeente.key')) as { fingerprint: string };
    expect(shown).toContain(`Vingerafdruk: ${zKey.fingerprint} (gemeentesleutel)`);
    await ok('--data', z1, 'trust', f('h.json'), '--yes');
    await ok('--data', z1, 'call', 'events.create', JSON.stringify(GRAND_PRIX));

    // A new laptop: join, approve on the laptop with the gemeente key, install.
    const joined = await ok('--data', z2, 'join', '--gemeente', Z, '--device', 'Laptop planner', '--out', f('aanvraag.json'));
    const newFingerprint = /Vingerafdruk van deze laptop: ([\d ]+)/.exec(joined)![1]!;
    // Heemstede does not hold Zandvoort's gemeente key: refused, nothing written.
    await refused(h, /gemeentesleutel van Zandvoort niet/, 'device', 'approve', f('aanvraag.json'), '--out', f('nee.regie'), '--yes');
    expect(existsSync(f('nee.regie'))).toBe(false);
    const approved = await ok('--data', z1, 'device', 'approve', f('aanvraag.json'), '--out', f('cert.regie'), '--yes');
    expect(approved).toContain(`Vingerafdruk van de nieuwe laptop: ${newFingerprint}`);
    expect(await ok('--data', z2, 'device', 'install', f('cert.regie'))).toMatch(/hoort nu bij Zandvoort/);
    expect(await ok('--data', z2, 'state-hash')).toBe(await ok('--data', z1, 'state-hash'));
    const devices = JSON.parse(await ok('--data', z1, 'devices', '--json')) as { label: string; status: string }[];
    expect(devices.map((d) => `${d.label}:${d.status}`)).toEqual(['Laptop teamleider:self', 'Laptop planner:active']);
    expect(await ok('--data', z1, 'devices')).toContain(newFingerprint);

    // Heemstede takes the planner's entries without a call of its own.
    await ok('--data', z2, 'trust', f('h.json'), '--yes');
    await ok('--data', z2, 'call', 'events.create', JSON.stringify({ ...GRAND_PRIX, name: 'Strandfeest' }));
    await ok('--data', z2, 'export', '--to', H, '--out', f('z2-h-1.regie'));
    expect(await ok('--data', h, 'import', f('z2-h-1.regie'), '--yes')).not.toMatch(/niet vertrouwt/);
    expect(JSON.parse(await ok('--data', h, 'call', 'events.list')).map((e: { name: string }) => e.name)).toContain('Strandfeest');

    // The laptop is lost: revoked at the last entry Zandvoort saw from it (none yet here: 0) ...
    await ok('--data', z2, 'call', 'events.create', JSON.stringify({ ...GRAND_PRIX, name: 'Na verlies' }));
    await ok('--data', z2, 'export', '--to', H, '--out', f('z2-h-2.regie'));
    const revoke = await ok('--data', z1, 'device', 'revoke', newFingerprint, '--reason', 'verloren', '--yes');
    expect(revoke).toMatch(/Ingetrokken\. Wijzigingen van "Laptop planner" na nr\. 0 worden overal geweigerd/);
    await ok('--data', z1, 'export', '--to', H, '--out', f('z1-h.regie'));
    const imported = JSON.parse(await ok('--data', h, 'import', f('z1-h.regie'), '--yes', '--json')) as { undone?: { seq: number }[] };
    expect(imported.undone?.map((u) => u.seq)).toEqual([1]);
    expect(JSON.parse(await ok('--data', h, 'call', 'events.list')).map((e: { name: string }) => e.name)).not.toContain('Strandfeest');
    // ... a file it sent: refused with the reason.
    await refused(h, /ingetrokken \(verloren\)/, 'import', f('z2-h-2.regie'), '--yes');
    expect(await ok('--data', h, 'state-hash')).toBe(await ok('--data', z1, 'state-hash'));

    // Statements not signed by the gemeente key Heemstede trusts, in a file Zandvoort's laptop signed.
    const zk = keysOf(z1);
    await ok('--data', z1, 'call', 'events.create', JSON.stringify({ ...GRAND_PRIX, name: 'Nog een' }));
    await ok('--data', z1, 'export', '--to', H, '--out', f('basis.regie'));
    const lines = linesOf(f('basis.regie'));
    const at = lines.findIndex((l) => l.startsWith('{"attestation":'));
    const stranger = generateDeviceKeys();
    const now = new Date().toISOString();
    const forged = {
      'cert-stranger': signAttestation(stranger.privateKey, { type: 'regie-device-cert-v1', gemeente: Z, issuer: stranger.publicKey, device: generateDeviceKeys().publicKey, label: 'X', from: now }),
      'cert-other-gemeente': signAttestation(zk.gemeente.k, { type: 'regie-device-cert-v1', gemeente: H, issuer: zk.gemeente.p, device: generateDeviceKeys().publicKey, label: 'Y', from: now }),
      revocation: signAttestation(stranger.privateKey, { type: 'regie-revocation-v1', gemeente: Z, issuer: stranger.publicKey, device: zk.device.publicKey, after: 0, reason: 'gestolen', at: now }),
      rotation: signAttestation(stranger.privateKey, { type: 'regie-gemeente-rotation-v1', gemeente: Z, issuer: stranger.publicKey, next: stranger.publicKey, at: now }),
    };
    const reasons: Record<keyof typeof forged, RegExp> = {
      'cert-stranger': /certificaat .* niet ondertekend met de gemeentesleutel van Zandvoort/,
      'cert-other-gemeente': /zegt van Heemstede .* ondertekend met de gemeentesleutel van Zandvoort/,
      revocation: /intrekking .* niet ondertekend met de gemeentesleutel van Zandvoort/,
      rotation: /sleutelwissel .* niet ondertekend met de gemeentesleutel van Zandvoort/,
    };
    for (const [name, statement] of Object.entries(forged) as [keyof typeof forged, (typeof forged)[keyof typeof forged]][]) {
      const path = resign([...lines.slice(0, at), canonicalJson(statement), ...lines.slice(at)], zk.device.publicKey, zk.device.privateKey, f(`${name}.regie`));
      await refused(h, reasons[name], 'import', path, '--yes');
    }

    // The gemeente key file: a wrong password is refused and nothing is written; the right one works; rotation.
    process.env.REGIE_PASSWORD = 'kluis-2027-Zandvoort';
    await ok('--data', z1, 'gemeente-key', 'export', '--out', f('sleutel.json'));
    const h2 = tempDir('regie-z3-');
    await ok('--data', h2, 'join', '--gemeente', Z, '--device', 'Reserve', '--out', f('aanvraag3.json'));
    await ok('--data', z1, 'device', 'approve', f('aanvraag3.json'), '--out', f('cert3.regie'), '--yes');
    await ok('--data', h2, 'device', 'install', f('cert3.regie'));
    process.env.REGIE_PASSWORD = 'verkeerd';
    await refused(h2, /wachtwoord klopt niet/, 'gemeente-key', 'import', f('sleutel.json'));
    expect(JSON.parse(await ok('--data', h2, 'call', 'gemeente.key')).holdsKey).toBe(false);
    process.env.REGIE_PASSWORD = 'kluis-2027-Zandvoort';
    expect(await ok('--data', h2, 'gemeente-key', 'import', f('sleutel.json'))).toMatch(/ingelezen/);
    expect(await ok('--data', z1, 'gemeente-key', 'rotate', '--yes')).toMatch(/Nieuwe gemeentesleutel: [\d ]+ \(was [\d ]+\); 2 apparaat/);
  }, 180_000);
});
