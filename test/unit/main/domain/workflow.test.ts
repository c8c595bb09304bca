// The scenarios of SCENARIOS.md across gemeenten, through real plan files: the convenant, the Grand Prix,
// the cancelled beach party, escalation beyond the mandate.
import { regionWerkgebied } from '../../../../shared/domain/gemeenten';
import { describe, expect, it } from 'vitest';
import type { Copy } from '../exchange/copies';
import { region, ZANDVOORT, HEEMSTEDE, BLOEMENDAAL } from '../exchange/copies';
import { convenantTerms } from '../../../../main/generate/demo';

async function send(from: Copy, ...to: Copy[]): Promise<void> {
  for (const t of to) await t.importFile(await from.exportTo([t]));
}

const boa = (territory: string[], extra: Partial<{ force: ('handboeien' | 'wapenstok' | 'pepperspray')[]; trafficAppointed: string | null }> = {}) => ({
  domain: 'I' as const,
  akteValidUntil: '2029-01-01',
  territory,
  force: extra.force ?? ['handboeien' as const],
  trafficAppointed: extra.trafficAppointed ?? null,
});

async function officer(c: Copy, name: string) {
  return c.call('officers.create', { name, qualifications: boa(regionWerkgebied(c.gemeente)), contractHours: 36, phone: '06-12345678', boaNumber: 'BOA-123', notes: 'privé' });
}

async function convenant(z: Copy, h: Copy, b: Copy) {
  const a = await z.call('agreements.propose', convenantTerms([z.gemeente, h.gemeente, b.gemeente], 2027));
  await send(z, h, b);
  for (const c of [h, b]) {
    const seen = await c.call('agreements.get', { id: a.id });
    expect(seen.signedByAll).toBe(false);
    await c.call('agreements.sign', { id: a.id, contentHash: seen.contentHash });
    await send(c, z);
  }
  await send(z, h, b);
  return a.id;
}

