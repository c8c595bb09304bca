// The Kalender and Evenement queries (calendar.range, events.plan) and copies as templates (events.copy,
// shifts.copy), through the api on real SQLite files, with a partner's commitments arriving in a plan file.
import { regionWerkgebied } from '../../../../shared/domain/gemeenten';
import { describe, expect, it } from 'vitest';
import { Copy, region, HEEMSTEDE, ZANDVOORT } from '../exchange/copies';
import { convenantTerms } from '../../../../main/generate/demo';

const boa = (territory: string[]) => ({ domain: 'I' as const, akteValidUntil: '2029-01-01', territory, force: ['handboeien' as const], trafficAppointed: null });

async function officers(c: Copy, names: string[]) {
  const out = [];
  for (const name of names) out.push(await c.call('officers.create', { name, qualifications: boa(regionWerkgebied(c.gemeente)), contractHours: 36 }));
  return out;
}

async function beachParty(z: Copy) {
  const ev = await z.call('events.create', { name: 'Strandfeest 2027', place: 'Strand Zandvoort', start: '2027-07-10T14:00', end: '2027-07-11T02:00', risk: 'B', visitors: 3500, status: 'vergund' });
  const early = await z.call('shifts.create', { eventId: ev.id, start: '2027-07-10T14:00', end: '2027-07-10T22:00', role: 'toezicht', needed: 4, inPairs: true });
  const late = await z.call('shifts.create', { eventId: ev.id, start: '2027-07-10T20:00', end: '2027-07-11T02:00', role: 'toezicht', needed: 2, inPairs: true });
  return { ev, early, late };
}

describe('calendar.range', () => {
  it('gives each event overlapping the period its staffing: needed, committed, open requests, shifts short', async () => {
    const z = await new Copy(...ZANDVOORT).init();
    const { ev, early, late } = await beachParty(z);
    const other = await z.call('events.create', { name: 'Braderie', place: 'Centrum', start: '2027-09-04T09:00', end: '2027-09-04T17:00', risk: 'A', status: 'concept' });
    const team = await officers(z, ['Sanne de Vries', 'Daan Jansen', 'Noor Visser']);
    const own = await z.call('requests.create', { shiftId: early.id, provider: z.gemeente, count: 4 });
    await z.call('requests.commit', { id: own.id, officerIds: team.map((o) => o.id) });

    const july = await z.call('calendar.range', { from: '2027-07-01', to: '2027-07-31' });
    expect(july.map((e) => e.id)).toEqual([ev.id]);
    // 3 of 4 on the early shift and nobody on the late one; the own request for 4 is still open (3 of 4).
    expect(july[0]!.staffing).toEqual({ shifts: 2, needed: 6, committed: 3, openRequests: 1, shiftsShort: 2 });

    // An event that runs past midnight shows on the day it ends too; an event outside the period does not.
    expect((await z.call('calendar.range', { from: '2027-07-11', to: '2027-07-11' })).map((e) => e.id)).toEqual([ev.id]);
    expect((await z.call('calendar.range', { from: '2027-07-12', to: '2027-08-31' })).map((e) => e.id)).toEqual([]);
    const year = await z.call('calendar.range', { from: '2027-01-01', to: '2027-12-31' });
    expect(year.map((e) => e.id)).toEqual([ev.id, other.id]);
    expect(year[1]!.staffing).toEqual({ shifts: 0, needed: 0, committed: 0, openRequests: 0, shiftsShort: 0 });

    // A cancelled shift no longer counts; the last officer fills the early shift.
    await z.call('shifts.cancel', { id: late.id });
    const more = await officers(z, ['Bram Smit']);
    await z.call('requests.commit', { id: own.id, officerIds: [more[0]!.id] });
    const after = await z.call('calendar.range', { from: '2027-07-10', to: '2027-07-10' });
    expect(after[0]!.staffing).toEqual({ shifts: 1, needed: 4, committed: 4, openRequests: 0, shiftsShort: 0 });
  });
});

