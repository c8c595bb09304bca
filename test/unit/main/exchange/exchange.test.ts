import { describe, expect, it } from 'vitest';
import { Copy, GP, region, ZANDVOORT, HEEMSTEDE, BLOEMENDAAL } from './copies';
import { encodeEntry } from '../../../../main/log/entry';
import { readClock, readFeed, storeEntry } from '../../../../main/log/log';
import { tick } from '../../../../main/log/hlc';
import type { EventRecord } from '../../../../shared/domain/event';

describe('exchanging plan files', () => {
  it('brings a partner the same plan and the same state hash', async () => {
    const [z, h] = await region(ZANDVOORT, HEEMSTEDE);
    await z.call('demo.generate', { seed: 7, scale: 'small' });
    const preview = await h.call('exchange.preview', { path: await z.exportTo([h]) });
    expect(preview.applied).toBe(false);
    const byType = (type: string) => preview.changes.filter((c) => c.type === type && c.kind === 'created').length;
    expect([byType('officer'), byType('event'), byType('agreement'), byType('signature')]).toEqual([8, 10, 1, 1]);
    expect(preview.perGemeente).toEqual([expect.objectContaining({ gemeente: 'GM0473', created: preview.changes.length })]);
    expect(await h.hash()).not.toBe(await z.hash()); // the preview changed nothing
    expect(h.count('events')).toBe(0);

    const applied = await h.importFile(await z.exportTo([h]));
    expect(applied.applied).toBe(true);
    expect(await h.hash()).toBe(await z.hash());
    expect(applied.stateHashAfter).toBe(await z.hash());
    expect(h.count('events')).toBe(10);
  });

  it('sends only what the partner is not known to have, and everything with --full', async () => {
    const [z, h] = await region(ZANDVOORT, HEEMSTEDE);
    await z.call('events.create', GP);
    await h.importFile(await z.exportTo([h]));
    // Heemstede answers: its file tells Zandvoort what it has.
    await z.importFile(await h.exportTo([z]));
    await z.call('events.create', { ...GP, name: 'Circus Zandvoort', risk: 'B' });
    const incremental = await z.call('exchange.export', { to: ['GM0397'], full: false, path: `${z.ctx.dataDir}/inc.regie` });
    expect(incremental.entries).toBe(1);
    const full = await z.call('exchange.export', { to: ['GM0397'], full: true, path: `${z.ctx.dataDir}/full.regie` });
    expect(full.entries).toBe(2);
    const r = await h.importFile(full.path);
    expect(r.entries).toEqual({ inFile: 2, new: 1, alreadyKnown: 1 });
    expect(await h.hash()).toBe(await z.hash());
  });

  it('relays a third party’s entries: Bloemendaal -> Heemstede -> Zandvoort', async () => {
    const [z, h, b] = await region(ZANDVOORT, HEEMSTEDE, BLOEMENDAAL);
    await b.call('events.create', { ...GP, name: 'Beach party Bloemendaal', place: 'Strand', risk: 'B' });
    await h.importFile(await b.exportTo([h]));
    const relayed = await z.importFile(await h.exportTo([z]));
    expect(relayed.perGemeente).toEqual([expect.objectContaining({ gemeente: 'GM0377', created: 1 })]);
    const events = await z.call('events.list', {});
    expect(events.map((e) => e.name)).toEqual(['Beach party Bloemendaal']);
    expect(await z.hash()).toBe(await b.hash());
  });

  it('holds entries of a device it does not trust and applies them once trusted', async () => {
    const [z, h] = await region(ZANDVOORT, HEEMSTEDE);
    const b = await new Copy(...BLOEMENDAAL).init();
    await b.trust(h);
    await h.trust(b);
    await b.call('events.create', { ...GP, name: 'Strandfeest', risk: 'A' });
    await h.importFile(await b.exportTo([h]));
    const r = await z.importFile(await h.exportTo([z]));
    expect(r.held).toEqual([expect.objectContaining({ gemeente: 'GM0377', count: 1 })]);
    expect(await z.call('events.list', {})).toEqual([]);
    const content = await b.card();
    const info = await z.call('partners.inspectCard', { content });
    expect(info).toMatchObject({ known: true, trusted: false, gemeenteName: 'Bloemendaal' });
    const trusted = await z.call('partners.trust', { content, fingerprint: info.fingerprint });
    expect(trusted.released).toBe(1);
    expect((await z.call('events.list', {})).map((e) => e.name)).toEqual(['Strandfeest']);
  });

  it('refuses to trust a card when the confirmed fingerprint does not match', async () => {
    const [z] = await region(ZANDVOORT);
    const h = await new Copy(...HEEMSTEDE).init();
    await expect(z.call('partners.trust', { content: await h.card(), fingerprint: '00000 00000 00000 00000 00000 00000' })).rejects.toMatchObject({ code: 'refused' });
    expect((await z.call('partners.list', {})).filter((p) => p.trusted && !p.self)).toEqual([]);
  });

  it('parks a file whose predecessors are missing, names them, and applies it when they arrive', async () => {
    const [z, h] = await region(ZANDVOORT, HEEMSTEDE);
    await z.call('events.create', GP);
    const first = await z.exportTo([h]);
    await z.call('events.create', { ...GP, name: 'Circus Zandvoort' });
    await z.call('events.create', { ...GP, name: 'Zandvoort Jazz' });
    // Zandvoort thinks Heemstede has seq 1 (it does not): the next file starts at 2.
    z.ctx.db().prepare("INSERT INTO peer_have (gemeente, author, seq) VALUES ('GM0397', ?, 1)").run(z.ctx.me().publicKey);
    const second = await z.exportTo([h]);
    const parked = await h.importFile(second);
    expect(parked.parked).toEqual([expect.objectContaining({ gemeenteName: 'Zandvoort', from: 2, to: 3, missingFrom: 1, missingTo: 1 })]);
    expect(await h.call('events.list', {})).toEqual([]);
    const late = await h.importFile(first);
    expect(late.parked).toEqual([]);
    expect((await h.call('events.list', {})).map((e: EventRecord) => e.name).sort()).toEqual(['Circus Zandvoort', 'Dutch Grand Prix', 'Zandvoort Jazz']);
    expect(h.count('pending_entries')).toBe(0);
    expect(await h.hash()).toBe(await z.hash());
  });

  it('rejects an entry its author may not make, keeps it for audit, and applies the rest', async () => {
    const [z, h] = await region(ZANDVOORT, HEEMSTEDE);
    const ev = await z.call('events.create', GP);
    await h.importFile(await z.exportTo([h]));
    // A tampered Heemstede copy signs a change to Zandvoort's event in its own chain.
    const me = h.ctx.me();
    const feed = readFeed(h.ctx.db(), me.publicKey);
    const hlc = tick(readClock(h.ctx.db()), Date.now());
    const bad = encodeEntry({
      v: 1,
      author: me.publicKey,
      gemeente: me.gemeente,
      seq: (feed?.seq ?? 0) + 1,
      prev: feed?.head ?? null,
      hlc,
      ops: [{ t: 'event.update', id: ev.id, set: { name: 'Gekaapt' }, base: {} }],
    });
    storeEntry(h.ctx.db(), bad, 'applied', null, new Date().toISOString());
    await h.call('events.create', { ...GP, name: 'Jaarmarkt Heemstede', place: 'Raadhuisplein', risk: 'A' });

    const verify = await z.call('exchange.verify', { path: await h.exportTo([z]) });
    expect(verify.valid).toBe(false);
    expect(verify.problems.join(' ')).toMatch(/GM0397 mag event .* van GM0473 niet wijzigen/);
    const r = await z.importFile(await h.exportTo([z]));
    expect(r.rejected).toEqual([expect.objectContaining({ gemeente: 'GM0397', seq: bad.entry.seq, reason: expect.stringMatching(/niet wijzigen/) })]);
    expect((await z.call('events.get', { id: ev.id })).name).toBe('Dutch Grand Prix');
    expect((await z.call('events.list', {})).map((e) => e.name)).toContain('Jaarmarkt Heemstede');
    const kept = z.ctx.db().prepare('SELECT status, reason FROM entries WHERE id = ?').get(bad.id) as { status: string; reason: string };
    expect(kept.status).toBe('rejected');
  });

  it('shows concurrent edits by two laptops of one gemeente as a conflict on both, until one resolves it', async () => {
    const z1 = await new Copy('GM0473', 'Zandvoort1').init('Laptop Marieke');
    const z2 = await new Copy('GM0473', 'Zandvoort2').init('Laptop Ahmed');
    await z1.trust(z2);
    await z2.trust(z1);
    const ev = await z1.call('events.create', GP);
    await z2.importFile(await z1.exportTo([z2]));
    await z1.call('events.update', { id: ev.id, fields: { ...GP, place: 'Circuit' } });
    await z2.call('events.update', { id: ev.id, fields: { ...GP, place: 'Boulevard' } });
    await z2.importFile(await z1.exportTo([z2]));
    await z1.importFile(await z2.exportTo([z1]));
    const c1 = await z1.call('conflicts.list', {});
    const c2 = await z2.call('conflicts.list', {});
    expect(c1).toHaveLength(1);
    expect(c1).toEqual(c2);
    expect(c1[0]).toMatchObject({ field: 'place', resolvableBy: 'GM0473' });
    expect(c1[0]!.values.map((v) => v.value).sort()).toEqual(['Boulevard', 'Circuit']);
    expect(await z1.hash()).toBe(await z2.hash());
    // Marieke picks the value on purpose: a new change made after seeing both.
    await z1.call('events.update', { id: ev.id, fields: { ...GP, place: 'Circuit Zandvoort en boulevard' } });
    await z2.importFile(await z1.exportTo([z2]));
    expect(await z1.call('conflicts.list', {})).toEqual([]);
    expect(await z2.call('conflicts.list', {})).toEqual([]);
  });

  it('refuses an export to a gemeente that is not a trusted partner', async () => {
    const [z] = await region(ZANDVOORT);
    await expect(z.call('exchange.export', { to: ['GM0392'], full: false, path: `${z.ctx.dataDir}/x.regie` })).rejects.toMatchObject({
      code: 'refused',
      message: expect.stringContaining('Haarlem'),
    });
  });
});

describe('a whole region', () => {
  it('arrives in a new copy with the same state hash as the copy that wrote it', async () => {
    const [z, h] = await region(ZANDVOORT, HEEMSTEDE);
    await z.call('demo.generate', { seed: 5, scale: 'week' });
    await z.call('events.create', GP);
    await h.trustDevicesOf(z);
    const r = await h.importFile(await z.exportTo([h], { full: true }));
    expect(r.perGemeente.length).toBe(9);
    expect(await h.hash()).toBe(await z.hash());
  });
});
