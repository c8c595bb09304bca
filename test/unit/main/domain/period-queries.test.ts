// The period queries behind Kalender, regels and Verrekening on a whole region's five years (the benchmark's
// generator): the windowed SQL gives exactly what the full plan gives, and a kept settlement follows every change.
import { beforeAll, describe, expect, it } from 'vitest';
import { Copy, HEEMSTEDE, ZANDVOORT } from '../exchange/copies';
import { buildPlanView, listAssignments, listViolations, scopeAround } from '../../../../main/domain/plan-view';
import { scopedViolations, violationsOfRecords } from '../../../../main/domain/work-view';
import { loadHolidays, settle } from '../../../../shared/settlement';
import { settlementWork } from '../../../../main/domain/settlement-queries';
import { evaluatePlan } from '../../../../shared/rules';
import type { RuleCode } from '../../../../shared/rules/types';
import type { ShiftFields } from '../../../../shared/domain/shift';

// The settlement's holiday calendar is loaded on first need (main's dispatch does it for the api).
beforeAll(() => loadHolidays());

/** The whole plan's settlement, its lines marked with their commitments' blocking violations from the period on. */
function wholePlanSettlement(period: { from: string; to: string }) {
  const view = buildPlanView(z.ctx.db());
  const blocking = new Map<string, RuleCode[]>();
  for (const v of evaluatePlan(view, { today: period.from })) {
    if (v.severity !== 'blocking') continue;
    for (const id of v.records) blocking.set(id, [...new Set([...(blocking.get(id) ?? []), v.code])]);
  }
  return settle(view, period, { blocking });
}

const YEAR = { from: '2027-01-01', to: '2027-12-31' };
let z: Copy;

beforeAll(async () => {
  z = await new Copy(...ZANDVOORT).init();
  await z.call('demo.generate', { seed: 11, scale: 'region' });
}, 120_000);

describe('settlement.get over a region', () => {
  it('equals the settlement computed from the whole plan, for a year and for a month', { timeout: 300_000 }, async () => {
    for (const period of [YEAR, { from: '2027-07-01', to: '2027-07-31' }]) {
      const got = await z.call('settlement.get', period);
      const full = wholePlanSettlement(period);
      expect(got.lines.length).toBeGreaterThan(100);
      expect(got).toEqual(full);
    }
    const year = await z.call('settlement.get', YEAR);
    expect(year.totals.amountCents).toBeGreaterThan(0);
  });

  it('shows a withdrawn commitment at once, and again equals the whole-plan settlement', { timeout: 300_000 }, async () => {
    const before = await z.call('settlement.get', YEAR);
    const ours = before.lines.find((l) => l.provider === z.gemeente && l.start > '2027-03-01')!;
    expect(ours).toBeDefined();
    await z.call('commitments.withdraw', { id: ours.commitmentId });
    const after = await z.call('settlement.get', YEAR);
    expect(after.lines.length).toBe(before.lines.length - 1);
    expect(after.lines.some((l) => l.commitmentId === ours.commitmentId)).toBe(false);
    expect(after.totals.minutes).toBe(before.totals.minutes - ours.minutes);
    expect(after).toEqual(wholePlanSettlement(YEAR));
  });
});

describe('the plan view of a window', () => {
  it('holds exactly the shifts starting in it and the events overlapping its days', { timeout: 300_000 }, () => {
    const db = z.ctx.db();
    const all = buildPlanView(db);
    const scope = scopeAround('2026-05-10', '2026-05-12');
    const { from, to } = scope as { from: string; to: string };
    const view = buildPlanView(db, scope);
    const shifts = all.shifts.filter((s) => s.start >= from && s.start.slice(0, 10) <= to);
    const events = all.events.filter((e) => e.start.slice(0, 10) <= to && e.end.slice(0, 10) >= from);
    expect(shifts.length).toBeGreaterThan(50);
    expect(view.shifts).toEqual(shifts);
    expect(view.events).toEqual(events);
    expect(view.assignments).toEqual(all.assignments.filter((a) => shifts.some((s) => s.id === a.shiftId)));
  });
});