describe('events.plan', () => {
  it('shows per shift the committed officers of every gemeente, the requests and the mandate escalation', async () => {
    const [z, h] = await region(ZANDVOORT, HEEMSTEDE);
    const a = await z.call('agreements.propose', convenantTerms([z.gemeente, h.gemeente], 2027));
    await h.importFile(await z.exportTo([h]));
    await h.call('agreements.sign', { id: a.id, contentHash: (await h.call('agreements.get', { id: a.id })).contentHash });
    await z.importFile(await h.exportTo([z]));

    const { ev, early, late } = await beachParty(z);
    const asked = await z.call('requests.create', { shiftId: early.id, provider: h.gemeente, agreementId: a.id, count: 2 });
    const big = await z.call('requests.create', { shiftId: late.id, provider: h.gemeente, agreementId: a.id, count: 6 });
    await h.importFile(await z.exportTo([h]));
    const team = await officers(h, ['Fatima el Amrani', 'Joost Bakker']);
    await h.call('requests.commit', { id: asked.id, officerIds: team.map((o) => o.id) });
    await z.importFile(await h.exportTo([z]));

    const plan = await z.call('events.plan', { id: ev.id });
    expect(plan.event.name).toBe('Strandfeest 2027');
    expect(plan.shifts.map((s) => s.id)).toEqual([early.id, late.id]);
    const [first, second] = plan.shifts;
    expect(first!.committed).toBe(2);
    expect(first!.officers.map((o) => [o.name, o.employer])).toEqual([
      ['Fatima el Amrani', 'GM0397'],
      ['Joost Bakker', 'GM0397'],
    ]);
    expect(first!.requests).toMatchObject([{ id: asked.id, status: 'committed', committed: 2 }]);
    expect(second!.requests).toMatchObject([{ id: big.id, status: 'open', escalation: { needed: true, role: 'teamleider handhaving' } }]);
    expect(plan.staffing).toEqual({ shifts: 2, needed: 6, committed: 2, openRequests: 1, shiftsShort: 2 });
    // The calendar tells the same story.
    const [summary] = await z.call('calendar.range', { from: '2027-07-10', to: '2027-07-10' });
    expect(summary!.staffing).toEqual(plan.staffing);
    // The event's rule violations, from a slice of the plan, are those of the whole plan that concern it.
    const ids = new Set([ev.id, ...plan.shifts.flatMap((x) => [x.id, ...x.requests.map((r) => r.id), ...x.officers.map((o) => o.commitmentId)])]);
    const expected = (await z.call('violations.list', {})).filter((v) => v.records.some((r) => ids.has(r)));
    const found = await z.call('events.violations', { id: ev.id });
    expect(found.map((v) => v.code)).toContain('MANDATE_EXCEEDED');
    expect(found).toEqual(expected);
  });

  it('refuses an event this copy does not know', async () => {
    const z = await new Copy(...ZANDVOORT).init();
    await expect(z.call('events.plan', { id: 'GM0473.ev.aaaaaaaaaaaaaaaa' })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('copies as templates', () => {
  it("copies an event to next year's date with every shift moved by the same offset, as one new entry", async () => {
    const z = await new Copy(...ZANDVOORT).init();
    const { ev, early, late } = await beachParty(z);
    const cancelled = await z.call('shifts.create', { eventId: ev.id, start: '2027-07-10T10:00', end: '2027-07-10T12:00', role: 'coordinatie', needed: 1 });
    await z.call('shifts.cancel', { id: cancelled.id });
    const entries = z.count('entries');

    // 364 days later: the same weekday (Saturday 8 July 2028), across no DST change in wall-clock terms.
    const copy = await z.call('events.copy', { id: ev.id, start: '2028-07-08T14:00', name: 'Strandfeest 2028' });
    expect(z.count('entries')).toBe(entries + 1);
    expect(copy).toMatchObject({
      name: 'Strandfeest 2028',
      place: 'Strand Zandvoort',
      start: '2028-07-08T14:00',
      end: '2028-07-09T02:00',
      risk: 'B',
      visitors: 3500,
      status: 'concept',
      host: 'GM0473',
    });
    expect(copy.id).not.toBe(ev.id);
    const shifts = await z.call('shifts.list', { eventId: copy.id });
    expect(shifts.map((s) => [s.start, s.end, s.needed, s.role, s.inPairs])).toEqual([
      ['2028-07-08T14:00', '2028-07-08T22:00', early.needed, 'toezicht', true],
      ['2028-07-08T20:00', '2028-07-09T02:00', late.needed, 'toezicht', true],
    ]);
    // The original is untouched.
    expect((await z.call('shifts.list', { eventId: ev.id })).length).toBe(3);
  });

  it('copies one shift to the next day, as long as the original, and keeps wall-clock times across DST', async () => {
    const z = await new Copy(...ZANDVOORT).init();
    const ev = await z.call('events.create', { name: 'Herfstmarkt', place: 'Centrum', start: '2027-10-30T09:00', end: '2027-10-31T17:00', risk: 'A' });
    const saturday = await z.call('shifts.create', { eventId: ev.id, start: '2027-10-30T09:00', end: '2027-10-30T17:00', role: 'toezicht', needed: 2, qualifications: ['handboeien'] });
    const sunday = await z.call('shifts.copy', { id: saturday.id, start: '2027-10-31T09:00' });
    expect(sunday).toMatchObject({ eventId: ev.id, start: '2027-10-31T09:00', end: '2027-10-31T17:00', needed: 2, qualifications: ['handboeien'], cancelled: false });
    expect(sunday.id).not.toBe(saturday.id);
  });

  it("refuses to copy another gemeente's event or shift, and a start that is no date and time", async () => {
    const [z, h] = await region(ZANDVOORT, HEEMSTEDE);
    const { ev, early } = await beachParty(z);
    await h.importFile(await z.exportTo([h]));
    await expect(h.call('events.copy', { id: ev.id, start: '2028-07-08T14:00' })).rejects.toMatchObject({ code: 'refused', message: expect.stringContaining('Zandvoort') });
    await expect(h.call('shifts.copy', { id: early.id, start: '2027-07-11T14:00' })).rejects.toMatchObject({ code: 'refused' });
    await expect(z.call('shifts.copy', { id: early.id, start: '2027-07-11' })).rejects.toMatchObject({ code: 'invalid_argument' });
    expect((await h.call('events.list', {})).length).toBe(1);
  });
});
