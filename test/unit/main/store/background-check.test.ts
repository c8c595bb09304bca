// The whole-file check of the app and the host runs beside the first answers (main/store/background-check.ts):
// the copy opens at once, and damage deep in the file still makes the store unavailable, with the same
// choices as a database found damaged at start.
import { describe, expect, it, vi } from 'vitest';
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
});
