// Vaststellen between real copies and real plan files: Zandvoort proposes the third quarter, Heemstede signs,
// a later withdrawal becomes a correction in the fourth quarter on both sides (also when it arrives by
// relay), gesloten beurs carries its balance, and every bad signature or alteration is refused.
import { describe, expect, it } from 'vitest';
import type { Copy } from '../exchange/copies';
import { quarterScenario, send } from '../reports/scenario';
import { encodeEntry, type Op } from '../../../../main/log/entry';
import { readClock, readFeed, storeEntry } from '../../../../main/log/log';
import { tick } from '../../../../main/log/hlc';
import { statementContentHash, statementId, statementSignatureId } from '../../../../main/log/records';
import { canonicalJson } from '../../../../main/log/canonical';
import { figuresOf } from '../../../../main/domain/settle/content';

const Q3 = { from: '2027-07-01', to: '2027-09-30' };
const Q4 = { from: '2027-10-01', to: '2027-12-31' };
const ZH: [string, string] = ['GM0473', 'GM0397'];

/** A tampered copy writes ops into its own chain without the checks commitLocal makes; returns the entry id. */
function tamper(c: Copy, ops: Op[]): string {
  const db = c.ctx.db();
  const me = c.ctx.me();
  const feed = readFeed(db, me.publicKey);
  const bad = encodeEntry({ v: 1, author: me.publicKey, gemeente: me.gemeente, seq: (feed?.seq ?? 0) + 1, prev: feed?.head ?? null, hlc: tick(readClock(db), Date.now()), ops });
  storeEntry(db, bad, 'applied', null, new Date().toISOString());
  return bad.id;
}

async function commitmentOf(c: Copy, officerName: string, period = Q3): Promise<string> {
  const s = await c.call('reports.settlement', { ...period, pair: ZH });
  return s.settlement.lines.find((l) => l.officerName === officerName)!.commitmentId;
}

async function vaststellenQ3() {
  const sc = await quarterScenario();
  const { z, h } = sc;
  const proposal = await z.call('settle.propose', { pair: ZH, ...Q3 });
  await send(z, h);
  const signed = await h.call('settle.sign', { id: proposal.id, contentHash: proposal.contentHash });
  await send(h, z);
  return { ...sc, proposal, signed };
}

