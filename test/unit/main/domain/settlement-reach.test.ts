// The blocking marks kept with the settlement lines after a change are marked again only near the change
// (main/domain/settlement-reach.ts): on a small generated region, changes at the edges of a rule's reach, at
// the turn of a year and over most officers at once give exactly the settlement computed from the whole plan.
import { beforeAll, describe, expect, it } from 'vitest';
import { Copy, ZANDVOORT } from '../exchange/copies';
import { buildPlanView } from '../../../../main/domain/plan-view';
import { loadHolidays, settle } from '../../../../shared/settlement';
import { settlementWork } from '../../../../main/domain/settlement-queries';
import { SHORT_REACH_DAYS } from '../../../../main/domain/settlement-reach';
import { evaluatePlan } from '../../../../shared/rules';
import type { RuleCode } from '../../../../shared/rules/types';
import { generateRegion, type RegionSize } from '../../../../main/generate/region-generator';
import { encodeEntry, type Op } from '../../../../main/log/entry';
import { formatHlc } from '../../../../main/log/hlc';
import { readFeed } from '../../../../main/log/log';
import { applyRun, newTally } from '../../../../main/exchange/apply';
import { newRecordId, updateOp } from '../../../../main/domain/records';
import { RECORD_TYPES } from '../../../../main/log/records';
import { addDays } from '../../../../shared/rules/calendar';
import type { Db } from '../../../../main/store/db';

const SEED = 5;
const REGION: RegionSize = { officers: 30, eventsPerYear: 160, years: 3, firstYear: 2025, writeOfficers: true };
const YEAR = { from: '2027-01-01', to: '2027-12-31' };

/** The whole plan's settlement, its lines marked with their commitments' blocking violations from the period on. */
function wholePlanSettlement(db: Db, period: { from: string; to: string }) {
  const view = buildPlanView(db);
  const blocking = new Map<string, RuleCode[]>();
  for (const v of evaluatePlan(view, { today: period.from })) {
    if (v.severity !== 'blocking') continue;
    for (const id of v.records) blocking.set(id, [...new Set([...(blocking.get(id) ?? []), v.code])]);
  }
  return settle(view, period, { blocking });
}

let wall = Date.UTC(2026, 0, 1);
/** Writes ops as a gemeente's (generated, trusted) device, as if they had been imported: no rule is enforced. */
function writeAs(db: Db, gemeente: string, ops: Op[]): void {
  const author = db.prepare('SELECT public_key FROM authors WHERE gemeente = ? ORDER BY is_self DESC LIMIT 1').pluck().get(gemeente) as string;
  const feed = readFeed(db, author);
  const e = encodeEntry({ v: 1, author, gemeente, seq: (feed?.seq ?? 0) + 1, prev: feed?.head ?? null, hlc: formatHlc({ wall: (wall += 1000), counter: 0 }), ops });
  db.transaction(() => applyRun(db, [e], newTally(), new Date(wall).toISOString()))();
}

/** An event with one shift of `gemeente`, a request to `provider` and commitments of `officers`: returns the shift and commitment ids. */
function work(db: Db, host: string, provider: string, agreement: string | null, officers: string[], start: string, end: string): { shift: string; commitments: string[] } {
  const event = newRecordId(host, 'ev');
  const shift = newRecordId(host, 'sh');
  const request = newRecordId(host, 'rq');
  writeAs(db, host, [
    { t: 'event.create', id: event, set: { name: `Test ${start}`, place: 'Centrum', start, end, risk: 'A', visitors: 100, status: 'vergund' } },
    { t: 'shift.create', id: shift, set: { event, start, end, role: 'toezicht', needed: officers.length, inPairs: false, qualifications: [], cancelled: false } },
    { t: 'request.create', id: request, set: { shift, provider, agreement, count: officers.length, note: '', withdrawn: false, approvedBy: null, approvedAt: null } },
  ]);
  const commitments = officers.map(() => newRecordId(provider, 'cm'));
  writeAs(
    db,
    provider,
    officers.map((officer, i) => ({ t: 'commitment.create', id: commitments[i]!, set: { request, officer, withdrawn: false, reasons: {} } })),
  );
  return { shift, commitments };
}

