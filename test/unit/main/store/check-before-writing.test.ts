// Issue 22, opening a copy: the app and the host answer their first call before the check of the whole file
// (quick_check), which starts after that answer; nothing is written before the check passed. A damaged copy
// is still refused before anything is written, and a copy that must be migrated is checked whole first.
import { describe, expect, it, vi } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AppContext, CHECK_LATEST_MS, CHECK_QUIET_MS } from '../../../../main/session/context';
import { dispatch } from '../../../../main/api/dispatch';
import { GRAND_PRIX } from '../../helpers';
import { copyWithRows, damage } from './damaged-copy';

const walFrames = (dir: string) => (existsSync(join(dir, 'regie.db-wal')) ? statSync(join(dir, 'regie.db-wal')).size : 0);

/** The host's copy in `dir`, opened on a fake clock for `steps`; then on the real one until its check passed. */
async function onFakeClock(dir: string, steps: (ctx: AppContext) => Promise<void>): Promise<void> {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  const ctx = new AppContext(dir, 'host', 'test');
  try {
    await steps(ctx);
  } finally {
    vi.useRealTimers();
  }
  await ctx.whenChecked();
  expect(ctx.storeCheck).toBe('passed');
  ctx.close();
}

describe('the whole-file check of the app and the host', () => {
  it('lets the first calls read at once, and makes a change only after the check passed', async () => {
    const dir = await copyWithRows();
    const ctx = new AppContext(dir, 'host', 'test');
    try {
      expect(ctx.storeChecked).toBe(false);
      // SQLite itself refuses a write on this connection until then.
      expect(() => ctx.db().prepare("INSERT INTO settings (key, value) VALUES ('x', '1')").run()).toThrow(/readonly/);
      expect(await dispatch(ctx, 'events.list', {})).toMatchObject({ ok: true, value: [] });
      // A change waits for the check and is then made.
      const made = await dispatch(ctx, 'events.create', GRAND_PRIX);
      expect(made).toMatchObject({ ok: true, value: { name: GRAND_PRIX.name } });
      expect(ctx.storeChecked).toBe(true);
      expect(await dispatch(ctx, 'events.list', {})).toMatchObject({ ok: true, value: [{ name: GRAND_PRIX.name }] });
    } finally {
      ctx.close();
    }
  });

  it('starts the check when the first calls stop coming, not between them, and at the latest a few seconds on', async () => {
    const dir = await copyWithRows();
    await onFakeClock(dir, async (ctx) => {
      // A screen's first calls, one after another: the check does not read the whole file beside them.
      const gap = CHECK_QUIET_MS - 50;
      let elapsed = 0;
      expect((await dispatch(ctx, 'setup.status', {})).ok).toBe(true);
      while (elapsed + gap < CHECK_LATEST_MS) {
        await vi.advanceTimersByTimeAsync(gap);
        elapsed += gap;
        expect(ctx.storeCheck).toBe('waiting');
        expect((await dispatch(ctx, 'events.list', {})).ok).toBe(true);
      }
      // Calls go on coming: it starts anyway, CHECK_LATEST_MS after the first answer.
      await vi.advanceTimersByTimeAsync(CHECK_LATEST_MS - elapsed - 1);
      expect(ctx.storeCheck).toBe('waiting');
      await vi.advanceTimersByTimeAsync(1);
      expect(ctx.storeCheck).toBe('running');
    });
    // Once the calls stop, it starts CHECK_QUIET_MS after the last answer.
    await onFakeClock(dir, async (ctx) => {
      expect((await dispatch(ctx, 'events.list', {})).ok).toBe(true);
      await vi.advanceTimersByTimeAsync(CHECK_QUIET_MS - 1);
      expect(ctx.storeCheck).toBe('waiting');
      await vi.advanceTimersByTimeAsync(1);
      expect(ctx.storeCheck).toBe('running');
    });
  });

  it('restores a backup in the host: the reopened copy is written once its check passed, and only once', async () => {
    const dir = await copyWithRows();
    const ctx = new AppContext(dir, 'host', 'test');
    try {
      expect((await dispatch(ctx, 'events.create', GRAND_PRIX)).ok).toBe(true);
      const backup = await dispatch(ctx, 'backups.create', {});
      if (!backup.ok) throw new Error(backup.error.message);
      expect((await dispatch(ctx, 'events.create', { ...GRAND_PRIX, name: 'Circus Zandvoort' })).ok).toBe(true);
      const restored = await dispatch(ctx, 'backups.restore', { name: (backup.value as { name: string }).name });
      expect(restored).toMatchObject({ ok: true, value: { message: expect.stringMatching(/nieuwe sleutel/) } });
      expect(await dispatch(ctx, 'events.list', {})).toMatchObject({ ok: true, value: [{ name: GRAND_PRIX.name }] });
      // The database from before the restore is kept once, not moved aside again by a second run of the call.
      expect(readdirSync(dir).filter((f) => f.startsWith('regie.voor-herstel-') && f.endsWith('.db'))).toHaveLength(1);
    } finally {
      ctx.close();
    }
  });

  it('refuses a change to a damaged copy before anything is written, though the check had not run yet', async () => {
    const dir = await copyWithRows();
    const bytes = damage(dir);
    const ctx = new AppContext(dir, 'host', 'test');
    try {
      expect(ctx.storeProblem).toBeUndefined();
      const r = await dispatch(ctx, 'events.create', GRAND_PRIX);
      expect(r).toMatchObject({ ok: false, error: { code: 'store_unavailable' } });
      expect(ctx.storeProblem?.reason).toBe('corrupt');
    } finally {
      ctx.close();
    }
    expect(readFileSync(join(dir, 'regie.db')).equals(bytes)).toBe(true);
    expect(walFrames(dir)).toBe(0);
  });

  it('checks a copy that must be migrated before migrating it, and refuses it when damaged', async () => {
    const dir = await copyWithRows();
    // One schema version back (as a copy of the previous Regie), then damaged.
    const raw = new Database(join(dir, 'regie.db'));
    const version = raw.pragma('user_version', { simple: true }) as number;
    raw.pragma(`user_version = ${version - 1}`);
    raw.close();
    const bytes = damage(dir);
    const ctx = new AppContext(dir, 'host', 'test');
    try {
      expect(ctx.storeProblem?.reason).toBe('corrupt');
      expect(await dispatch(ctx, 'events.list', {})).toMatchObject({ ok: false, error: { code: 'store_unavailable' } });
    } finally {
      ctx.close();
    }
    expect(readFileSync(join(dir, 'regie.db')).equals(bytes)).toBe(true);
  });

  it('in a host process: answers the Kalender at once, and refuses the first change to a damaged copy', async () => {
    const dir = await copyWithRows();
    const bytes = damage(dir);
    const child = spawn(process.execPath, ['--import', 'tsx', 'main/host/cli.ts', '--data', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const [base, token] = await new Promise<[string, string]>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const m = /Regie: (http:\/\/127\.0\.0\.1:\d+)\/#token=(\S+)/.exec(out);
          if (m) resolve([m[1]!, m[2]!]);
        });
        child.on('exit', (code) => reject(new Error(`host stopped (${code}): ${out}`)));
      });
      const api = async (method: string, body: unknown) =>
        (await (
          await fetch(`${base}/api/${method}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })
        ).json()) as unknown;
      expect(await api('calendar.range', { from: '2027-01-01', to: '2027-12-31' })).toMatchObject({ ok: true, value: [] });
      expect(await api('events.create', GRAND_PRIX)).toMatchObject({ ok: false, error: { code: 'store_unavailable' } });
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
    }
    expect(readFileSync(join(dir, 'regie.db')).equals(bytes)).toBe(true);
    expect(walFrames(dir)).toBe(0);
  }, 60_000);
});
