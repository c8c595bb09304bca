// A trusted partner attacks: Heemstede's key tries to change Zandvoort's own event through a key of its own
// that claims to be Zandvoort's. Authority comes from the gemeente bound to the author's trusted identity when
// the entry is applied, never from the entry's claim, and no card or succession moves a key to another gemeente.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Copy } from './copies';
import { GP, region, ZANDVOORT, HEEMSTEDE } from './copies';
import { cardOf, chain, newDevice, planFile, type Device } from './attacker';
import { canonicalJson } from '../../../../main/log/canonical';

let z: Copy;
let h: Copy;
let eventId: string;
let heemstede: Device;

beforeEach(async () => {
  [z, h] = await region(ZANDVOORT, HEEMSTEDE);
  eventId = (await z.call('events.create', GP)).id;
  const me = h.ctx.me();
  heemstede = { publicKey: me.publicKey, privateKey: me.privateKey, gemeente: 'GM0397', label: me.deviceLabel };
});

const hijack = (id: string) => [[{ t: 'event.update', id, set: { name: 'Gekaapt door Heemstede' } }]];

async function eventName(): Promise<string> {
  return (await z.call('events.get', { id: eventId })).name;
}

function authorRow(key: string) {
  return z.ctx.db().prepare('SELECT gemeente, trusted FROM authors WHERE public_key = ?').get(key) as { gemeente: string; trusted: number } | undefined;
}

describe("a partner's key cannot change another gemeente's records", () => {
  it('held entries of a new key that claim Zandvoort are refused when a succession of Heemstede trusts that key', async () => {
    const k = newDevice('GM0397');
    const held = await z.importFile(planFile(heemstede, ['GM0473'], { feeds: [{ author: k, entries: chain(k, 'GM0473', hijack(eventId)) }] }));
    expect(held.held).toHaveLength(1);
    const before = await z.hash();

    const r = await z.importFile(planFile(heemstede, ['GM0473'], { cards: [cardOf(k, heemstede)] }));
    expect(await eventName()).toBe(GP.name);
    expect(await z.hash()).toBe(before);
    expect(r.rejected).toHaveLength(1);
    expect(r.rejected[0]!.reason).toMatch(/zegt van Zandvoort \(GM0473\) te zijn, maar is gemaakt op een apparaat van Heemstede \(GM0397\)/);
    // Kept for audit, not applied, and not waiting any more.
    expect(z.count('pending_entries')).toBe(0);
    expect(z.ctx.db().prepare("SELECT count(*) AS n FROM entries WHERE author = ? AND status = 'rejected'").get(k.publicKey)).toEqual({ n: 1 });
  });

  it('held entries that claim Zandvoort are refused when the coordinator trusts the honest Heemstede card by phone', async () => {
    const k = newDevice('GM0397');
    await z.importFile(planFile(heemstede, ['GM0473'], { feeds: [{ author: k, entries: chain(k, 'GM0473', hijack(eventId)) }] }));
    const content = canonicalJson(cardOf(k));
    const info = await z.call('partners.inspectCard', { content });
    expect(info.gemeente).toBe('GM0397');
    const trusted = await z.call('partners.trust', { content, fingerprint: info.fingerprint });
    expect(trusted.released).toBe(1);
    expect(await eventName()).toBe(GP.name);
    expect(z.ctx.db().prepare('SELECT status, reason FROM entries WHERE author = ?').get(k.publicKey)).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/apparaat van Heemstede/) });
  });

  it('a card that claims Zandvoort cannot be turned into a trusted Zandvoort key by a Heemstede succession', async () => {
    const k = newDevice('GM0473');
    // First file: the key's own card says Zandvoort (stored, untrusted), its entries say Zandvoort (held).
    await z.importFile(planFile(heemstede, ['GM0473'], { cards: [cardOf(k)], feeds: [{ author: k, entries: chain(k, 'GM0473', hijack(eventId)) }] }));
    expect(authorRow(k.publicKey)).toEqual({ gemeente: 'GM0473', trusted: 0 });
    // Second file: the same key, now as Heemstede's successor.
    const successor = cardOf({ ...k, gemeente: 'GM0397' }, heemstede);
    await expect(z.importFile(planFile(heemstede, ['GM0473'], { cards: [successor] }))).rejects.toThrow(/al bekend als apparaat van Zandvoort .* Een apparaat hoort altijd bij één gemeente/);
    expect(authorRow(k.publicKey)).toEqual({ gemeente: 'GM0473', trusted: 0 });
    expect(await eventName()).toBe(GP.name);
  });

  it('entries of a trusted Heemstede key that claim Zandvoort are refused as a whole, the file changes nothing', async () => {
    const own = chain(heemstede, 'GM0473', hijack(eventId), 1, null);
    await expect(z.importFile(planFile(heemstede, ['GM0473'], { feeds: [{ author: heemstede, entries: own }] }))).rejects.toThrow(
      /zegt van Zandvoort te zijn, maar is gemaakt op een apparaat van Heemstede/,
    );
    expect(await eventName()).toBe(GP.name);
  });

  it('a held key with no card at all that is trusted later as Zandvoort by phone may change Zandvoort (the user vouched for it)', async () => {
    // The rule is the gemeente of the trusted identity: a Zandvoort laptop whose card the user confirmed.
    const k = newDevice('GM0473', 'Tweede laptop Zandvoort');
    await z.importFile(planFile(heemstede, ['GM0473'], { feeds: [{ author: k, entries: chain(k, 'GM0473', hijack(eventId)) }] }));
    const content = canonicalJson(cardOf(k));
    const info = await z.call('partners.inspectCard', { content });
    await z.call('partners.trust', { content, fingerprint: info.fingerprint });
    expect(await eventName()).toBe('Gekaapt door Heemstede');
  });
});
