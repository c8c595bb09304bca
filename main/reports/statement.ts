// The settlement statement: shared/settlement's settle() over the merged plan for a period, optionally
// limited to one gemeente pair (both directions), together with the state hash the figures come from.
import type { Db } from '../store/db';
import type { LocalIdentity } from '../log/log';
import { stateHash } from '../log/state-hash';
import { buildPlanView } from '../domain/plan-view';
import { settle } from '../../shared/settlement';
import { gemeenteName } from '../../shared/domain/gemeenten';
import type { Period } from '../../shared/reports/period';
import type { GemeentePair, SettlementStatement } from '../../shared/reports/types';
import type { Settlement } from '../../shared/settlement/types';
import { keyedError } from '../../shared/i18n/error-messages';

export function pairOf(x: string, y: string): GemeentePair {
  const [a, b] = x < y ? [x, y] : [y, x];
  return { a, b, aName: gemeenteName(a), bName: gemeenteName(b) };
}

/** The unordered pairs that lent each other hours in a settlement, ordered by code. */
export function pairsIn(settlement: Settlement): GemeentePair[] {
  const seen = new Map<string, GemeentePair>();
  for (const l of settlement.lines) {
    const p = pairOf(l.provider, l.host);
    seen.set(`${p.a}|${p.b}`, p);
  }
  return [...seen.values()].sort((x, y) => (x.a + x.b < y.a + y.b ? -1 : 1));
}

export function checkPeriod(period: Period): void {
  if (period.to < period.from) throw keyedError('invalid_argument', 'period.end_before_start', {}, [{ path: 'to', key: 'field.date.invalid' }]);
}

export function settlementStatement(db: Db, me: LocalIdentity, period: Period, pair?: readonly [string, string]): SettlementStatement {
  checkPeriod(period);
  if (pair && pair[0] === pair[1]) throw keyedError('invalid_argument', 'pair.same', {}, [{ path: 'pair', key: 'field.invalid' }]);
  const view = buildPlanView(db);
  const all = settle(view, period);
  let settlement = all;
  let chosen: GemeentePair | null = null;
  if (pair) {
    chosen = pairOf(pair[0], pair[1]);
    const inPair = (x: string, y: string) => (x === chosen!.a && y === chosen!.b) || (x === chosen!.b && y === chosen!.a);
    // Limiting the plan to the pair's assignments lets settle() compute the pair's lines, totals and netting.
    settlement = settle({ ...view, assignments: view.assignments.filter((a) => inPair(a.provider, a.host)) }, period);
  }
  return { settlement, pair: chosen, available: pairsIn(all), stateHash: stateHash(db), own: me.gemeente, ownName: gemeenteName(me.gemeente) };
}
