// The queries behind Verzoeken, Capaciteit and Afspraken, on real copies exchanging real plan files:
// candidates with the rules' verdict, requests with their commitments, capacity per day, use against caps.
import { regionWerkgebied } from '../../../../shared/domain/gemeenten';
import { describe, expect, it } from 'vitest';
import type { Copy } from '../exchange/copies';
import { region, ZANDVOORT, HEEMSTEDE } from '../exchange/copies';
import { convenantTerms } from '../../../../main/generate/demo';

async function send(from: Copy, ...to: Copy[]): Promise<void> {
  for (const t of to) await t.importFile(await from.exportTo([t]));
}

const boa = (territory: string[], akteValidUntil = '2029-01-01') => ({
  domain: 'I' as const,
  akteValidUntil,
  territory,
  force: ['handboeien' as const],
  trafficAppointed: null,
});

async function officer(c: Copy, name: string, akteValidUntil?: string) {
  return c.call('officers.create', { name, qualifications: boa(regionWerkgebied(c.gemeente), akteValidUntil), contractHours: 36 });
}

/** Zandvoort and Heemstede under a signed convenant; Zandvoort's Grand Prix with a late and an early shift. */
async function grandPrix() {
  const [z, h] = await region(ZANDVOORT, HEEMSTEDE);
  const a = await z.call('agreements.propose', convenantTerms([z.gemeente, h.gemeente], 2027));
  await send(z, h);
  await h.call('agreements.sign', { id: a.id, contentHash: a.contentHash });
  await send(h, z);
  const ev = await z.call('events.create', { name: 'Dutch Grand Prix', place: 'Circuit Zandvoort', start: '2027-08-28T10:00', end: '2027-08-29T18:00', risk: 'C' });
  const satLate = await z.call('shifts.create', { eventId: ev.id, start: '2027-08-28T16:00', end: '2027-08-29T00:30', role: 'toezicht', needed: 4 });
  const sunEarly = await z.call('shifts.create', { eventId: ev.id, start: '2027-08-29T10:00', end: '2027-08-29T18:00', role: 'toezicht', needed: 4 });
  const late = await z.call('requests.create', { shiftId: satLate.id, provider: h.gemeente, agreementId: a.id, count: 2 });
  const early = await z.call('requests.create', { shiftId: sunEarly.id, provider: h.gemeente, agreementId: a.id, count: 2 });
  await send(z, h);
  return { z, h, agreementId: a.id, ev, satLate, sunEarly, late, early };
}

describe('requests.candidates', () => {
  it('offers the free and qualified first, then those with a warning, then the blocked ones with the reason', async () => {
    const { h, late, early } = await grandPrix();
    const sanne = await officer(h, 'Sanne de Vries');
    const daan = await officer(h, 'Daan Jansen');
    const expired = await officer(h, 'Anouk Dekker', '2027-06-30');
    const noor = await officer(h, 'Noor Visser');
    await h.call('officers.update', { id: noor.id, fields: { name: 'Noor Visser', qualifications: boa(regionWerkgebied(h.gemeente)), contractHours: 36, active: false } });
    await h.call('requests.commit', { id: late.id, officerIds: [sanne.id] });

    const list = await h.call('requests.candidates', { id: early.id });
    expect(list.map((c) => c.officer.name)).toEqual(['Daan Jansen', 'Sanne de Vries', 'Anouk Dekker']);
    expect(list[0]).toMatchObject({ officer: { id: daan.id }, blocking: [], warnings: [] });
    expect(list[1]!.blocking).toEqual([]);
    expect(list[1]!.warnings.map((v) => v.message)).toEqual([expect.stringContaining('9 u 30')]);
    expect(list[2]!.officer.id).toBe(expired.id);
    expect(list[2]!.blocking.map((v) => v.code)).toEqual(['AKTE_EXPIRED']);

    // Already committed officers are not offered again for the same request.
    expect((await h.call('requests.candidates', { id: late.id })).map((c) => c.officer.name)).not.toContain('Sanne de Vries');
    // The verdict is the one requests.commit reaches: with a reason for the warning, Sanne can be committed.
    const code = list[1]!.warnings[0]!.code;
    const done = await h.call('requests.commit', { id: early.id, officerIds: [sanne.id], reasons: { [sanne.id]: { [code]: 'Alleen zij kent het parcours.' } } });
    expect(done.request.committed).toBe(1);
  });

  it('is for the provider only', async () => {
    const { z, early } = await grandPrix();
    await expect(z.call('requests.candidates', { id: early.id })).rejects.toMatchObject({ code: 'refused' });
  });
});