describe('calendar.range over a region', () => {
  it("gives every event of a busy month the staffing that the event's own plan shows", async () => {
    const july = await z.call('calendar.range', { from: '2027-07-01', to: '2027-07-31' });
    expect(july.length).toBeGreaterThan(100);
    expect(july.filter((e) => e.staffing.committed > 0).length).toBeGreaterThan(100);
    for (const e of july) {
      expect(e.staffing, e.id).toEqual((await z.call('events.plan', { id: e.id })).staffing);
    }
  });
});

describe('settlement lines kept up to date', () => {
  const full = (period: { from: string; to: string }) => wholePlanSettlement(period);

  it('follow a renamed officer, a cancelled shift, a called-off event and a week from partners, as the whole plan does', async () => {
    const db = z.ctx.db();
    const before = await z.call('settlement.get', YEAR);
    expect(before).toEqual(full(YEAR));
    // Lent by Zandvoort (its own officer) and lent to Zandvoort (its own shift and event), in 2027.
    const lent = before.lines.find((l) => l.provider === z.gemeente && l.start > '2027-05-01')!;
    const hosted = before.lines.filter((l) => l.host === z.gemeente && l.start > '2027-05-01');
    expect(lent).toBeDefined();
    expect(hosted.length).toBeGreaterThan(2);

    const work = settlementWork.lines;
    const officer = await z.call('officers.get', { id: lent.officerId });
    await z.call('officers.update', { id: officer.id, fields: { name: 'Anna Nieuwenhuis', qualifications: officer.qualifications, contractHours: officer.contractHours, active: officer.active } });
    const renamed = await z.call('settlement.get', YEAR);
    expect(renamed.lines.filter((l) => l.officerId === officer.id).every((l) => l.officerName === 'Anna Nieuwenhuis')).toBe(true);
    expect(renamed).toEqual(full(YEAR));

    await z.call('shifts.cancel', { id: hosted[0]!.shiftId });
    const cancelled = await z.call('settlement.get', YEAR);
    expect(cancelled.lines.some((l) => l.shiftId === hosted[0]!.shiftId)).toBe(false);
    expect(cancelled).toEqual(full(YEAR));

    const other = hosted.find((l) => l.eventId !== hosted[0]!.eventId)!;
    const event = await z.call('events.get', { id: other.eventId! });
    await z.call('events.update', {
      id: event.id,
      fields: { name: event.name, place: event.place, start: event.start, end: event.end, risk: event.risk, visitors: event.visitors, status: 'afgelast' },
    });
    const calledOff = await z.call('settlement.get', YEAR);
    expect(calledOff.lines.some((l) => l.eventId === event.id)).toBe(false);
    expect(calledOff).toEqual(full(YEAR));

    // A week of partners' work (new events in 2028, officers of 2027 lent again), applied as entries arrive.
    await z.call('demo.generate', { seed: 11, scale: 'week' });
    const next = { from: '2027-07-01', to: '2028-12-31' };
    expect(await z.call('settlement.get', next)).toEqual(full(next));
    expect(await z.call('settlement.get', YEAR)).toEqual(full(YEAR));
    // 2027 was counted once, before these changes: since then only the lines they touched (the officer's,
    // the shift's, the event's, the week's) and the new year 2028 were computed, not 2027's thousands again.
    // (The week's lines count twice: once as touched, once when 2028 is first looked at.)
    const year2028 = (await z.call('settlement.get', { from: '2028-01-01', to: '2028-12-31' })).lines.length;
    expect(before.lines.length).toBeGreaterThan(1000);
    expect(2 * year2028 + 250).toBeLessThan(before.lines.length / 2);
    expect(settlementWork.lines - work, `lines computed again after 2027 was counted (2028 has ${year2028})`).toBeLessThan(2 * year2028 + 250);
    expect(db.prepare('SELECT year FROM settlement_years ORDER BY year').pluck().all()).toEqual([2027, 2028]);
  }, 240_000);
});

