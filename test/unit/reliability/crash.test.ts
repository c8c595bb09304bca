// A laptop closed (or a process killed) in the middle of an import or of local edits loses nothing and
// half-applies nothing: the database is intact, the state hash is the one before or the one after, the
// state is exactly what the log says, and every feed's hash chain is unbroken.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Db } from '../../../main/store/db';
import { openDatabase } from '../../../main/log/open';
import { recomputeStateHash, stateHash } from '../../../main/log/state-hash';
import { decodeEntry } from '../../../main/log/entry';
import { Copy, region, ZANDVOORT, HEEMSTEDE } from '../main/exchange/copies';
import { tempDir } from '../helpers';

function chainIntact(db: Db): void {
  const rows = db.prepare('SELECT id, author, seq, prev, bytes FROM entries ORDER BY author, seq').all() as { id: string; author: string; seq: number; prev: string | null; bytes: Buffer }[];
  let last: (typeof rows)[number] | undefined;
  for (const r of rows) {
    expect(decodeEntry(r.bytes).id).toBe(r.id);
    if (last?.author === r.author) {
      expect(r.seq).toBe(last.seq + 1);
      expect(r.prev).toBe(last.id);
    } else {
      expect(r.seq).toBe(1);
      expect(r.prev).toBeNull();
    }
    last = r;
  }
  const feeds = db.prepare('SELECT author, seq, head FROM feeds').all() as { author: string; seq: number; head: string }[];
  for (const f of feeds) expect(rows.filter((r) => r.author === f.author).at(-1)).toMatchObject({ seq: f.seq, id: f.head });
}

function checkAfterCrash(dir: string, allowed: string[]): string {
  const db = openDatabase(join(dir, 'regie.db'));
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const hash = stateHash(db);
    expect(recomputeStateHash(db)).toBe(hash);
    if (allowed.length) expect(allowed).toContain(hash);
    chainIntact(db);
    return hash;
  } finally {
    db.close();
  }
}

/**
 * Runs a process and kills it `afterMs` later: counted from its start, or, with `fromFirstOutput`, from the first
 * thing it writes (so that on a slow or busy machine the kill still lands in the work, not in start-up).
 */
function runUntilKilled(args: string[], afterMs: number, { fromFirstOutput = false } = {}): Promise<{ killed: boolean; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', fromFirstOutput ? 'pipe' : 'ignore', 'ignore'] });
    let timer: NodeJS.Timeout | undefined;
    const arm = () => (timer ??= setTimeout(() => child.kill('SIGKILL'), afterMs));
    if (fromFirstOutput) child.stdout?.on('data', arm);
    else arm();
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', code });
    });
  });
}

describe('crash safety', () => {
  it('an import killed at random moments leaves the state before or after, never in between', async () => {
    const [z, h] = await region(ZANDVOORT, HEEMSTEDE);
    for (let week = 0; week < 3; week++) await z.call('demo.generate', { seed: 40 + week, scale: 'week' });
    await h.trustDevicesOf(z);
    const file = await z.exportTo([h], { full: true });
    const before = await h.hash();
    const pristine = h.ctx.dataDir;
    h.ctx.close();
    const after = await z.hash();
    let killedMidway = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 60, max: 1500 }), async (delay) => {
        const dir = mkdtempSync(join(tmpdir(), 'regie-crash-'));
        cpSync(pristine, dir, { recursive: true });
        const r = await runUntilKilled(['dist/cli/regie.mjs', '--data', dir, 'import', file, '--yes'], delay);
        const hash = checkAfterCrash(dir, [before, after]);
        if (r.killed && hash === before) killedMidway++;
        if (!r.killed) expect(hash).toBe(after);
      }),
      { numRuns: 12, seed: 20271127 },
    );
    // The kills must really have hit imports in progress, or this test proves nothing.
    expect(killedMidway).toBeGreaterThan(0);
  }, 120_000);

  it('local edits killed at random moments keep the state equal to what the log says', async () => {
    const dir = tempDir('regie-crash-edits-');
    const z = await new Copy('GM0473', 'Zandvoort', dir).init();
    z.ctx.close();
    const script = join(tempDir('regie-crash-script-'), 'edits.mjs');
    const { writeFileSync } = await import('node:fs');
    // Many separate user actions as fast as possible, each its own transaction, in the real command code.
    writeFileSync(
      script,
      `const { runCli } = await import(${JSON.stringify(join(process.cwd(), 'dist/cli/regie.mjs'))});
       const io = { out: () => {}, err: () => {} };
       for (let i = 0; ; i++) {
         await runCli(['--data', ${JSON.stringify(dir)}, 'call', 'events.create', JSON.stringify({ name: 'Feest ' + i, place: 'Strand', start: '2027-07-01T10:00', end: '2027-07-01T18:00', risk: 'A' })], io);
         process.stdout.write('.');
       }`,
    );
    let total = 0;
    // Each kill lands this long after the first event of its run was written, at some point among the edits.
    for (const delay of [30, 260, 610, 950, 1400]) {
      await runUntilKilled([script], delay, { fromFirstOutput: true });
      checkAfterCrash(dir, []);
      const db = openDatabase(join(dir, 'regie.db'));
      const events = (db.prepare('SELECT count(*) AS n FROM events WHERE created = 1').get() as { n: number }).n;
      const entries = (db.prepare('SELECT count(*) AS n FROM entries').get() as { n: number }).n;
      db.close();
      // Every applied entry is one event; no entry without its event, no event without its entry.
      expect(events).toBe(entries);
      expect(entries).toBeGreaterThanOrEqual(total);
      total = entries;
    }
    expect(total).toBeGreaterThan(0);
  }, 120_000);
});
