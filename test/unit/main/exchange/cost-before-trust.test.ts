// Bounded cost before trust: the sender (header, cards, trust, trailer signature) is checked before any entry
// is decoded, and an age header names few recipients. (Memory and time of the worst files: README.)
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { region, ZANDVOORT, HEEMSTEDE } from './copies';
import { newDevice, signedFile, type Device } from './attacker';
import { canonicalJson } from '../../../../main/log/canonical';
import { MAX_RECIPIENTS } from '../../../../main/exchange/sealed';
import { tempDir } from '../../helpers';

const header = (sender: Device) =>
  Buffer.from(
    canonicalJson({
      format: 'regie-plan',
      version: 1,
      requires: [],
      from: { publicKey: sender.publicKey, gemeente: sender.gemeente, deviceLabel: sender.label },
      to: ['GM0473'],
      created: new Date().toISOString(),
      have: {},
    }),
  );
const badEntry = Buffer.from('{"author":"not a key"}');

describe('the sender is checked before any entry is decoded', () => {
  it('a file from a device nobody trusts is refused for that, not for its entries', async () => {
    const [z] = await region(ZANDVOORT, HEEMSTEDE);
    const nobody = newDevice('GM0397', 'Onbekend');
    const file = signedFile([header(nobody), badEntry], nobody);
    await expect(z.importFile(file)).rejects.toThrow(/ondertekend door een apparaat dat u nog niet vertrouwt/);
    await expect(z.call('exchange.verify', { path: file })).rejects.toThrow(/nog niet vertrouwt/);
  });

  it('a file that claims a trusted sender but is signed by another key is refused for its signature, not for its entries', async () => {
    const [z, h] = await region(ZANDVOORT, HEEMSTEDE);
    const me = h.ctx.me();
    const claimed: Device = { publicKey: me.publicKey, privateKey: me.privateKey, gemeente: 'GM0397', label: me.deviceLabel };
    const forger = newDevice('GM0397');
    const file = signedFile([header(claimed), badEntry], { publicKey: claimed.publicKey, privateKey: forger.privateKey });
    await expect(z.importFile(file)).rejects.toThrow(/De handtekening van de afzender klopt niet/);
  });
});

describe('an encrypted file', () => {
  it('naming more recipients than any region has is refused before any of them is tried', async () => {
    const [z] = await region(ZANDVOORT, HEEMSTEDE);
    const stanza = '-> X25519 ' + 'A'.repeat(43) + '\n' + 'B'.repeat(43) + '\n';
    const path = join(tempDir(), 'veel-ontvangers.regie');
    writeFileSync(path, 'age-encryption.org/v1\n' + stanza.repeat(MAX_RECIPIENTS + 1) + '--- ' + 'C'.repeat(43) + '\n' + 'payload');
    await expect(z.importFile(path)).rejects.toThrow(new RegExp(`meer dan ${MAX_RECIPIENTS} ontvangers`));
  });
});