describe('a whole region imported into a new copy', () => {
  const indexes = (c: Copy) => c.ctx.db().prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' ORDER BY name").all();

  it('is loaded in bulk: the preview leaves the copy as it was, the import ends with every index in place', async () => {
    const h = await new Copy(...HEEMSTEDE).init();
    // The newcomer trusts Zandvoort and every device whose work Zandvoort relays.
    const others = z.ctx.db().prepare('SELECT card FROM authors WHERE is_self = 0 AND card IS NOT NULL').all() as { card: string }[];
    for (const card of [(await z.call('identity.card', {})).content, ...others.map((o) => o.card)]) {
      const info = await h.call('partners.inspectCard', { content: card });
      if (!info.trusted) await h.call('partners.trust', { content: card, fingerprint: info.fingerprint });
    }
    const file = await z.exportTo([h], { full: true });
    const before = indexes(h);
    expect(before.length).toBeGreaterThan(20);
    const preview = await h.call('exchange.preview', { path: file });
    expect(preview.entries.new).toBeGreaterThan(10_000);
    // The file touches every record of the plan: the preview lists every violation of the whole plan from today.
    expect(preview.violations).toEqual(listViolations(z.ctx.db()));
    expect(indexes(h)).toEqual(before);
    expect(h.count('entries')).toBe(0);
    await h.call('exchange.import', { path: file });
    expect(indexes(h)).toEqual(before);
    expect(await h.hash()).toBe(await z.hash());
    expect(await h.call('settlement.get', YEAR)).toEqual(await z.call('settlement.get', YEAR));

    // Heemstede tells Zandvoort what it has; Zandvoort withdraws one of its lent officers in 2027. The small
    // file that follows brings Heemstede's kept lines up to date as it is imported (main/exchange/after-import.ts):
    // the first look after it computes no line.
    await z.trust(h);
    await z.importFile(await h.exportTo([z]));
    const lent = (await z.call('settlement.get', YEAR)).lines.find((l) => l.provider === z.gemeente && l.start > '2027-06-01')!;
    await z.call('commitments.withdraw', { id: lent.commitmentId });
    await h.importFile(await z.exportTo([h]));
    const db = h.ctx.db();
    expect(db.prepare('SELECT as_of FROM settlement_state').pluck().get()).toBe(db.prepare('SELECT max(rowid) FROM entries').pluck().get());
    const computed = settlementWork.lines;
    const after = await h.call('settlement.get', YEAR);
    expect(settlementWork.lines).toBe(computed);
    expect(after.lines.some((l) => l.commitmentId === lent.commitmentId)).toBe(false);
    expect(after).toEqual(await z.call('settlement.get', YEAR));
  }, 120_000);
});

