// The import preview lists the rule violations of the records a file touches (cross-gemeente rules can only
// be checked on the merged plan). The rules' view of the plan lives in domain, a higher layer, so domain's
// check is registered here by the api (main/api/handlers.ts), the way the api registers onStoreOpened.
import type { Db } from '../store/db';
import type { Violation } from '../../shared/rules/types';

/** The violations that name one of `touched` in the plan as it now is (main/domain/work-view.ts violationsOfRecords). */
export type ViolationCheck = (db: Db, touched: ReadonlySet<string>) => Violation[];

let check: ViolationCheck | undefined;

export function setViolationCheck(fn: ViolationCheck): void {
  check = fn;
}

export function violationsOfTouched(db: Db, touched: ReadonlySet<string>): Violation[] {
  if (!check) throw new Error('exchange: no violation check registered (main/api/handlers.ts registers the rules of main/domain/work-view.ts)');
  return check(db, touched);
}
