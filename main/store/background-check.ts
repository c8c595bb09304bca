// SQLite's quick_check of the whole database file, in a worker thread beside the app instead of before its
// first answer: the check reads every page, so on a copy with years of history it took longer than
// everything else of a start together (issue 22: opening a copy in 500 ms). The worker reads through its
// own read-only connection (a consistent snapshot, WAL lets the app write meanwhile). Where no worker can
// start or load SQLite, the check runs on the app's own connection instead, with the same verdict.
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import type { Db } from './db';

/** The worker, as plain CommonJS text: it needs nothing of Regie, only better-sqlite3 (given by path). */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let db;
try {
  const Database = require(workerData.module);
  db = new Database(workerData.file, { readonly: true, fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
  parentPort.postMessage({ result: String(db.pragma('quick_check', { simple: true })) });
} catch (err) {
  parentPort.postMessage({ failed: String((err && err.message) || err) });
} finally {
  if (db) db.close();
}
`;

function checkHere(db: Db): string | undefined {
  if (!db.open) return undefined;
  try {
    return String(db.pragma('quick_check', { simple: true }));
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') return (err as Error).message;
    return undefined;
  }
}

/**
 * Runs quick_check on `file` (the database `db` has open) and calls `done` with its verdict ('ok' or what is
 * wrong); not at all when the database was closed before the verdict.
 */
export function checkInBackground(file: string, db: Db, nativeBinding: string | undefined, done: (verdict: string) => void): void {
  let settled = false;
  const fallback = () => {
    if (settled) return;
    settled = true;
    const verdict = checkHere(db);
    if (verdict !== undefined) done(verdict);
  };
  let worker: Worker;
  try {
    const module = createRequire(import.meta.url).resolve('better-sqlite3');
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, module, nativeBinding } });
  } catch {
    setImmediate(fallback);
    return;
  }
  worker.unref();
  worker.once('message', (m: { result?: string; failed?: string }) => {
    if (m.result === undefined) return fallback();
    settled = true;
    if (db.open) done(m.result);
  });
  worker.once('error', fallback);
  worker.once('exit', fallback);
}
