// What a higher layer keeps up to date as a file's entries are applied, inside the import's transaction: the
// kept settlement lines (main/domain/settlement-queries.ts keepSettlementCurrent), registered by the api
// (main/api/handlers.ts) as the preview's rule check is (./violation-check.ts). Issue 22: the first settlement
// after an import is then a lookup, instead of bringing the lines up to date while the coordinator waits.
import type { Db } from '../store/db';
import { HolidaysNotLoaded } from '../../shared/settlement/holidays';

export type AfterImport = (db: Db) => void;

let after: AfterImport | undefined;

export function setAfterImport(fn: AfterImport | undefined): void {
  after = fn;
}

/**
 * Runs the registered work in a savepoint of the import's transaction. Should it fail, its own writes are
 * undone and the import stands: what it keeps is brought up to date at the next look instead, as before it
 * existed (so nothing is lost, and an import is never refused for it). The holiday calendar not loaded yet is
 * such a case and no fault (dispatch loads it for the look that needs it); anything else is logged for support.
 */
export function afterImport(db: Db, log: (err: unknown) => void = (err) => console.error('[regie] bijwerken na inlezen uitgesteld:', err)): void {
  if (!after) return;
  const run = after;
  try {
    db.transaction(() => run(db))();
  } catch (err) {
    if (!(err instanceof HolidaysNotLoaded)) log(err);
  }
}
