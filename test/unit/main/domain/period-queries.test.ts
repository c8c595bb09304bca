// The period queries behind Kalender, regels and Verrekening on a whole region's five years (the benchmark's
// generator): the windowed SQL gives exactly what the full plan gives, and a kept settlement follows every change.
import { beforeAll, describe, expect, it } from 'vitest';
import { Copy, HEEMSTEDE, ZANDVOORT } from '../exchange/copies';
import { buildPlanView, scopeAround } from '../../../../main/domain/plan-view';
import { settle } from '../../../../shared/settlement';
import { evaluatePlan } from '../../../../shared/rules';
import type { RuleCode } from '../../../../shared/rules/types';

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
  it('equals the settlement computed from the whole plan, for a year and for a month', async () => {
    for (const period of [YEAR, { from: '2027-07-01', to: '2027-07-31' }]) {
      const got = await z.call('settlement.get', period);
      const full = wholePlanSettlement(period);
      expect(got.lines.length).toBeGreaterThan(100);
      expect(got).toEqual(full);
    }
    const year = await z.call('settlement.get', YEAR);
    expect(year.totals.amountCents).toBeGreaterThan(0);
  });

  it('shows a withdrawn commitment at once, and again equals the whole-plan settlement', async () => {
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
  it('holds exactly the shifts starting in it and the events overlapping its days', () => {
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
    expect(indexes(h)).toEqual(before);
    expect(h.count('entries')).toBe(0);
    await h.call('exchange.import', { path: file });
    expect(indexes(h)).toEqual(before);
    expect(await h.hash()).toBe(await z.hash());
    expect(await h.call('settlement.get', YEAR)).toEqual(await z.call('settlement.get', YEAR));
  }, 120_000);
});

