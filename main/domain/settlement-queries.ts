// The Verrekening screen's query. A settlement is a pure function of the shared state and the period, so it
// is kept per state hash: the first look after a change computes it (about 90 ms for a region's year), every
// look after that until the next change is a lookup. Any applied entry changes the state hash, so a kept
// settlement can never be stale.
import type { Db } from '../store/db';
import { settle, type Settlement } from '../../shared/settlement';
import { stateHash } from '../log/state-hash';
import { buildSettlementView, listViolations } from './plan-view';
import type { RuleCode } from '../../shared/rules/types';

const KEPT_PER_DATABASE = 8;
const kept = new WeakMap<Db, Map<string, Settlement>>();

export function settlementOf(db: Db, period: { from: string; to: string }): Settlement {
  const key = `${stateHash(db)}|${period.from}|${period.to}`;
  let byKey = kept.get(db);
  if (!byKey) kept.set(db, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit) return hit;
  const settlement = settle(buildSettlementView(db, period), period, { blocking: blockingByCommitment(db, period) });
  byKey.set(key, settlement);
  if (byKey.size > KEPT_PER_DATABASE) byKey.delete(byKey.keys().next().value!);
  return settlement;
}

/** The blocking violations of the period's work, per commitment id, so its settlement lines are marked. */
function blockingByCommitment(db: Db, period: { from: string; to: string }): Map<string, RuleCode[]> {
  const out = new Map<string, RuleCode[]>();
  for (const v of listViolations(db, period.from, period.to)) {
    if (v.severity !== 'blocking') continue;
    for (const id of v.records) {
      const codes = out.get(id);
      if (!codes) out.set(id, [v.code]);
      else if (!codes.includes(v.code)) codes.push(v.code);
    }
  }
  return out;
}