describe('vaststellen', () => {
  it('Zandvoort proposes Q3, Heemstede signs: vastgesteld on both copies with one document number and both fingerprints', async () => {
    const { z, h, proposal, signed } = await vaststellenQ3();
    expect(proposal.status).toBe('proposed');
    expect(proposal.signatures.map((s) => s.gemeente)).toEqual(['GM0473']);
    expect(proposal.number).toBe('VV-2027-K3-0397-0473');
    expect(signed.status).toBe('vastgesteld');
    const onZ = await z.call('settle.show', { id: proposal.id });
    const onH = await h.call('settle.show', { id: proposal.id });
    expect(onZ.summary.status).toBe('vastgesteld');
    expect(onZ.summary.signatures).toEqual(onH.summary.signatures);
    const fingerprintOf = async (c: Copy) => {
      const st = await c.call('setup.status', {});
      return st.state === 'ready' ? st.identity.fingerprint : '';
    };
    expect(onZ.summary.signatures.map((s) => [s.gemeente, s.fingerprint])).toEqual([
      ['GM0397', await fingerprintOf(h)],
      ['GM0473', await fingerprintOf(z)],
    ]);
    // Hand computation (scenario.ts): Sanne Fri 544.00 + Daan Sat 982.60, Heemstede lends to Zandvoort.
    expect(onZ.content.lines.map((l) => [l.officerName, l.amountCents])).toEqual([
      ['Sanne de Vries', 54400],
      ['René Jansen', 98260],
    ]);
    expect(onZ.content.due).toEqual([{ provider: 'GM0397', host: 'GM0473', amountCents: 152660 }]);
    expect(onZ.content.basis.map((b) => [b.provider, b.hourlyCents, b.surcharges?.weekend])).toEqual([['GM0397', 6800, 70]]);
    // The invoice basis shows the number and both signatures' fingerprints and dates, the same on both sides.
    const csvZ = Buffer.from((await z.call('settle.file', { id: proposal.id, format: 'csv' })).base64, 'base64').toString('utf8');
    const csvH = Buffer.from((await h.call('settle.file', { id: proposal.id, format: 'csv' })).base64, 'base64').toString('utf8');
    expect(csvZ).toBe(csvH);
    expect(csvZ).toContain('VV-2027-K3-0397-0473');
    for (const s of onZ.summary.signatures) expect(csvZ).toContain(s.fingerprint);
    const pdf = await z.call('settle.file', { id: proposal.id, format: 'pdf' });
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(await z.hash()).toBe(await h.hash());
  });

  it('a withdrawal after vaststelling is a correction in Q4 on both sides, and the signed Q3 stays as it was', async () => {
    const { z, h, proposal } = await vaststellenQ3();
    const before = (await z.call('settle.show', { id: proposal.id })).content;
    await h.call('commitments.withdraw', { id: await commitmentOf(h, 'Sanne de Vries') });
    await send(h, z);
    const q4z = await z.call('settle.panel', { pair: ZH, ...Q4 });
    const q4h = await h.call('settle.panel', { pair: ZH, ...Q4 });
    expect(q4z.fresh.corrections).toEqual([
      expect.objectContaining({
        kind: 'credit',
        minutes: -480,
        amountCents: -54400,
        reason: 'Toezegging ingetrokken',
        by: 'GM0397',
        byName: 'Heemstede',
        officerName: 'Sanne de Vries',
        corrects: { ...Q3, number: 'VV-2027-K3-0397-0473' },
      }),
    ]);
    expect(canonicalJson(figuresOf(q4z.fresh))).toBe(canonicalJson(figuresOf(q4h.fresh)));
    // The night check of 30 October (1040.40) minus the credit.
    expect(q4z.fresh.due).toEqual([{ provider: 'GM0397', host: 'GM0473', amountCents: 104040 - 54400 }]);
    const q3 = await z.call('settle.panel', { pair: ZH, ...Q3 });
    expect(q3.vastgesteld!.content).toEqual(before);
    expect(q3.fresh.lines).toHaveLength(1);
    // Q3 cannot be proposed again: it is vastgesteld.
    await expect(z.call('settle.propose', { pair: ZH, ...Q3 })).rejects.toThrow(/al vastgesteld \(VV-2027-K3-0397-0473\).*correctie in de volgende open periode/);
    // Q4 is proposed with the correction in it and signed: the correction is settled, Q1 2028 has none.
    const q4 = await h.call('settle.propose', { pair: ZH, ...Q4 });
    await send(h, z);
    expect((await z.call('settle.sign', { id: q4.id, contentHash: q4.contentHash })).status).toBe('vastgesteld');
    await send(z, h);
    expect((await h.call('settle.panel', { pair: ZH, from: '2028-01-01', to: '2028-03-31' })).fresh.corrections).toEqual([]);
  });

  it('a correction that arrives by relay after vaststelling shows the same on every copy', async () => {
    const { z, h, b } = await vaststellenQ3();
    await send(z, b);
    await h.call('commitments.withdraw', { id: await commitmentOf(h, 'René Jansen') });
    // Heemstede's change reaches Zandvoort only through Bloemendaal's file.
    await send(h, b);
    await send(b, z);
    const onZ = (await z.call('settle.panel', { pair: ZH, ...Q4 })).fresh;
    const onH = (await h.call('settle.panel', { pair: ZH, ...Q4 })).fresh;
    expect(onZ.corrections).toEqual([expect.objectContaining({ kind: 'credit', amountCents: -98260, reason: 'Toezegging ingetrokken', byName: 'Heemstede' })]);
    expect(onZ.corrections).toEqual(onH.corrections);
  });

  it('gesloten beurs nets hours per pair and carries the balance into the next period', async () => {
    const { h, b } = await quarterScenario();
    const HB: [string, string] = ['GM0397', 'GM0377'];
    const q3 = await h.call('settle.propose', { pair: HB, ...Q3 });
    await send(h, b);
    await b.call('settle.sign', { id: q3.id, contentHash: q3.contentHash });
    await send(b, h);
    const shown = await h.call('settle.show', { id: q3.id });
    // Bloemendaal (GM0377, a) lent Lotte 6 h to Heemstede's Kermis: Heemstede owes 6 h in kind.
    expect(shown.content.balance).toEqual({ openingMinutes: 0, periodMinutes: 360, correctionMinutes: 0, closingMinutes: 360, carriedFrom: null });
    expect(shown.content.due).toEqual([]);
    const q4 = await b.call('settle.panel', { pair: HB, ...Q4 });
    expect(q4.fresh.balance).toEqual({ openingMinutes: 360, periodMinutes: 0, correctionMinutes: 0, closingMinutes: 360, carriedFrom: 'VV-2027-K3-0377-0397' });
  });
});

