// The whole-file check of the app and the host runs beside the first answers (main/store/background-check.ts):
// the copy opens at once, and damage deep in the file still makes the store unavailable, with the same
// choices as a database found damaged at start.
import { describe, expect, it, vi } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppContext } from '../../../../main/session/context';
import { dispatch } from '../../../../main/api/dispatch';
import { tempDir } from '../../helpers';

describe('the check of the whole database file', () => {
  it('finds damage deep in the file after the copy opened, and then refuses calls as for a damaged file at start', async () => {
    const dir = tempDir();
    const first = new AppContext(dir, 'cli', 'test');
    expect((await dispatch(first, 'setup.init', { gemeente: 'GM0473', deviceLabel: 'Laptop' })).ok).toBe(true);
    const fill = first.db().prepare('INSERT INTO officer_private (officer_id, phone, boa_number, notes) VALUES (?, ?, ?, ?)');
    first.db().transaction(() => {
      for (let i = 0; i < 3000; i++) fill.run(`GM0473.of.${String(i).padStart(16, 'a')}`, '06-12345678', `BOA-${i}`, 'x'.repeat(200));
    })();
    first.close();
    // Garbage over pages in the middle of the file: the header and the schema stay readable.
    const file = join(dir, 'regie.db');
    const bytes = readFileSync(file);
    const middle = Math.floor(bytes.length / 2 / 4096) * 4096;
    bytes.fill(0x5a, middle, middle + 3 * 4096);
    writeFileSync(file, bytes);

    const ctx = new AppContext(dir, 'host', 'test');
    expect(ctx.storeProblem).toBeUndefined();
    await vi.waitFor(() => expect(ctx.storeProblem?.reason).toBe('corrupt'), { timeout: 30_000, interval: 50 });
    expect(await dispatch(ctx, 'events.list', {})).toMatchObject({ ok: false, error: { code: 'store_unavailable' } });
    expect(await dispatch(ctx, 'setup.status', {})).toMatchObject({ ok: true, value: { state: 'unavailable', reason: 'corrupt', canMoveAside: true } });
  });
});