describe('rows that began long before the window (found through events_long and absences_long)', () => {
  it('a season-long event and a long absence show in the Kalender, Capaciteit and plan view of a month months later', async () => {
    const db = z.ctx.db();
    const season = await z.call('events.create', { name: 'Zomerseizoen strandtoezicht', place: 'Strand', start: '2027-03-01T08:00', end: '2027-09-30T20:00', risk: 'A' });
    const officer = (db.prepare('SELECT id FROM officers WHERE employer = ? AND created = 1 ORDER BY id LIMIT 1').get(z.gemeente) as { id: string }).id;
    const long = await z.call('absences.create', { officerId: officer, start: '2027-05-01T00:00', end: '2027-08-15T00:00', reason: 'verlof' });
    const short = await z.call('absences.create', { officerId: officer, start: '2027-06-28T00:00', end: '2027-07-02T00:00' });
    const all = buildPlanView(db);

    const july = await z.call('calendar.range', { from: '2027-07-01', to: '2027-07-31' });
    expect(july.map((e) => e.id)).toContain(season.id);
    expect(july.map((e) => e.id)).toEqual(all.events.filter((e) => e.start <= '2027-07-31T23:59' && e.end > '2027-07-01T00:00').map((e) => e.id));

    const capacity = await z.call('capacity.get', { from: '2027-07-01', to: '2027-07-31' });
    const row = capacity.officers.find((o) => o.id === officer)!;
    expect(row.cells.map((c) => c.state)).toEqual(capacity.days.map(() => 'absent'));

    const scope = scopeAround('2027-07-10', '2027-07-12') as { from: string; to: string };
    const view = buildPlanView(db, scope);
    const absences = all.absences.filter((a) => a.start.slice(0, 10) <= scope.to && a.end.slice(0, 10) >= scope.from);
    expect(absences.map((a) => a.id).sort()).toEqual([long.id, short.id].sort());
    expect(view.absences.map((a) => a.id).sort()).toEqual(absences.map((a) => a.id).sort());
    expect(view.events).toEqual(all.events.filter((e) => e.start.slice(0, 10) <= scope.to && e.end.slice(0, 10) >= scope.from));
    expect(view.events.map((e) => e.id)).toContain(season.id);
  });
});

describe('blocking marks kept with the lines', () => {
  it('appear and go with a double booking, an absence, an ended agreement and a cancelled shift, as in the whole plan', async () => {
    const db = z.ctx.db();
    const full = (period: { from: string; to: string }) => wholePlanSettlement(period);
    const year = await z.call('settlement.get', YEAR);
    const blocked = (s: typeof year, id: string) => s.lines.find((l) => l.commitmentId === id)?.blocking ?? [];
    // A line Zandvoort hosts whose (partner's) officer has other work in the same month on another shift.
    const work = listAssignments(db, YEAR);
    let line: (typeof year.lines)[number] | undefined;
    let other: (typeof work)[number] | undefined;
    for (const l of year.lines.filter((l) => l.host === z.gemeente && l.start > '2027-02-01' && !l.blocking)) {
      other = work.find((a) => a.officerId === l.officerId && a.shiftId !== l.shiftId && a.start.slice(0, 7) === l.start.slice(0, 7));
      if (other) {
        line = l;
        break;
      }
    }
    expect(line && other).toBeDefined();
    const { id: shiftId, ...fields } = (await z.call('shifts.list', { eventId: line!.eventId! })).find((sh) => sh.id === line!.shiftId)!;

    // The host moves its shift onto the officer's other work: both commitments are double booked.
    await z.call('shifts.update', {
      id: shiftId,
      fields: {
        eventId: fields.eventId,
        start: other!.start,
        end: other!.end,
        role: fields.role,
        needed: fields.needed,
        inPairs: fields.inPairs,
        qualifications: fields.qualifications as ShiftFields['qualifications'],
      },
    });
    const doubled = await z.call('settlement.get', YEAR);
    expect(blocked(doubled, line!.commitmentId)).toContain('OFFICER_DOUBLE_BOOKED');
    expect(doubled).toEqual(full(YEAR));
    // A month of the year shows the same marks as the whole plan for that month.
    const month = { from: other!.start.slice(0, 8) + '01', to: other!.start.slice(0, 8) + '28' };
    expect(await z.call('settlement.get', month)).toEqual(full(month));

    // The shift is cancelled: its line goes, and the officer's other work is no longer double booked.
    await z.call('shifts.cancel', { id: shiftId });
    const cancelled = await z.call('settlement.get', YEAR);
    expect(cancelled.lines.some((l) => l.shiftId === shiftId)).toBe(false);
    expect(blocked(cancelled, other!.commitmentId)).not.toContain('OFFICER_DOUBLE_BOOKED');
    expect(cancelled).toEqual(full(YEAR));

    // Zandvoort's own officer, lent in 2027, reported absent over that work; then the absence is cancelled.
    const lent = cancelled.lines.find((l) => l.provider === z.gemeente && l.start > '2027-04-01' && !l.blocking)!;
    expect(lent).toBeDefined();
    const absence = await z.call('absences.create', { officerId: lent.officerId, start: `${lent.start.slice(0, 10)}T00:00`, end: `${lent.end.slice(0, 10)}T23:59`, reason: 'ziek' });
    const absent = await z.call('settlement.get', YEAR);
    expect(blocked(absent, lent.commitmentId)).toContain('OFFICER_ABSENT');
    expect(absent).toEqual(full(YEAR));
    await z.call('absences.cancel', { id: absence.id });
    const back = await z.call('settlement.get', YEAR);
    expect(blocked(back, lent.commitmentId)).toEqual([]);
    expect(back).toEqual(full(YEAR));

    // An agreement Zandvoort lends under ends in the middle of the year.
    const under = back.lines.find((l) => l.provider === z.gemeente && l.agreementId !== null && l.start > '2027-06-01')!;
    expect(under).toBeDefined();
    await z.call('agreements.terminate', { id: under.agreementId!, from: '2027-06-01' });
    const ended = await z.call('settlement.get', YEAR);
    expect(ended).toEqual(full(YEAR));
    expect(await z.call('settlement.get', { from: '2027-07-01', to: '2028-12-31' })).toEqual(full({ from: '2027-07-01', to: '2028-12-31' }));
  }, 300_000);
});

