// The two escalation computations (main/domain/escalation.ts) mark the same requests: the clear one that asks
// the request rules, as requests.list and the event screen show it, and the fast one with one lookup table,
// as the Verzoeken screen (requests.overview) shows it. Generated agreements, shifts and requests first, then
// generated requests on a real copy through both api methods.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AgreementRecord } from '../../../../shared/domain/agreement';
import type { RequestRecord } from '../../../../shared/domain/request';
import type { ShiftRecord } from '../../../../shared/domain/shift';
import { escalationByRules, escalationTable } from '../../../../main/domain/escalation';
import { convenantTerms } from '../../../../main/generate/common';
import { region, ZANDVOORT, HEEMSTEDE } from '../exchange/copies';

const GEMEENTEN = ['GM0473', 'GM0397', 'GM0392'];
const ROLES = ['teamleider handhaving', 'afdelingshoofd VTH'];

const mandate = fc.record({
  maxOfficers: fc.integer({ min: 0, max: 8 }),
  maxHours: fc.option(fc.integer({ min: 0, max: 80 }), { nil: null }),
  escalateTo: fc.constantFrom(...ROLES),
});

/** Up to three agreements with ids ag0, ag1, …, each with its own mandate; signed or not. */
const agreements = fc.array(fc.tuple(mandate, fc.boolean()), { maxLength: 3 }).map((list) =>
  list.map(([m, signed], i): AgreementRecord => ({
    ...convenantTerms(GEMEENTEN.slice(0, 2), 2027),
    mandate: m,
    id: `GM0473.ag.${i}`,
    proposer: 'GM0473',
    contentHash: 'h',
    signatures: signed ? GEMEENTEN.slice(0, 2).map((g) => ({ gemeente: g, contentHash: 'h', signedAt: '2027-01-02T10:00:00.000Z', terminateFrom: null })) : [],
    signedByAll: signed,
    terminatedFrom: null,
  })),
);

const pad = (n: number) => String(n).padStart(2, '0');
/** Shifts of up to 30 hours, some across the nights the clocks change (real minutes differ from clock minutes). */
const shift = fc
  .record({
    day: fc.constantFrom('2027-03-27', '2027-03-28', '2027-08-28', '2027-10-30', '2027-10-31', '2027-12-31'),
    hour: fc.integer({ min: 0, max: 23 }),
    minutes: fc.integer({ min: 15, max: 30 * 60 }),
  })
  .map(({ day, hour, minutes }): ShiftRecord => {
    const start = new Date(`${day}T${pad(hour)}:00Z`);
    const end = new Date(start.getTime() + minutes * 60_000);
    const local = (d: Date) => d.toISOString().slice(0, 16);
    return { id: 'GM0473.sh.1', host: 'GM0473', eventId: 'GM0473.ev.1', start: local(start), end: local(end), role: 'toezicht', needed: 8, inPairs: false, qualifications: [], cancelled: false };
  });

const request = fc
  .record({
    host: fc.constantFrom(...GEMEENTEN),
    provider: fc.constantFrom(...GEMEENTEN),
    agreementId: fc.constantFrom(null, 'GM0473.ag.0', 'GM0473.ag.1', 'GM0473.ag.2', 'GM0473.ag.9'),
    count: fc.integer({ min: 1, max: 12 }),
    approvedBy: fc.constantFrom(null, 'J. de Boer'),
  })
  .map(({ host, provider, agreementId, count, approvedBy }): RequestRecord => ({
    id: 'GM0473.rq.1',
    host,
    shiftId: 'GM0473.sh.1',
    provider,
    agreementId,
    count,
    note: '',
    withdrawn: false,
    escalation: { needed: false, role: null, approvedBy, approvedAt: approvedBy ? '2027-08-01T09:00:00.000Z' : null },
    answer: null,
    committed: 0,
    status: 'open',
  }));