describe('requests.overview', () => {
  it('lists each request with its shift, event, agreement and the officers committed to it', async () => {
    const { z, h, late, early } = await grandPrix();
    const sanne = await officer(h, 'Sanne de Vries');
    await h.call('requests.commit', { id: late.id, officerIds: [sanne.id] });
    const inbox = await h.call('requests.overview', { direction: 'in' });
    const row = inbox.find((r) => r.id === late.id);
    expect(row).toMatchObject({
      status: 'partly',
      shift: { start: '2027-08-28T16:00', end: '2027-08-29T00:30', role: 'toezicht' },
      event: { name: 'Dutch Grand Prix', risk: 'C' },
      agreementTitle: 'Convenant handhaving evenementen 2027',
      commitments: [{ officerId: sanne.id, officerName: 'Sanne de Vries' }],
    });
    expect(inbox.find((r) => r.id === early.id)?.commitments).toEqual([]);
    expect(await h.call('requests.overview', { direction: 'out' })).toEqual([]);
    await send(h, z);
    const outbox = await z.call('requests.overview', { direction: 'out' });
    expect(outbox.find((r) => r.id === late.id)?.commitments.map((c) => c.officerName)).toEqual(['Sanne de Vries']);
  });

  it('marks escalation exactly as requests.list does: beyond the mandate, with the role, and the approval', async () => {
    const { z, ev, agreementId } = await grandPrix();
    const shift = await z.call('shifts.create', { eventId: ev.id, start: '2027-08-29T16:00', end: '2027-08-30T00:30', role: 'toezicht', needed: 8 });
    const big = await z.call('requests.create', { shiftId: shift.id, provider: 'GM0397', agreementId, count: 6 });
    await z.call('requests.approve', { id: big.id, approvedBy: 'J. de Boer, teamleider handhaving' });
    const listed = await z.call('requests.list', { direction: 'out' });
    const overview = await z.call('requests.overview', { direction: 'out' });
    expect(overview.map((r) => [r.id, r.escalation])).toEqual(listed.map((r) => [r.id, r.escalation]));
    expect(overview.find((r) => r.id === big.id)?.escalation).toMatchObject({ needed: true, role: 'teamleider handhaving', approvedBy: 'J. de Boer, teamleider handhaving' });
  });
});

describe('capacity.get', () => {
  it('shows own officers per day as available, committed (where) or absent, and partners on our events', async () => {
    const { z, h, late } = await grandPrix();
    const sanne = await officer(h, 'Sanne de Vries');
    const daan = await officer(h, 'Daan Jansen');
    await officer(h, 'Bram Smit', '2027-08-28'); // akte valid up to and including Saturday
    await h.call('requests.commit', { id: late.id, officerIds: [sanne.id] });
    await h.call('absences.create', { officerId: daan.id, start: '2027-08-29T00:00', end: '2027-08-30T00:00', reason: 'Verlof' });

    const view = await h.call('capacity.get', { from: '2027-08-27', to: '2027-08-30' });
    expect(view.days).toEqual(['2027-08-27', '2027-08-28', '2027-08-29', '2027-08-30']);
    const states = Object.fromEntries(view.officers.map((o) => [o.name, o.cells.map((c) => c.state)]));
    expect(states).toEqual({
      'Bram Smit': ['available', 'available', 'no_akte', 'no_akte'],
      'Daan Jansen': ['available', 'available', 'absent', 'available'],
      'Sanne de Vries': ['available', 'committed', 'available', 'available'],
    });
    expect(view.officers.find((o) => o.id === sanne.id)!.cells[1]!.work).toEqual([
      { eventId: expect.any(String), eventName: 'Dutch Grand Prix', host: 'GM0473', start: '2027-08-28T16:00', end: '2027-08-29T00:30' },
    ]);
    expect(view.partners.flat()).toEqual([]);

    // Zandvoort sees Heemstede's officer on its own event, once the commitment arrived.
    await send(h, z);
    const atZ = await z.call('capacity.get', { from: '2027-08-27', to: '2027-08-30' });
    expect(atZ.officers).toEqual([]);
    expect(atZ.partners[1]).toEqual([expect.objectContaining({ officerName: 'Sanne de Vries', employer: 'GM0397', eventName: 'Dutch Grand Prix' })]);
  });

  it('refuses a period that ends before it starts', async () => {
    const [z] = await region(ZANDVOORT);
    await expect(z.call('capacity.get', { from: '2027-08-30', to: '2027-08-01' })).rejects.toMatchObject({ code: 'invalid_argument' });
  });
});

describe('agreements.usage', () => {
  it('counts the hours each provider lends per month under the agreement, against the cap', async () => {
    const { h, late, early, agreementId } = await grandPrix();
    const team = [await officer(h, 'Sanne de Vries'), await officer(h, 'Daan Jansen'), await officer(h, 'Bram Smit')];
    await h.call('requests.commit', { id: late.id, officerIds: [team[0]!.id, team[1]!.id] });
    await h.call('requests.commit', { id: early.id, officerIds: [team[2]!.id] });
    // 2 x 8.5 h + 1 x 8 h in August 2027.
    expect(await h.call('agreements.usage', { id: agreementId })).toEqual([{ agreementId, provider: 'GM0397', month: '2027-08', minutes: 25 * 60, capHours: 120 }]);
    expect(await h.call('agreements.usage', {})).toHaveLength(1);
  });
});
