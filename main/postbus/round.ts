// One postbus round: write what partners lack, read what arrived, then tidy this device's own files. A folder
// that cannot be reached is recorded as the postbus's state and tried again next round; nothing is lost.
import { access, constants, stat } from 'node:fs/promises';
import type { Db } from '../store/db';
import type { LocalIdentity } from '../log/log';
import { cleanUp, writeFiles, type Written } from './writer';
import { readFiles, type ApplyFile, type ReadReport } from './reader';
import { log, markRead, markWritten, readSettings, setError } from './store';
import { keyedError } from '../../shared/i18n/error-messages';

export interface RoundOptions {
  now: Date;
  stagingDir: string;
  settleMs: number;
  giveUpMs: number;
  /** false: read and tidy only (a file arrived; nothing of ours changed). */
  write?: boolean;
  /** Write for every partner even without news (the app closing after a change). */
  force?: boolean;
  targets?: string[][];
  onProgress?: (p: { name: string; done: number; total: number }) => void;
  apply?: ApplyFile;
}

export interface RoundReport {
  written: Written[];
  removed: string[];
  read: ReadReport | undefined;
  /** Why the folder could not be used this round (it is tried again next round). */
  error: string | undefined;
  /** Another gemeente's entries were held back for a round (writer.ts): write again after the quiet time. */
  heldBack: boolean;
}

export const DEFAULT_TIMING = { settleMs: 3_000, giveUpMs: 60 * 60 * 1000 };

/** The folder as the postbus needs it: there, a folder, writable. The message is for the user. */
export async function folderProblem(dir: string): Promise<string | undefined> {
  try {
    const s = await stat(dir);
    if (!s.isDirectory()) return `Map niet bereikbaar: ${dir} is geen map.`;
    await access(dir, constants.R_OK | constants.W_OK);
    return undefined;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') return `Map niet bereikbaar: geen toegang tot ${dir}.`;
    return `Map niet bereikbaar: ${dir} is er niet (netwerkschijf of synchronisatie weg?). Regie probeert het vanzelf opnieuw.`;
  }
}

function noteError(db: Db, error: string | undefined, now: Date): void {
  const before = readSettings(db)?.error ?? null;
  if ((error ?? null) === before) return;
  setError(db, error ?? null, now);
  log(db, 'error', null, error ?? 'De map is weer bereikbaar.', now);
}

export async function runRound(db: Db, me: LocalIdentity, options: RoundOptions): Promise<RoundReport> {
  const settings = readSettings(db);
  if (!settings) throw keyedError('refused', 'postbus.none');
  const { now } = options;
  const report: RoundReport = { written: [], removed: [], read: undefined, error: undefined, heldBack: false };
  const problem = await folderProblem(settings.dir);
  if (problem) {
    noteError(db, problem, now);
    report.error = problem;
    return report;
  }
  let error: string | undefined;
  if (options.write !== false) {
    try {
      report.written = await writeFiles(db, me, settings.dir, {
        now,
        mode: settings.mode,
        encrypt: settings.encrypt,
        force: options.force ?? false,
        heldBack: () => (report.heldBack = true),
        ...(options.targets ? { targets: options.targets } : {}),
      });
      if (report.written.length) markWritten(db, now);
    } catch (err) {
      // Nothing was left under a final name; the same files are written next round.
      error = `Schrijven in de postbus mislukt: ${(err as Error).message}`;
    }
  }
  try {
    report.read = await readFiles(db, me, settings.dir, {
      now,
      stagingDir: options.stagingDir,
      settleMs: options.settleMs,
      giveUpMs: options.giveUpMs,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.apply ? { apply: options.apply } : {}),
    });
    markRead(db, now);
    report.removed = await cleanUp(db, me, settings.dir, now);
  } catch (err) {
    error ??= (await folderProblem(settings.dir)) ?? `Lezen uit de postbus mislukt: ${(err as Error).message}`;
  }
  noteError(db, error, now);
  report.error = error;
  return report;
}