// The holiday calendar is loaded on first need (issue 22); settle() below asks it directly, not through dispatch.
beforeAll(() => loadHolidays());
/** The convenant the generated region lends under in a year. */
function agreementOf(db: Db, year: string): string {
  return db
    .prepare('SELECT r.agreement_id FROM requests r JOIN shifts s ON s.id = r.shift_id WHERE r.agreement_id IS NOT NULL AND s.starts_at >= ? AND s.starts_at < ? LIMIT 1')
    .pluck()
    .get(`${year}-01-01`, `${Number(year) + 1}-01-01`) as string;
}

function cancel(db: Db, host: string, shift: string): void {
  writeAs(db, host, [updateOp(db, RECORD_TYPES.shift!, shift, { cancelled: true })!]);
}

/** Mon-Fri (from `monday`, `days` days) own work of `hours` from 08:00, one shift a day. */
function weekOfWork(db: Db, gemeente: string, officer: string, monday: string, days: number[], hours: number): string[] {
  return days.map((d) => work(db, gemeente, gemeente, null, [officer], `${addDays(monday, d)}T08:00`, `${addDays(monday, d)}T${String(8 + hours).padStart(2, '0')}:00`).shift);
}

describe('marks kept near a change', () => {
  let z: Copy;
  let db: Db;
  const P = 'GM0473';
  const H = 'GM0397';
  let officer: string;
  let agreement: string;
  const blocked = async (id: string, period = YEAR) => (await z.call('settlement.get', period)).lines.find((l) => l.commitmentId === id)?.blocking ?? [];
  const same = async (period = YEAR) => expect(await z.call('settlement.get', period)).toEqual(wholePlanSettlement(db, period));

  beforeAll(async () => {
    z = await new Copy(...ZANDVOORT).init();
    db = z.ctx.db();
    generateRegion(db, z.ctx.me(), SEED, REGION);
    agreement = agreementOf(db, '2027');
    // An officer of our own with no other work, so every rule about it is decided by what the tests write.
    officer = newRecordId(P, 'of');
    writeAs(db, P, [
      {
        t: 'officer.create',
        id: officer,
        set: {
          name: 'Test Handhaver',
          qualifications: { domain: 'I', akteValidUntil: '2030-06-01', territory: ['GM0473', 'GM0397'], force: [], trafficAppointed: null },
          contractHours: 36,
          active: true,
        },
      },
    ]);
    // The year is counted once (its lines kept from then on).
    await same();
  }, 120_000);

  it('a short rest before a lent shift marks it, and goes with the shift', async () => {
    // Lent to Heemstede on Wednesday 2027-06-09, 06:00-14:00.
    const lent = work(db, H, P, agreement, [officer], '2027-06-09T06:00', '2027-06-09T14:00').commitments[0]!;
    await same();
    expect(await blocked(lent)).toEqual([]);
    // Own work ending 10 h before it: the one short rest a week may have (a warning, no mark).
    const ten = work(db, P, P, null, [officer], '2027-06-08T12:00', '2027-06-08T20:00');
    await same();
    expect(await blocked(lent)).toEqual([]);
    cancel(db, P, ten.shift);
    // Own work starting 6 h after it: blocking.
    const six = work(db, P, P, null, [officer], '2027-06-09T20:00', '2027-06-09T23:30');
    expect(await blocked(lent)).toContain('ATW_REST_TOO_SHORT');
    await same();
    cancel(db, P, six.shift);
    expect(await blocked(lent)).toEqual([]);
    await same();
  }, 120_000);

  it('a week that makes a 4-week average too high marks the lines three weeks before it, and its cancelled day takes the mark away', async () => {
    // A lent shift on Monday 2027-08-02 (ISO week 31), then 11-hour days up to week 33: 162 h in three weeks.
    const monday = '2027-08-02';
    const lent = work(db, H, P, agreement, [officer], `${monday}T08:00`, `${monday}T16:00`).commitments[0]!;
    weekOfWork(db, P, officer, monday, [1, 2, 3, 4], 11);
    weekOfWork(db, P, officer, addDays(monday, 7), [0, 1, 2, 3, 4], 11);
    weekOfWork(db, P, officer, addDays(monday, 14), [0, 1, 2, 3, 4], 11);
    expect(await blocked(lent)).toEqual([]);
    await same();
    // Week 34, three weeks after the lent shift: 12-hour days make the four weeks 222 h (more than 4 x 55).
    const before = settlementWork.judged;
    const last = weekOfWork(db, P, officer, addDays(monday, 21), [0, 1, 2, 3, 4], 12);
    expect(await blocked(lent)).toEqual(['ATW_FOUR_WEEK_AVERAGE']);
    await same();
    // Only the work around the change was looked at again, not the region's year.
    expect(settlementWork.judged - before).toBeLessThan(buildPlanView(db).assignments.length / 4);
    // Its Friday called off: 210 h, no mark, on a line 25 days before the change (within the reach, not the week).
    expect(21 + 4).toBeLessThan(SHORT_REACH_DAYS);
    cancel(db, P, last[4]!);
    expect(await blocked(lent)).toEqual([]);
    await same();
    // A month later (further than the reach): the line keeps what it has.
    weekOfWork(db, P, officer, addDays(monday, 49), [0, 1, 2, 3, 4], 12);
    await same();
  }, 120_000);

  it('work on New Year’s Day makes the ISO week that spans the turn of the year too long for a lent shift in December', async () => {
    // ISO week 52 of 2027 runs from Monday 27 December to Sunday 2 January 2028.
    const lent = work(db, H, P, agreement, [officer], '2027-12-27T08:00', '2027-12-27T16:00').commitments[0]!;
    weekOfWork(db, P, officer, '2027-12-27', [1, 2, 3, 4], 11);
    await same();
    expect(await blocked(lent)).toEqual([]);
    // Saturday 1 January 2028, 10 h: 62 h in the week.
    const newYear = work(db, P, P, null, [officer], '2028-01-01T08:00', '2028-01-01T18:00');
    expect(await blocked(lent)).toEqual(['ATW_WEEK_TOO_LONG']);
    await same();
    // Over both years (2028 counted now too), and after the day is called off.
    const both = { from: '2027-07-01', to: '2028-06-30' };
    await same(both);
    cancel(db, P, newYear.shift);
    expect(await blocked(lent)).toEqual([]);
    await same();
    await same(both);
  }, 120_000);

  it('a week that makes the 16-week average too high marks a line 15 weeks before it (the longer reach, where the hours may exceed it)', async () => {
    // Another officer of our own: a lent shift on Monday 2027-01-04 (ISO week 1), then 10-hour days: 748 h in
    // weeks 1-15, no more than 48 h a week on average yet.
    const other = newRecordId(P, 'of');
    writeAs(db, P, [
      {
        t: 'officer.create',
        id: other,
        set: {
          name: 'Test Handhaver 2',
          qualifications: { domain: 'I', akteValidUntil: '2030-06-01', territory: ['GM0473', 'GM0397'], force: [], trafficAppointed: null },
          contractHours: 36,
          active: true,
        },
      },
    ]);
    const monday = '2027-01-04';
    const lent = work(db, H, P, agreement, [other], `${monday}T08:00`, `${monday}T16:00`).commitments[0]!;
    weekOfWork(db, P, other, monday, [1, 2, 3, 4], 10);
    for (let w = 1; w < 15; w++) weekOfWork(db, P, other, addDays(monday, 7 * w), [0, 1, 2, 3, 4], 10);
    expect(await blocked(lent)).toEqual([]);
    await same();
    // Week 16 (105 days after the lent shift, beyond the short reach): 798 h in the 16 weeks.
    expect(105).toBeGreaterThan(SHORT_REACH_DAYS);
    const last = weekOfWork(db, P, other, addDays(monday, 7 * 15), [0, 1, 2, 3, 4], 10);
    expect(await blocked(lent)).toEqual(['ATW_SIXTEEN_WEEK_AVERAGE']);
    await same();
    // Two days called off: 778 h, still too much; then three: 768 h, not more than 48 h a week.
    cancel(db, P, last[4]!);
    cancel(db, P, last[3]!);
    expect(await blocked(lent)).toEqual(['ATW_SIXTEEN_WEEK_AVERAGE']);
    await same();
    cancel(db, P, last[2]!);
    expect(await blocked(lent)).toEqual([]);
    await same();
  }, 120_000);

  it('an absence over some of the work marks only its days, and goes when cancelled', async () => {
    const lent = work(db, H, P, agreement, [officer], '2027-10-05T08:00', '2027-10-05T16:00').commitments[0]!;
    const absence = await z.call('absences.create', { officerId: officer, start: '2027-10-05T00:00', end: '2027-10-05T23:59', reason: 'ziek' });
    expect(await blocked(lent)).toEqual(['OFFICER_ABSENT']);
    await same();
    await z.call('absences.cancel', { id: absence.id });
    expect(await blocked(lent)).toEqual([]);
    await same();
  }, 120_000);
});

