// Applying a plan file without blocking the app: a file above BACKGROUND_IMPORT_BYTES is applied on a worker
// thread (exchange-worker.ts, import-job.ts) with its own connection, while this thread keeps answering calls
// from the window. Smaller files, and machines where no worker can start, are applied here as before: the result is
// the same. Progress (entries stored, of the total the preview counted) is kept per installation for the
// Uitwisselen and Postbus screens (import.progress). One background import at a time per installation.
import type { Worker } from 'node:worker_threads';
import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Db } from '../store/db';
import type { LocalIdentity } from '../log/log';
import type { ImportPreview } from '../../shared/api/exchange';
import type { ImportProgress } from '../../shared/api/postbus';
import { ApiError } from '../../shared/api/errors';
import { previewImport } from './service';
import { startAhead, streamsTwice } from './import/second-pass';
import type { ImportJob, ImportMessage } from './import-job';
import { startWorker, takeParked } from './workers';

/** Files from this size on are applied in the background (REGIE_BACKGROUND_IMPORT_BYTES overrides; tests). */
export function backgroundImportBytes(): number {
  const set = Number(process.env.REGIE_BACKGROUND_IMPORT_BYTES);
  return Number.isFinite(set) && set >= 0 && process.env.REGIE_BACKGROUND_IMPORT_BYTES !== '' ? set : 256 * 1024;
}

/** What an import needs of the installation (the api's AppContext). */
export interface Installation {
  db(): Db;
  me(): LocalIdentity;
  readonly dbFile: string;
  readonly sqliteBinding: string | undefined;
  /** Whether the store may be written (its whole-file check passed), and waiting for that check. */
  readonly storeChecked: boolean;
  whenChecked(): Promise<void>;
}
type AppContext = Installation;

interface Running extends ImportProgress {
  finished: Promise<unknown>;
}

const running = new WeakMap<AppContext, Running>();
/** Entries each file will bring, as its last preview counted them (for "n van m"). */
const expected = new Map<string, number>();

/** The import under way for this installation, or null. */
export function importProgress(ctx: AppContext): ImportProgress | null {
  const r = running.get(ctx);
  return r ? { name: r.name, done: r.done, total: r.total } : null;
}

/** Resolves when no background import of this installation is running (at once when none is). */
export async function importsSettled(ctx: AppContext): Promise<void> {
  for (let r = running.get(ctx); r; r = running.get(ctx)) await r.finished.catch(() => undefined);
}

/** A preview counted how many entries the file brings: the progress of its import shows "n of that". */
export function rememberPreview(path: string, preview: ImportPreview): ImportPreview {
  if (expected.size > 100) expected.clear();
  expected.set(resolve(path), preview.entries.new);
  return preview;
}

function inWorker(job: ImportJob, progress: Running, size: number): Promise<ImportPreview> {
  // A parked worker (one a preview or a check just used, see workers.ts) applies the file, or a new one; a
  // large file's decode worker is taken or started here at once beside it (see startAhead). The import worker
  // first: its start is what the import waits for, the decoder's start overlaps it.
  let worker: Worker;
  const warm = takeParked();
  try {
    worker = warm ?? startWorker();
  } catch (err) {
    return Promise.reject(Object.assign(err as Error, { noWorker: true }));
  }
  const ahead = streamsTwice(size) ? startAhead() : undefined;
  return new Promise<ImportPreview>((resolve, reject) => {
    worker.ref();
    worker.postMessage({ importJob: ahead ? { ...job, decodeAhead: true } : job });
    void ahead?.port.then((port) => worker.postMessage({ decodePort: port }, port ? [port] : []));
    let settled = false;
    let answered = false;
    worker.on('message', (m: ImportMessage) => {
      answered = true;
      if (m.kind === 'progress') progress.done = m.done;
      else if (m.kind === 'idle') {
        // The job closed its connection. The worker is not kept: after a large import its heap is large, and
        // another large import right after is rare. (A preview or a check, which an import often follows,
        // leave theirs parked.)
        void worker.terminate();
      } else if (m.kind === 'done') {
        settled = true;
        resolve(m.preview);
      } else {
        settled = true;
        reject(m.error ? new ApiError(m.error.code, m.error.message, m.error.issues, m.error.text) : new Error(m.message));
      }
    });
    // A worker that failed before it said anything never ran the job: a new one that could not start here (a
    // missing or broken script), or a parked one that stopped meanwhile. The file is applied on this thread.
    const failed = (err: Error) => {
      if (settled) return;
      settled = true;
      reject(answered ? err : Object.assign(err, { noWorker: true }));
    };
    worker.on('error', failed);
    worker.on('exit', (code) => failed(new Error(`import worker stopped (${code})`)));
  }).finally(() => ahead?.stop());
}

/**
 * Applies a plan file (as exchange.import): in the background when it is large. The main connection waits
 * briefly for the worker's lock and, when a call still finds the database busy, dispatch waits for the import
 * and runs it again (importsSettled): a change made during an import is kept, never refused.
 */
export async function applyPlanFile(ctx: AppContext, path: string, options: { name?: string; total?: number } = {}): Promise<ImportPreview> {
  const db = ctx.db();
  const me = ctx.me();
  // Decided (and the import listed for import.progress) before this call first yields.
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    size = 0; // The import says what is wrong with the path.
  }
  if (size < backgroundImportBytes()) return previewImport(db, me, path, true);
  if (running.get(ctx)) await importsSettled(ctx);
  // The worker writes through a connection of its own: only into a store whose whole-file check passed.
  if (!ctx.storeChecked) {
    await ctx.whenChecked();
    return applyPlanFile(ctx, path, options);
  }
  const full = resolve(path);
  const progress: Running = { name: options.name ?? basename(path), done: 0, total: options.total ?? expected.get(full) ?? null, finished: Promise.resolve() };
  const job: ImportJob = { dbFile: ctx.dbFile, path: full, ...(ctx.sqliteBinding ? { nativeBinding: ctx.sqliteBinding } : {}) };
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  // While the worker holds the write lock, a write here waits a moment and then yields (dispatch retries it
  // after the import) instead of holding up every other call for seconds.
  db.pragma('busy_timeout = 250');
  const work = inWorker(job, progress, size);
  progress.finished = work;
  running.set(ctx, progress);
  try {
    return await work;
  } catch (err) {
    if ((err as { noWorker?: boolean }).noWorker) return previewImport(db, me, path, true);
    throw err;
  } finally {
    running.delete(ctx);
    expected.delete(full);
    try {
      db.pragma(`busy_timeout = ${timeout}`);
    } catch {
      // The store was closed meanwhile.
    }
  }
}

/** SQLite said another connection holds the lock (the background import). */
export function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT';
}
