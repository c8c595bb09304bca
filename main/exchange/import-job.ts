// A large plan file is applied on a worker thread (exchange-worker.ts) with its own connection to the
// database: SQLite's WAL lets the main thread keep reading (and answering the window) while this thread
// writes, and the main thread sees the whole import at once when it commits. The job calls the exchange's
// public import unchanged and counts the entries it stores, for the progress bar.
//
// The connection does not fold the write-ahead log into the database file when the import commits (SQLite's
// automatic checkpoint, about a fifth of a region's import): the answer is posted as soon as the transaction
// is committed, and only then is the log folded in, here, beside the main thread. The data is durable
// before the answer (synchronous = FULL: the log is on disk when COMMIT returns); a process that stops
// before the checkpoint ends loses nothing (the next open reads the log, and the last connection to close
// folds it in).
import type { MessagePort } from 'node:worker_threads';
import type { Db } from '../store/db';
import { openDatabase } from '../log/open';
import { readIdentity } from '../log/log';
import { previewImport } from './service';
import { dropStartedWorker, useStartedWorker } from './import/second-pass';
import { ApiError, type ApiErrorShape } from '../../shared/api/errors';
import type { ImportPreview } from '../../shared/api/exchange';

export interface ImportJob {
  dbFile: string;
  nativeBinding?: string;
  path: string;
  /** The starting thread started a decode worker beside this one: its port (or null) follows as a message. */
  decodeAhead?: boolean;
}

/** What the job tells, in this order: progress, then done or failed, then idle (its connection closed). */
export type ImportMessage = { kind: 'progress'; done: number } | { kind: 'done'; preview: ImportPreview } | { kind: 'failed'; error: ApiErrorShape | null; message: string } | { kind: 'idle' };

const ENTRY_INSERT = /^\s*INSERT INTO entries\b/;

/** The connection as the import sees it, telling each entry stored (each is one INSERT INTO entries). */
export function counting(db: Db, onEntry: () => void): Db {
  const bound = <T extends object>(target: T, prop: string | symbol) => {
    const value = Reflect.get(target, prop, target) as unknown;
    return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
  };
  return new Proxy(db, {
    get(target, prop) {
      if (prop !== 'prepare') return bound(target, prop);
      return (sql: string) => {
        const statement = target.prepare(sql);
        if (!ENTRY_INSERT.test(sql)) return statement;
        // One wrapper per statement (the statement is prepared once and run for every entry).
        const run = (...args: unknown[]) => {
          const result = statement.run(...args);
          onEntry();
          return result;
        };
        return new Proxy(statement, { get: (s, p) => (p === 'run' ? run : bound(s, p)) });
      };
    },
  });
}

/**
 * Runs one job on this thread. `decodePort` brings the port of the decode worker the starting thread started
 * (or took) beside this one, when job.decodeAhead says there is one.
 */
export async function runJob(job: ImportJob, post: (m: ImportMessage) => void, decodePort?: Promise<MessagePort | null>): Promise<void> {
  let db: Db | undefined;
  try {
    if (job.decodeAhead && decodePort) useStartedWorker(decodePort);
    db = openDatabase(job.dbFile, { check: 'none', ...(job.nativeBinding ? { nativeBinding: job.nativeBinding } : {}) });
    // The main thread may be writing a small change when the import starts: wait for it, never fail.
    db.pragma('busy_timeout = 60000');
    db.pragma('wal_autocheckpoint = 0');
    // A 16 MB page cache, not the 64 MB the app's connection keeps for its queries: an import writes each page
    // about once, and a cache that holds far more than the pages still being written costs more in memory
    // traffic and at the commit than re-reading a page saves. Interleaved imports of a region (49,117 entries)
    // and a stress file (486,960): 16 MB took about 0.3 s less than 64 MB for the region and 1 s less at
    // stress, with 50-60 MB less memory; 2 MB was as fast for the region but 25% slower at stress.
    db.pragma('cache_size = -16384');
    const me = readIdentity(db);
    if (!me) throw new ApiError('not_initialised', 'Deze installatie is nog niet ingericht.');
    let done = 0;
    let told = 0;
    const view = counting(db, () => {
      done++;
      const now = Date.now();
      if (now - told >= 100) {
        told = now;
        post({ kind: 'progress', done });
      }
    });
    const preview = await previewImport(view, me, job.path, true);
    post({ kind: 'progress', done });
    post({ kind: 'done', preview });
  } catch (err) {
    post({ kind: 'failed', error: err instanceof ApiError ? err.toJSON() : null, message: (err as Error).message });
  } finally {
    try {
      // PASSIVE: never waits for, nor blocks, the main thread's readers and writers.
      db?.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // The log stays; the main connection's next commit or close folds it in.
    }
    db?.close();
    // A job refused before its second pass leaves the decode worker's port unused: this thread's next job
    // must not take it.
    dropStartedWorker();
    post({ kind: 'idle' });
  }
}
