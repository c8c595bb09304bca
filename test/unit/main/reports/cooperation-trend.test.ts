// Rapportage › Samenwerking's trend over the years (issue 22): summed from the kept settlement lines, or for
// years not counted yet settled on the spot without keeping anything, instead of building and keeping every
// year's settlement. Held to the way it was computed before, on a generated region of three years.
import { beforeAll, describe, expect, it } from 'vitest';
import { newContext } from '../../helpers';
import { dispatch } from '../../../../main/api/dispatch';
import { generateRegion } from '../../../../main/generate/region-generator';
import { settlementOf } from '../../../../main/domain/settlement-queries';
import { cooperationReport } from '../../../../main/reports/cooperation';
import { stmt } from '../../../../main/store/statements';
import { loadHolidays } from '../../../../shared/settlement';
import type { Db } from '../../../../main/store/db';

let db: Db;
beforeAll(async () => {
  await loadHolidays();
  const ctx = newContext();
  const r = await dispatch(ctx, 'setup.init', { gemeente: 'GM0473', deviceLabel: 'Laptop Zandvoort' });
  expect(r.ok).toBe(true);
  generateRegion(ctx.db(), ctx.me(), 7, { officers: 24, eventsPerYear: 120, years: 3, firstYear: 2025, writeOfficers: true });
  db = ctx.db();
}, 180_000);

/** The trend as it was computed before: each year's whole settlement, its lines filtered and added up in code. */
function trendBefore(gemeente: string | undefined, years: number[]) {
  const involves = (code: string) => gemeente === undefined || code === gemeente;
  return years.map((year) => {
    const yp = { from: `${year}-01-01`, to: `${year}-12-31` };
    const lines = settlementOf(db, yp).lines.filter((l) => involves(l.provider) || involves(l.host));
    const counts = stmt(
      db,
      `SELECT r.host, r.provider, coalesce(rs.declined, 0) AS declined FROM shifts s JOIN requests r ON r.shift_id = s.id AND r.created = 1 AND r.provider != r.host
       LEFT JOIN responses rs ON rs.request_id = r.id AND rs.created = 1 WHERE s.created = 1 AND s.starts_at >= ? AND s.starts_at < ?`,
    ).all(yp.from, `${yp.to}T24:00`) as { host: string; provider: string; declined: number }[];
    const mine = counts.filter((c) => involves(c.host) || involves(c.provider));
    return {
      year,
      minutes: lines.reduce((s, l) => s + l.minutes, 0),
      amountCents: lines.reduce((s, l) => s + l.amountCents, 0),
      requests: mine.length,
      declined: mine.filter((c) => c.declined === 1).length,
    };
  });
}

const countedYears = () => (stmt(db, 'SELECT year FROM settlement_years ORDER BY year').pluck().all() as number[]).join(',');

describe('the cooperation trend over the years', () => {
  it('gives what the years’ settlements add up to, before and after the years are counted, for the region and one gemeente', () => {
    // Nothing counted yet: the trend settles the three years on the spot and keeps none of them.
    const region = cooperationReport(db, { from: '2027-01-01', to: '2027-12-31' });
    const heemstede = cooperationReport(db, { from: '2027-01-01', to: '2027-12-31' }, 'GM0397');
    // Only the report's own year was counted (its settlement), not the years of the trend before it.
    expect(countedYears()).toBe('2027');
    expect(region.trend.map((t) => t.year)).toEqual([2025, 2026, 2027]);
    expect(region.trend.every((t) => t.minutes > 0 && t.amountCents > 0 && t.requests > 0)).toBe(true);
    expect(heemstede.trend[0]!.minutes).toBeLessThan(region.trend[0]!.minutes);

    // The way it was computed before counts every year (settlementOf); the figures are the same.
    expect(trendBefore(undefined, [2025, 2026, 2027])).toEqual(region.trend);
    expect(countedYears()).toBe('2025,2026,2027');
    expect(trendBefore('GM0397', [2025, 2026, 2027])).toEqual(heemstede.trend);

    // Now summed from the kept lines (another period, so not the report kept in memory): the same again.
    const regionAgain = cooperationReport(db, { from: '2027-01-01', to: '2027-12-30' });
    const heemstedeAgain = cooperationReport(db, { from: '2027-01-01', to: '2027-12-30' }, 'GM0397');
    expect(regionAgain.trend).toEqual(region.trend);
    expect(heemstedeAgain.trend).toEqual(heemstede.trend);
  });
});
