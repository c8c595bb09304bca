// The whole-file check of the app and the host runs beside the first answers (main/store/background-check.ts):
// the copy opens at once, and damage deep in the file still makes the store unavailable, with the same
// choices as a database found damaged at start.
import { describe, expect, it, vi } from 'vitest';
import { statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { AppContext } from '../../../../main/session/context';
import { dispatch } from '../../../../main/api/dispatch';
import { copyWithRows, damage } from './damaged-copy';

describe('the check of the whole database file', () => {
  it('finds damage deep in the file after the copy opened, and then refuses calls as for a damaged file at start', async () => {
    const dir = await copyWithRows();
    damage(dir);

    const ctx = new AppContext(dir, 'host', 'test');
    expect(ctx.storeProblem).toBeUndefined();
    await vi.waitFor(() => expect(ctx.storeProblem?.reason).toBe('corrupt'), { timeout: 30_000, interval: 50 });
    expect(await dispatch(ctx, 'events.list', {})).toMatchObject({ ok: false, error: { code: 'store_unavailable' } });
    expect(await dispatch(ctx, 'setup.status', {})).toMatchObject({ ok: true, value: { state: 'unavailable', reason: 'corrupt', canMoveAside: true } });
  });

  it('refuses a copy cut short at once, though it would be read through a memory map', async () => {
    // The host reads its copy through a memory map (main/store/db.ts MAPPED_BYTES), and a mapped page past
    // the end of a file stops a process. SQLite compares the file with the size its header gives before it
    // reads a table, so a copy short of even its last page is refused as damaged before any page is mapped.
    const dir = await copyWithRows();
    const file = join(dir, 'regie.db');
    truncateSync(file, statSync(file).size - 16384);

    const ctx = new AppContext(dir, 'host', 'test');
    expect(ctx.storeProblem?.reason).toBe('corrupt');
    expect(await dispatch(ctx, 'events.list', {})).toMatchObject({ ok: false, error: { code: 'store_unavailable' } });
    expect(await dispatch(ctx, 'setup.status', {})).toMatchObject({ ok: true, value: { state: 'unavailable', reason: 'corrupt', canMoveAside: true } });
  });
});