describe('a week of the whole region', () => {
  it('amid the kept lines of most officers, and after the kept year (as the benchmark), equals the whole plan', async () => {
    const z = await new Copy(...ZANDVOORT).init();
    const db = z.ctx.db();
    generateRegion(db, z.ctx.me(), SEED, REGION);
    const same = async (period: { from: string; to: string }) => expect(await z.call('settlement.get', period)).toEqual(wholePlanSettlement(db, period));
    await same(YEAR);
    // One more week, in the next year (as the benchmark's): it involves nearly every officer, but none of its
    // work is near enough to a kept line to change its marks, so nothing is looked at again.
    const officers = db.prepare('SELECT count(*) FROM officers').pluck().get() as number;
    const before = settlementWork.judged;
    generateRegion(db, z.ctx.me(), SEED, { officers: REGION.officers, eventsPerYear: 20, years: 1, firstYear: 2028, writeOfficers: false });
    const involved = db
      .prepare("SELECT count(DISTINCT c.officer_id) FROM commitments c JOIN requests r ON r.id = c.request_id JOIN shifts s ON s.id = r.shift_id WHERE s.starts_at >= '2028'")
      .pluck()
      .get() as number;
    expect(involved * 2).toBeGreaterThan(officers);
    await same(YEAR);
    expect(settlementWork.judged - before).toBe(0);
    // 2028 counted too; then each gemeente puts all its officers on one more shift in the middle of 2028, and
    // lends two to a neighbour on the next day: most officers change amid kept lines.
    const y2028 = { from: '2028-01-01', to: '2028-12-31' };
    await same(y2028);
    const agreement2028 = agreementOf(db, '2028');
    const gemeenten = db.prepare('SELECT DISTINCT employer FROM officers ORDER BY employer').pluck().all() as string[];
    for (const [i, g] of gemeenten.entries()) {
      const own = db.prepare('SELECT id FROM officers WHERE employer = ? ORDER BY id').pluck().all(g) as string[];
      work(db, g, g, null, own, '2028-06-14T08:00', '2028-06-14T16:00');
      work(db, gemeenten[(i + 1) % gemeenten.length]!, g, agreement2028, own.slice(0, 2), '2028-06-15T06:00', '2028-06-15T12:00');
    }
    await same(y2028);
    await same(YEAR);
    await same({ from: '2027-07-01', to: '2028-06-30' });
  }, 300_000);
});