async function grandPrix(z: Copy) {
  const ev = await z.call('events.create', {
    name: 'Dutch Grand Prix',
    place: 'Circuit Zandvoort / boulevard',
    start: '2027-08-27T10:00',
    end: '2027-08-30T00:30',
    risk: 'C',
    visitors: 105000,
    status: 'vergund',
  });
  const shifts = [];
  for (const day of ['2027-08-27', '2027-08-28', '2027-08-29']) {
    const next = new Date(`${day}T12:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    shifts.push(await z.call('shifts.create', { eventId: ev.id, start: `${day}T10:00`, end: `${day}T18:00`, role: 'toezicht', needed: 12, inPairs: true }));
    shifts.push(await z.call('shifts.create', { eventId: ev.id, start: `${day}T16:00`, end: `${next.toISOString().slice(0, 10)}T00:30`, role: 'toezicht', needed: 12, inPairs: true }));
  }
  return { ev, shifts };
}

describe('the convenant', () => {
  it('is in force once all three signatures on the same version reached every copy; a revision needs new ones', async () => {
    const [z, h, b] = await region(ZANDVOORT, HEEMSTEDE, BLOEMENDAAL);
    const id = await convenant(z, h, b);
    for (const c of [z, h, b]) expect((await c.call('agreements.get', { id })).signedByAll).toBe(true);
    expect(await z.hash()).toBe(await h.hash());
    const revised = await z.call('agreements.revise', { id, terms: { ...convenantTerms([z.gemeente, h.gemeente, b.gemeente], 2027), capHoursPerMonth: 100 } });
    expect(revised.signedByAll).toBe(false);
    await send(z, h);
    const atH = await h.call('agreements.get', { id });
    expect(atH.signatures.find((s) => s.gemeente === 'GM0397')?.contentHash).not.toBe(atH.contentHash);
    // Signing a version one did not read is refused.
    await expect(h.call('agreements.sign', { id, contentHash: 'a'.repeat(64) })).rejects.toMatchObject({ code: 'refused' });
  });
});

describe('the Grand Prix', () => {
  it('Zandvoort asks, Heemstede commits with the rest warning handled and declines one shift, Zandvoort sees staffing and costs', async () => {
    const [z, h, b] = await region(ZANDVOORT, HEEMSTEDE, BLOEMENDAAL);
    const agreementId = await convenant(z, h, b);
    const { shifts } = await grandPrix(z);
    const [, satLate, sunEarly, sunLate] = [shifts[0]!, shifts[3]!, shifts[4]!, shifts[5]!];
    const reqSatLate = await z.call('requests.create', { shiftId: satLate.id, provider: h.gemeente, agreementId, count: 4 });
    const reqSunEarly = await z.call('requests.create', { shiftId: sunEarly.id, provider: h.gemeente, agreementId, count: 4 });
    const reqSunLate = await z.call('requests.create', { shiftId: sunLate.id, provider: h.gemeente, agreementId, count: 4 });
    expect(reqSatLate.escalation.needed).toBe(false);
    await send(z, h);

    const inbox = await h.call('requests.list', { direction: 'in' });
    expect(inbox.map((r) => r.id).sort()).toEqual([reqSatLate.id, reqSunEarly.id, reqSunLate.id].sort());
    const team = [];
    for (const name of ['Sanne de Vries', 'Daan Jansen', 'Fatima el Amrani', 'Joost Bakker', 'Noor Visser', 'Bram Smit']) team.push(await officer(h, name));
    await h.call('requests.commit', { id: reqSatLate.id, officerIds: team.slice(0, 4).map((o) => o.id) });
    // Saturday's late shift ends 00:30, Sunday's early starts 10:00: 9 h 30 rest. A warning: needs a reason.
    await expect(h.call('requests.commit', { id: reqSunEarly.id, officerIds: [team[0]!.id] })).rejects.toMatchObject({
      code: 'refused',
      message: expect.stringMatching(/reden nodig.*9 u 30/),
    });
    // Heemstede picks others instead, and declines Sunday's late shift with a reason.
    await h.call('requests.commit', { id: reqSunEarly.id, officerIds: [team[4]!.id, team[5]!.id] });
    await h.call('requests.decline', { id: reqSunLate.id, reason: 'Eigen evenement in Heemstede op zondagavond.' });
    await send(h, z);

    const out = await z.call('requests.list', { direction: 'out' });
    expect(out.find((r) => r.id === reqSatLate.id)).toMatchObject({ status: 'committed', committed: 4 });
    expect(out.find((r) => r.id === reqSunEarly.id)).toMatchObject({ status: 'partly', committed: 2 });
    expect(out.find((r) => r.id === reqSunLate.id)).toMatchObject({ status: 'declined', answer: { reason: expect.stringContaining('Eigen evenement') } });
    const statement = await z.call('settlement.get', { from: '2027-08-01', to: '2027-08-31' });
    const pair = statement.pairs.find((p) => p.provider === 'GM0397' && p.host === 'GM0473');
    // 4 officers x 8.5 h on Saturday evening/night + 2 x 8 h on Sunday morning = 50 h.
    expect(pair?.hours).toBeCloseTo(50, 5);
    expect(pair?.amountCents).toBeGreaterThan(50 * 6800);
    expect(await z.hash()).toBe(await h.hash());
    // Private details never travelled.
    const seen = await z.call('officers.get', { id: team[0]!.id });
    expect(seen).not.toHaveProperty('phone');
    expect(JSON.stringify(z.ctx.db().prepare('SELECT * FROM officer_private').all())).not.toContain('BOA-123');
  });

  it('flags a request beyond the mandate for the teamleider and blocks commitments until approved', async () => {
    const [z, h, b] = await region(ZANDVOORT, HEEMSTEDE, BLOEMENDAAL);
    const agreementId = await convenant(z, h, b);
    const { shifts } = await grandPrix(z);
    const big = await z.call('requests.create', { shiftId: shifts[0]!.id, provider: h.gemeente, agreementId, count: 6 });
    expect(big.escalation).toMatchObject({ needed: true, role: 'teamleider handhaving', approvedBy: null });
    await send(z, h);
    const o = await officer(h, 'Lotte Meijer');
    await expect(h.call('requests.commit', { id: big.id, officerIds: [o.id] })).rejects.toMatchObject({ code: 'refused' });
    await z.call('requests.approve', { id: big.id, approvedBy: 'J. de Boer, teamleider handhaving' });
    await send(z, h);
    const r = await h.call('requests.commit', { id: big.id, officerIds: [o.id] });
    expect(r.request.committed).toBe(1);
  });
});

describe('a cancelled beach party', () => {
  it('shows Zandvoort a conflict, frees its officers, keeps everything, and the audit trail says who cancelled', async () => {
    const [z, h, b] = await region(ZANDVOORT, HEEMSTEDE, BLOEMENDAAL);
    const agreementId = await convenant(z, h, b);
    const party = await b.call('events.create', { name: 'Beach party Bloemendaal', place: 'Strand Bloemendaal', start: '2027-07-10T14:00', end: '2027-07-11T01:00', risk: 'B' });
    const shift = await b.call('shifts.create', { eventId: party.id, start: '2027-07-10T18:00', end: '2027-07-11T01:00', role: 'toezicht', needed: 4, inPairs: true });
    const req = await b.call('requests.create', { shiftId: shift.id, provider: z.gemeente, agreementId, count: 2 });
    await send(b, z);
    const pair = [await officer(z, 'Iris Mulder'), await officer(z, 'Thijs Bos')];
    await z.call('requests.commit', { id: req.id, officerIds: pair.map((o) => o.id) });
    await send(z, b);
    expect(await z.call('conflicts.list', {})).toEqual([]);

    await b.call('shifts.cancel', { id: shift.id });
    const preview = await z.call('exchange.preview', { path: await b.exportTo([z]) });
    expect(preview.conflicts.map((c) => c.message)).toEqual([expect.stringMatching(/^Dienst geannuleerd door Bloemendaal .* uw 2 toezeggingen vervallen\.$/)]);
    await send(b, z);
    const conflicts = await z.call('conflicts.list', {});
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ kind: 'commitment_lapsed', resolvableBy: 'GM0473' });
    // The officers are free again: no violation, no assignment on the cancelled shift.
    const settlement = await z.call('settlement.get', { from: '2027-07-01', to: '2027-07-31' });
    expect(settlement.lines).toEqual([]);
    // Nothing deleted; the audit trail shows who cancelled and when.
    expect((await z.call('shifts.list', { eventId: party.id }))[0]).toMatchObject({ cancelled: true });
    const audit = await z.call('audit.get', { id: shift.id });
    expect(audit.map((a) => [a.gemeenteName, a.op])).toEqual([
      ['Bloemendaal', 'shift.create'],
      ['Bloemendaal', 'shift.update'],
    ]);
    expect(audit[1]!.set).toEqual({ cancelled: true });
    // Bloemendaal cannot resolve Zandvoort's conflict; Zandvoort can, with a signed change.
    await expect(b.call('conflicts.resolve', { key: conflicts[0]!.key })).rejects.toMatchObject({ code: 'refused' });
    await z.call('conflicts.resolve', { key: conflicts[0]!.key });
    expect(await z.call('conflicts.list', {})).toEqual([]);
    await send(z, b);
    expect(await b.hash()).toBe(await z.hash());
  });

  it('refuses a partner changing the host’s shift', async () => {
    const [z, b] = await region(ZANDVOORT, BLOEMENDAAL);
    const party = await b.call('events.create', { name: 'Beach party', place: 'Strand', start: '2027-07-10T14:00', end: '2027-07-11T01:00', risk: 'B' });
    const shift = await b.call('shifts.create', { eventId: party.id, start: '2027-07-10T18:00', end: '2027-07-11T01:00', role: 'toezicht', needed: 4, inPairs: true });
    await send(b, z);
    await expect(z.call('shifts.cancel', { id: shift.id })).rejects.toMatchObject({ code: 'refused', message: expect.stringContaining('Bloemendaal') });
  });
});

describe('rules after an import', () => {
  it('shows a double booking that a host’s change caused across gemeenten, and keeps an absence reason private', async () => {
    const [z, h, b] = await region(ZANDVOORT, HEEMSTEDE, BLOEMENDAAL);
    const agreementId = await convenant(z, h, b);
    const party = await b.call('events.create', { name: 'Beach party', place: 'Strand Bloemendaal', start: '2027-07-10T12:00', end: '2027-07-11T01:00', risk: 'B' });
    const bShift = await b.call('shifts.create', { eventId: party.id, start: '2027-07-10T12:00', end: '2027-07-10T16:00', role: 'toezicht', needed: 2, inPairs: false });
    const market = await h.call('events.create', { name: 'Zomermarkt', place: 'Raadhuisplein', start: '2027-07-12T16:00', end: '2027-07-12T23:00', risk: 'A' });
    const hShift = await h.call('shifts.create', { eventId: market.id, start: '2027-07-12T17:00', end: '2027-07-12T22:00', role: 'toezicht', needed: 2, inPairs: false });
    const rb = await b.call('requests.create', { shiftId: bShift.id, provider: z.gemeente, agreementId, count: 1 });
    const rh = await h.call('requests.create', { shiftId: hShift.id, provider: z.gemeente, agreementId, count: 1 });
    await send(b, z);
    await send(h, z);
    const iris = await officer(z, 'Iris Mulder');
    await z.call('requests.commit', { id: rb.id, officerIds: [iris.id] });
    await z.call('requests.commit', { id: rh.id, officerIds: [iris.id] });
    expect(await z.call('violations.list', {})).toEqual([]);
    await send(z, b);
    // Bloemendaal moves its shift to the evening of the 12th: Iris is now booked twice.
    await b.call('shifts.update', {
      id: bShift.id,
      fields: { eventId: party.id, start: '2027-07-12T15:00', end: '2027-07-12T19:00', role: 'toezicht', needed: 2, inPairs: false, qualifications: [] },
    });
    const preview = await z.call('exchange.preview', { path: await b.exportTo([z]) });
    expect(preview.violations.map((v) => v.code)).toContain('OFFICER_DOUBLE_BOOKED');
    await send(b, z);
    const violations = await z.call('violations.list', {});
    expect(violations.find((v) => v.code === 'OFFICER_DOUBLE_BOOKED')?.message).toContain('Iris Mulder');

    // An absence blocks new commitments; its reason stays on Zandvoort's laptop.
    const thijs = await officer(z, 'Thijs Bos');
    await z.call('absences.create', { officerId: thijs.id, start: '2027-07-12T00:00', end: '2027-07-13T00:00', reason: 'Ziek gemeld' });
    const rb2 = await b.call('requests.create', { shiftId: bShift.id, provider: z.gemeente, agreementId, count: 1 });
    await send(b, z);
    await expect(z.call('requests.commit', { id: rb2.id, officerIds: [thijs.id] })).rejects.toMatchObject({ code: 'refused' });
    await send(z, b);
    const atB = await b.call('absences.list', {});
    expect(atB).toHaveLength(1);
    expect(atB[0]).not.toHaveProperty('reason');
    expect(b.ctx.db().prepare('SELECT count(*) AS n FROM absence_private').get()).toEqual({ n: 0 });
  });
});