describe('escalation, clear and fast', () => {
  it('agree on every generated agreement, shift and request, and both mark some and leave others', () => {
    const seen = { needed: 0, not: 0 };
    fc.assert(
      fc.property(agreements, fc.option(shift, { nil: undefined }), request, (list, s, r) => {
        const clear = escalationByRules(list, s, r);
        expect(escalationTable(list)(s, r)).toEqual(clear);
        // The approval is kept as it was; only needed and role are decided.
        expect(clear.approvedBy).toBe(r.escalation.approvedBy);
        if (clear.needed) seen.needed++;
        else seen.not++;
      }),
      { numRuns: 1500 },
    );
    expect(seen.needed).toBeGreaterThan(50);
    expect(seen.not).toBeGreaterThan(50);
  });

  it('mark a request beyond the mandate with the role the agreement names', () => {
    const [a] = fc.sample(
      agreements.filter((l) => l.length > 0),
      { numRuns: 1, seed: 7 },
    )[0]!;
    const tight = { ...a!, mandate: { maxOfficers: 2, maxHours: null, escalateTo: 'teamleider handhaving' } };
    const [s] = fc.sample(shift, { numRuns: 1, seed: 7 });
    const [r] = fc.sample(request, { numRuns: 1, seed: 7 });
    const beyond = { ...r!, host: 'GM0473', provider: 'GM0397', agreementId: tight.id, count: 3 };
    for (const mark of [escalationByRules([tight], s, beyond), escalationTable([tight])(s, beyond)]) expect(mark).toMatchObject({ needed: true, role: 'teamleider handhaving' });
    for (const mark of [escalationByRules([tight], s, { ...beyond, count: 2 }), escalationTable([tight])(s, { ...beyond, count: 2 })]) expect(mark.needed).toBe(false);
  });
});

describe('requests.list and requests.overview', () => {
  it('show the same escalation for requests of every size and length on a real copy', async () => {
    const [z, h] = await region(ZANDVOORT, HEEMSTEDE);
    const terms = { ...convenantTerms([z.gemeente, h.gemeente], 2027), capHoursPerMonth: 100_000, mandate: { maxOfficers: 3, maxHours: 19, escalateTo: 'teamleider handhaving' } };
    const a = await z.call('agreements.propose', terms);
    await h.importFile(await z.exportTo([h]));
    await h.call('agreements.sign', { id: a.id, contentHash: a.contentHash });
    await z.importFile(await h.exportTo([z]));
    const ev = await z.call('events.create', { name: 'Bloemencorso', place: 'Zandvoort', start: '2027-10-30T08:00', end: '2027-10-31T20:00', risk: 'B' });
    // Shifts of 4, 7 and 9 hours, the last across the night the clocks go back (10 real hours).
    const shifts = [
      await z.call('shifts.create', { eventId: ev.id, start: '2027-10-30T08:00', end: '2027-10-30T12:00', role: 'toezicht', needed: 12 }),
      await z.call('shifts.create', { eventId: ev.id, start: '2027-10-30T13:00', end: '2027-10-30T20:00', role: 'toezicht', needed: 12 }),
      await z.call('shifts.create', { eventId: ev.id, start: '2027-10-30T22:00', end: '2027-10-31T07:00', role: 'toezicht', needed: 12 }),
    ];
    for (const s of shifts) {
      for (const count of [1, 2, 3, 4, 6]) await z.call('requests.create', { shiftId: s.id, provider: h.gemeente, agreementId: a.id, count });
      await z.call('requests.create', { shiftId: s.id, provider: z.gemeente, agreementId: null, count: 6 });
    }
    const listed = await z.call('requests.list', { direction: 'out' });
    const overview = await z.call('requests.overview', { direction: 'out' });
    expect(overview.map((r) => [r.id, r.escalation])).toEqual(listed.map((r) => [r.id, r.escalation]));
    // At most 3 officers and 19 officer-hours: 4 h from 4 officers; 7 h from 3 (21 h); the night that lasts 10
    // real hours from 2 (20 h, where the clock shows 18). Own staffing never.
    expect(
      listed
        .filter((r) => r.escalation.needed)
        .map((r) => `${shifts.findIndex((s) => s.id === r.shiftId)}:${r.count}`)
        .sort(),
    ).toEqual(['0:4', '0:6', '1:3', '1:4', '1:6', '2:2', '2:3', '2:4', '2:6']);
  });
});