describe('vaststellen: bad input, refused with a reason and nothing changed', () => {
  it('a proposal that no longer matches the signer’s own computation cannot be signed; the fresh one can', async () => {
    const { z, h } = await quarterScenario();
    const proposal = await z.call('settle.propose', { pair: ZH, ...Q3 });
    // Heemstede withdraws before it reads Zandvoort's proposal: the figures differ.
    await h.call('commitments.withdraw', { id: await commitmentOf(h, 'René Jansen') });
    await send(z, h);
    const hash = await h.hash();
    const entries = h.count('entries');
    await expect(h.call('settle.sign', { id: proposal.id, contentHash: proposal.contentHash })).rejects.toThrow(
      /komt niet overeen met uw eigen berekening: het voorstel van Zandvoort telt 2 diensten, 16,50 uur.*uw planning nu 1 dienst, 8,00 uur.*Er is niets ondertekend; maak een nieuw voorstel/,
    );
    expect(await h.hash()).toBe(hash);
    expect(h.count('entries')).toBe(entries);
    const list = await h.call('settle.list', { pair: ZH });
    expect(list.find((s) => s.id === proposal.id)!.stale).toBe(true);
    const fresh = await h.call('settle.propose', { pair: ZH, ...Q3 });
    await send(h, z);
    expect((await z.call('settle.sign', { id: fresh.id, contentHash: fresh.contentHash })).status).toBe('vastgesteld');
  });

  it('signing for a pair one is not part of: refused at the copy and, when forced into a plan file, on arrival', async () => {
    const { z, h, b } = await quarterScenario();
    const proposal = await z.call('settle.propose', { pair: ZH, ...Q3 });
    await send(z, b, h);
    await expect(b.call('settle.sign', { id: proposal.id, contentHash: proposal.contentHash })).rejects.toThrow(/Bloemendaal is geen partij bij de verrekening Heemstede – Zandvoort/);
    await expect(b.call('settle.propose', { pair: ZH, ...Q3 })).rejects.toThrow(/geen partij/);
    const pair = 'GM0397|GM0473';
    const period = `${Q3.from}|${Q3.to}`;
    const id = tamper(b, [
      { t: 'cosign.create', id: statementSignatureId('GM0377', proposal.id), set: { statement: proposal.id, pair, period, contentHash: proposal.contentHash, signedAt: new Date().toISOString() } },
    ]);
    const before = await h.hash();
    const r = await h.importFile(await b.exportTo([h]));
    expect(r.rejected).toEqual([expect.objectContaining({ gemeente: 'GM0377', reason: expect.stringMatching(/ondertekening geweigerd: GM0377 is geen partij bij de verrekening GM0397 – GM0473/) })]);
    expect(await h.hash()).toBe(before);
    expect((h.ctx.db().prepare('SELECT status FROM entries WHERE id = ?').get(id) as { status: string }).status).toBe('rejected');
  });

  it('a forged signature (another gemeente’s) and a replayed one (moved to another statement) are refused on arrival', async () => {
    const { z, h, proposal } = await vaststellenQ3();
    const pair = 'GM0397|GM0473';
    // Zandvoort writes Heemstede's signature of a Q4 proposal it made itself.
    const q4 = await z.call('settle.propose', { pair: ZH, ...Q4 });
    tamper(z, [
      {
        t: 'cosign.create',
        id: statementSignatureId('GM0397', q4.id),
        set: { statement: q4.id, pair, period: `${Q4.from}|${Q4.to}`, contentHash: q4.contentHash, signedAt: new Date().toISOString() },
      },
    ]);
    let r = await h.importFile(await z.exportTo([h]));
    expect(r.rejected).toEqual([expect.objectContaining({ gemeente: 'GM0473', reason: expect.stringMatching(/GM0473 mag cosign .* van GM0397 niet wijzigen/) })]);
    expect((await h.call('settle.show', { id: q4.id })).summary.status).toBe('proposed');
    // Heemstede's signature of Q3 (its hash) replayed onto the Q4 statement.
    tamper(h, [
      {
        t: 'cosign.create',
        id: statementSignatureId('GM0397', q4.id),
        set: { statement: q4.id, pair, period: `${Q4.from}|${Q4.to}`, contentHash: proposal.contentHash, signedAt: new Date().toISOString() },
      },
    ]);
    const before = await z.hash();
    r = await z.importFile(await h.exportTo([z]));
    expect(r.rejected).toEqual([expect.objectContaining({ gemeente: 'GM0397', reason: expect.stringMatching(/hoort bij een andere tekst/) })]);
    expect(await z.hash()).toBe(before);
    expect((await z.call('settle.show', { id: q4.id })).summary.status).toBe('proposed');
    // A signature whose hash does not match the text the user read is refused before anything is written.
    await expect(h.call('settle.sign', { id: q4.id, contentHash: proposal.contentHash })).rejects.toThrow(/niet de tekst die u las/);
  });

  it('a change that tries to alter a vastgesteld statement is refused on arrival; the signed text stays', async () => {
    const { z, h, proposal } = await vaststellenQ3();
    const signed = await h.call('settle.show', { id: proposal.id });
    const altered = { ...signed.content, lines: signed.content.lines.slice(1) };
    tamper(z, [{ t: 'statement.update', id: proposal.id, set: { content: altered, contentHash: statementContentHash(altered) }, base: {} }]);
    // The same id with other content: the id no longer fits the text.
    tamper(z, [{ t: 'statement.create', id: proposal.id, set: { pair: signed.content.pair, period: signed.content.period, content: altered, contentHash: statementContentHash(altered) } }]);
    const before = await h.hash();
    const r = await h.importFile(await z.exportTo([h]));
    expect(r.rejected.map((x) => x.reason)).toEqual([
      expect.stringMatching(/nooit gewijzigd; een latere wijziging wordt een correctie/),
      expect.stringMatching(/sleutel van de verrekening past niet bij haar inhoud/),
    ]);
    expect(await h.hash()).toBe(before);
    expect((await h.call('settle.show', { id: proposal.id })).content).toEqual(signed.content);
    expect(statementId('GM0473', signed.content.pair, signed.content.period, signed.summary.contentHash)).toBe(proposal.id);
  });
});