describe('the violations of some records, as the import preview lists them', () => {
  it('are the violations of the whole plan that name them, for each kind of record and for the records of many entries', async () => {
    const db = z.ctx.db();
    const today = '2027-03-01';
    const april = listAssignments(db, { from: '2027-04-01', to: '2027-04-30' });
    expect(april.length).toBeGreaterThan(20);
    // Something to find: Zandvoort's officer absent for a week of work, and a shift moved onto an officer's other work.
    const own = april.find((a) => a.provider === z.gemeente)!;
    const absence = await z.call('absences.create', { officerId: own.officerId, start: `${own.start.slice(0, 10)}T00:00`, end: `${own.end.slice(0, 10)}T23:59` });
    const all = listViolations(db, today);
    const named = (ids: ReadonlySet<string>) => all.filter((v) => v.records.some((r) => ids.has(r)));
    const eventOf = (shiftId: string) => db.prepare('SELECT event_id FROM shifts WHERE id = ?').pluck().get(shiftId) as string;
    const lentUnder = april.find((a) => a.agreementId !== null)!;
    // The records of the last 300 entries, as a file of partners' work touches them.
    const recent = new Set<string>();
    for (const bytes of db.prepare('SELECT bytes FROM entries ORDER BY rowid DESC LIMIT 300').pluck().all() as Buffer[]) {
      for (const op of (JSON.parse(bytes.toString('utf8')) as { ops?: { id?: unknown }[] }).ops ?? []) if (typeof op.id === 'string') recent.add(op.id);
    }
    const sets: Record<string, Set<string>> = {
      absence: new Set([absence.id]),
      commitment: new Set([own.commitmentId]),
      officer: new Set([own.officerId]),
      shift: new Set([april[3]!.shiftId]),
      request: new Set([april[5]!.requestId]),
      event: new Set([eventOf(april[7]!.shiftId)]),
      agreement: new Set([lentUnder.agreementId!]),
      entries: recent,
    };
    for (const [kind, ids] of Object.entries(sets)) {
      // From the officers involved, whatever their number; and as the preview asks (the whole plan when many are).
      expect(scopedViolations(db, ids, undefined, today), kind).toEqual(named(ids));
      expect(violationsOfRecords(db, ids, today), kind).toEqual(named(ids));
    }
    expect(named(sets.absence!).some((v) => v.code === 'OFFICER_ABSENT')).toBe(true);
    expect(named(sets.agreement!).length + named(sets.entries!).length).toBeGreaterThan(0);
  }, 300_000);
});
