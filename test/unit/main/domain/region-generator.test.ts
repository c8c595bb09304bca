// The generated region obeys the rules a coordinator's plan must obey: the rule checks over a whole
// generated region (at a small scale, with as many events per officer as the real one) find nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { newContext } from '../../helpers';
import { dispatch } from '../../../../main/api/dispatch';
import { generateRegion, type RegionResult } from '../../../../main/generate/region-generator';
import { buildPlanView } from '../../../../main/domain/plan-view';
import { evaluatePlan, type PlanView } from '../../../../shared/rules';
import { cooperationReport } from '../../../../main/reports/cooperation';
import { loadHolidays } from '../../../../shared/settlement';

// The settlement's holiday calendar is loaded on first need (main's dispatch does it for the api).
beforeAll(() => loadHolidays());

let view: PlanView;
let db: ReturnType<ReturnType<typeof newContext>['db']>;
let result: RegionResult;
beforeAll(async () => {
  const ctx = newContext();
  const r = await dispatch(ctx, 'setup.init', { gemeente: 'GM0473', deviceLabel: 'Laptop Zandvoort' });
  expect(r.ok).toBe(true);
  // The region scale has 150 officers for 2,000 events a year; this is the same load in a tenth.
  result = generateRegion(ctx.db(), ctx.me(), 11, { officers: 30, eventsPerYear: 400, years: 1, firstYear: 2027, writeOfficers: true });
  view = buildPlanView(ctx.db());
  db = ctx.db();
}, 120_000);

describe('a generated region', () => {
  it('is staffed: many commitments, by officers of every gemeente', () => {
    expect(result.events).toBe(400);
    expect(result.commitments).toBeGreaterThan(1000);
    expect(view.assignments).toHaveLength(result.commitments);
    expect(new Set(view.assignments.map((a) => a.provider)).size).toBe(9);
    expect(view.assignments.some((a) => a.provider !== a.host)).toBe(true);
  });

  it('never has one officer twice on a shift, nor on two shifts at once', () => {
    const seen = new Set<string>();
    const twice = view.assignments.filter((a) => {
      const key = `${a.shiftId}|${a.officerId}`;
      const again = seen.has(key);
      seen.add(key);
      return again;
    });
    expect(twice).toEqual([]);
  });

  it('breaks none of the planning rules (no blocking rule, no warning without a reason)', () => {
    const found = evaluatePlan(view).map((v) => `${v.code}: ${v.message}`);
    expect(found.slice(0, 5)).toEqual([]);
  });

  it('leaves a shift open rather than book someone who is not free', () => {
    const committed = new Map<string, number>();
    for (const a of view.assignments) committed.set(a.requestId, (committed.get(a.requestId) ?? 0) + 1);
    const short = view.requests.filter((r) => (committed.get(r.id) ?? 0) < r.count);
    expect(short.length).toBeGreaterThan(0);
    // Koppels stay koppels: never an odd number on a shift.
    const perShift = new Map<string, number>();
    for (const a of view.assignments) perShift.set(a.shiftId, (perShift.get(a.shiftId) ?? 0) + 1);
    expect([...perShift.values()].filter((n) => n % 2 === 1)).toEqual([]);
  });

  it('answers requests of partners after a plausible time, as Rapportage › Samenwerking shows it', () => {
    const totals = cooperationReport(db, { from: '2027-01-01', to: '2027-12-31' }).requestTotals;
    expect(totals.answered).toBeGreaterThan(100);
    // Between half an hour and three days; a partner answering in the instant of the request is not plausible.
    expect(totals.medianResponseHours).toBeGreaterThan(0.5);
    expect(totals.medianResponseHours).toBeLessThan(72.5);
    expect(totals.averageResponseHours).toBeGreaterThan(totals.medianResponseHours!);
  });
});
