// The write-ahead log is copied into the database file between calls, not in the commit of the call that
// makes it long (main/store/db.ts WAL_CEILING_PAGES, AppContext.checkpointBetweenCalls): a week's import does
// not also wait for copying what earlier calls wrote. Seen from the files: the database file grows when the
// log is copied into it.
import { statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../../main/api/dispatch';
import { CHECKPOINT_AFTER_MS } from '../../../../main/session/context';
import { newContext } from '../../helpers';

const size = (file: string) => statSync(file).size;
/** Waits up to `ms` for `test` to hold. */
async function until(test: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(20)) if (test()) return true;
  return test();
}

describe('the write-ahead log', () => {
  it('is copied into the database after the calls, not in the commit of the one that makes it long', async () => {
    const ctx = newContext();
    const call = async (method: string, args: unknown) => {
      const r = await dispatch(ctx, method, args);
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    await call('setup.init', { gemeente: 'GM0473', deviceLabel: 'Laptop Zandvoort' });
    await sleep(CHECKPOINT_AFTER_MS * 3);
    const db = ctx.dbFile;
    const before = size(db);
    // Sixteen weeks of work, one call after another: the log grows past SQLite's own checkpoint length of 1,000
    // pages, and the database file stays as it was while calls follow each other.
    for (let week = 0; week < 16; week++) await call('demo.generate', { seed: 80 + week, scale: 'week' });
    expect(size(`${db}-wal`)).toBeGreaterThan(1000 * 16 * 1024);
    expect(size(db)).toBe(before);
    // A call under way (an import reading its file) puts the copy off.
    ctx.began();
    await sleep(CHECKPOINT_AFTER_MS * 3);
    expect(size(db)).toBe(before);
    ctx.answered();
    // Soon after the last answer, with no call under way, the pages are in the database file.
    expect(await until(() => size(db) > before, 5_000)).toBe(true);
    const events = (await call('events.list', {})) as unknown[];
    expect(events.length).toBeGreaterThan(20);
  });
});
