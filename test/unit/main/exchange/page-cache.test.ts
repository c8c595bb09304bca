// The page cache after an import (main/exchange/service.ts, RELEASE_CACHE_BYTES): a week's plan file taken in
// leaves SQLite's page cache as the next screens need it, so they do not read the same pages from the file
// again. Counted with the kernel's count of the bytes this process read (/proc/self/io, Linux).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Copy } from './copies';
import { demoPlanFile } from './copies';
import { RELEASE_CACHE_BYTES } from '../../../../main/exchange/service';

const hasProcIo = existsSync('/proc/self/io');
const bytesRead = () => Number(/^rchar: (\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'))?.[1]);
/** The bytes this process read from files while `fn` ran (reading /proc/self/io itself counts about 100). */
async function readDuring(fn: () => Promise<unknown>): Promise<number> {
  const before = bytesRead();
  await fn();
  return bytesRead() - before;
}
/** What a coordinator looks at next: the events, and the Kalender and Capaciteit of the generated weeks. */
async function screens(c: Copy): Promise<void> {
  const events = await c.call('events.list', {});
  expect(events.length).toBeGreaterThan(10);
  const first = events.map((e) => e.start.slice(0, 10)).sort()[0]!;
  const period = { from: `${first.slice(0, 7)}-01`, to: `${first.slice(0, 7)}-28` };
  await c.call('calendar.range', period);
  await c.call('capacity.get', period);
}
/** One page of 16 kB, read by chance (the schema checked again), is allowed; the plan's pages are not. */
const PAGE = 16 * 1024;

// Skipped where the kernel keeps no /proc/self/io (macOS, Windows): the bytes read cannot be counted there.
// On Linux, and so in CI, it runs.
describe.skipIf(!hasProcIo)('the page cache after a week’s import', () => {
  it('keeps what a week’s plan file brought in: the screens after the import read nothing from the file again', async () => {
    const { z, h, file } = await demoPlanFile(2, 61);
    await h.trustDevicesOf(z);
    expect(statSync(file).size).toBeLessThan(RELEASE_CACHE_BYTES);
    await h.importFile(file);
    expect(await h.hash()).toBe(await z.hash());
    await screens(h);
    // One more week planned at Zandvoort and taken in: the screens find every page in the cache.
    await z.call('demo.generate', { seed: 63, scale: 'week' });
    await h.trustDevicesOf(z);
    const next = await z.exportTo([h]);
    expect(statSync(next).size).toBeLessThan(RELEASE_CACHE_BYTES);
    await h.importFile(next);
    expect(await h.hash()).toBe(await z.hash());
    expect(await readDuring(() => screens(h))).toBeLessThan(PAGE);
  });
});
