// The kept settlement lines follow an import as it applies its entries (main/exchange/after-import.ts,
// keepSettlementCurrent): the first look at Verrekening after a partner's week finds them current instead of
// bringing them up to date while the coordinator waits (issue 22). A failure there never costs the import.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoPlanFile, type Copy } from './copies';
import { setAfterImport } from '../../../../main/exchange/after-import';
import { keepSettlementCurrent, settlementFromPlan, settlementWork } from '../../../../main/domain/settlement-queries';

const YEAR = { from: '2028-01-01', to: '2028-12-31' };

/** Whether the kept lines are current: brought up to date with every entry applied. */
const current = (c: Copy) => c.ctx.db().prepare('SELECT as_of FROM settlement_state WHERE id = 1').pluck().get() === c.ctx.db().prepare('SELECT max(rowid) FROM entries').pluck().get();

/** Heemstede with a week of the region's 2028 work, its year looked at once; Zandvoort plans another week. */
async function aWeekLater() {
  const { z, h, file } = await demoPlanFile(1, 91);
  await h.trustDevicesOf(z);
  await h.importFile(file);
  // The year looked at once: from then on its lines are kept (the region's own test, in
  // test/unit/main/domain/period-queries.test.ts, does this with thousands of lines).
  await h.call('settlement.get', YEAR);
  expect(current(h)).toBe(true);
  await z.call('demo.generate', { seed: 92, scale: 'week' });
  await h.trustDevicesOf(z);
  return { z, h, next: await z.exportTo([h]) };
}

afterEach(() => setAfterImport(keepSettlementCurrent));

describe('the kept settlement lines after an import', () => {
  it('are brought up to date by the import itself: the first look after it computes nothing', async () => {
    const { z, h, next } = await aWeekLater();
    await h.importFile(next);
    expect(await h.hash()).toBe(await z.hash());
    expect(current(h)).toBe(true);
    const atImport = settlementWork.lines;
    const after = await h.call('settlement.get', YEAR);
    expect(settlementWork.lines).toBe(atImport);
    expect(after).toEqual(settlementFromPlan(h.ctx.db(), YEAR));
  });

  it('that cannot be brought up to date leave the import as it is, and the next look catches up', async () => {
    const { z, h, next } = await aWeekLater();
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    setAfterImport(() => {
      throw new Error('kapot');
    });
    const applied = await h.importFile(next);
    expect(applied.applied).toBe(true);
    expect(await h.hash()).toBe(await z.hash());
    expect(current(h)).toBe(false);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('uitgesteld'), expect.objectContaining({ message: 'kapot' }));
    log.mockRestore();
    setAfterImport(keepSettlementCurrent);
    expect(await h.call('settlement.get', YEAR)).toEqual(settlementFromPlan(h.ctx.db(), YEAR));
    expect(current(h)).toBe(true);
  });
});
