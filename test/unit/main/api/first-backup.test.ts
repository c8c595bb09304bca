// The first automatic backup: not a day after the first work but soon after it, and none of a copy that was
// only set up. The daily check waits a while after opening (here milliseconds instead of a minute).
import { afterEach, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { Copy, GP } from '../exchange/copies';
import { listBackups } from '../../../../main/store/backup';

const copies: Copy[] = [];
afterEach(() => copies.splice(0).forEach((c) => c.ctx.stopAutomaticBackups()));

async function until(check: () => boolean, ms = 5000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(20)) if (check()) return true;
  return check();
}

describe('the first automatic backup', () => {
  it('follows the first change soon, and none is made of a copy with nothing in it', async () => {
    const z = await new Copy('GM0473', 'Zandvoort').init();
    copies.push(z);
    const errors: unknown[] = [];
    z.ctx.startAutomaticBackups((e) => errors.push(e), { firstCheckMs: 30, afterWorkMs: 60 });
    await z.call('setup.status', {});
    await sleep(250);
    // Set up, nothing planned yet: the daily check ran and found nothing worth keeping.
    expect(listBackups(z.ctx.dataDir)).toEqual([]);

    await z.call('events.create', GP);
    expect(listBackups(z.ctx.dataDir)).toEqual([]);
    expect(await until(() => listBackups(z.ctx.dataDir).some((b) => b.kind === 'auto'))).toBe(true);
    expect(errors).toEqual([]);

    // More work the same day adds no second automatic backup.
    await z.call('events.create', { ...GP, name: 'Circus Zandvoort' });
    await sleep(250);
    expect(listBackups(z.ctx.dataDir).filter((b) => b.kind === 'auto')).toHaveLength(1);
  });

  it('waits before the first daily check after opening', async () => {
    const z = await new Copy('GM0473', 'Zandvoort').init();
    copies.push(z);
    await z.call('events.create', GP);
    // Work done before the backups started (no call since): the daily check, after its wait, makes the first one.
    z.ctx.startAutomaticBackups(undefined, { firstCheckMs: 400, afterWorkMs: 10_000 });
    await sleep(100);
    expect(listBackups(z.ctx.dataDir)).toEqual([]);
    expect(await until(() => listBackups(z.ctx.dataDir).length === 1)).toBe(true);
  });
});
