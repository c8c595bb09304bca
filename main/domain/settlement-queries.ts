// The Verrekening screen's query. A settlement line depends on one lent commitment and what it points to
// (its request, shift, event, officer and agreement), so lines are kept per commitment in the database
// (migration 017) and kept up to date with the entries applied since they were last brought up to date:
// the records those entries touched lead to the commitments whose lines change, and only those lines are
// computed again. The first look at a year computes its lines once; after that a change costs what it
// touched, not the year. A period's settlement is then made of its kept lines (settlementOfLines).
// On top, a settlement is kept in memory per state hash: looks without a change in between are a lookup.
// Lines are a pure function of the shared state, so a copy gives the same settlement however its entries
// arrived; the tests hold it to the settlement computed from the whole plan.
import type { Db } from '../store/db';
import { settle, settlementOfLines, type Settlement, type SettlementLine } from '../../shared/settlement';
import { stateHash } from '../log/state-hash';
import { stmt } from '../store/statements';
import { buildSettlementView, listAssignments, listViolations, settlementViewOf } from './plan-view';
import type { RuleCode } from '../../shared/rules/types';

const KEPT_PER_DATABASE = 8;
const kept = new WeakMap<Db, Map<string, Settlement>>();
/**
 * More applied entries than this since the lines were brought up to date (a whole region imported): the kept
 * lines are dropped and each year is counted again when it is next looked at, which is cheaper than
 * following every change.
 */
export const CATCH_UP_LIMIT = 5000;
const ALL_TIME = { from: '0000-01-01', to: '9999-12-31' };

export function settlementOf(db: Db, period: { from: string; to: string }): Settlement {
  const key = `${stateHash(db)}|${period.from}|${period.to}`;
  let byKey = kept.get(db);
  if (!byKey) kept.set(db, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit) return hit;
  const settlement = db.transaction(() => {
    catchUp(db);
    for (let year = Number(period.from.slice(0, 4)); year <= Number(period.to.slice(0, 4)); year++) ensureYear(db, year);
    const rows = stmt(db, 'SELECT line FROM settlement_lines WHERE start_date >= ? AND start_date <= ?').pluck().all(period.from, period.to) as string[];
    // Blocking violations depend on other gemeenten' plans too, so lines are marked at each look, not kept.
    const blocking = blockingByCommitment(db, period);
    return settlementOfLines(
      rows.map((r) => {
        const l = JSON.parse(r) as SettlementLine;
        const codes = blocking.get(l.commitmentId);
        return codes && codes.length > 0 ? { ...l, blocking: codes } : l;
      }),
      period,
    );
  })();
  byKey.set(key, settlement);
  if (byKey.size > KEPT_PER_DATABASE) byKey.delete(byKey.keys().next().value!);
  return settlement;
}

/** The settlement computed from the plan on the spot, without kept lines (for comparison and tests). */
export function settlementFromPlan(db: Db, period: { from: string; to: string }): Settlement {
  return settle(buildSettlementView(db, period), period, { blocking: blockingByCommitment(db, period) });
}

function lastEntry(db: Db): number {
  return (stmt(db, 'SELECT coalesce(max(rowid), 0) FROM entries').pluck().get() as number) ?? 0;
}

function forgetAll(db: Db, asOf: number): void {
  db.exec('DELETE FROM settlement_lines; DELETE FROM settlement_years;');
  stmt(db, 'INSERT INTO settlement_state (id, as_of) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET as_of = excluded.as_of').run(asOf);
}

/** Brings the kept lines up to date with the entries applied since (only the lines those entries touch). */
function catchUp(db: Db): void {
  const now = lastEntry(db);
  const asOf = stmt(db, 'SELECT as_of FROM settlement_state WHERE id = 1').pluck().get() as number | undefined;
  if (asOf === now) return;
  if (asOf === undefined || asOf > now || !stmt(db, 'SELECT 1 FROM settlement_years LIMIT 1').get()) return forgetAll(db, now);
  const count = stmt(db, "SELECT count(*) FROM entries WHERE rowid > ? AND status = 'applied'").pluck().get(asOf) as number;
  if (count > CATCH_UP_LIMIT) return forgetAll(db, now);

  // The records the new entries touched, per kind.
  const touched = new Map<string, Set<string>>();
  for (const bytes of stmt(db, "SELECT bytes FROM entries WHERE rowid > ? AND rowid <= ? AND status = 'applied'").pluck().iterate(asOf, now) as IterableIterator<Buffer>) {
    const entry = JSON.parse(bytes.toString('utf8')) as { ops?: { t?: unknown; id?: unknown }[] };
    for (const op of entry.ops ?? []) {
      if (typeof op.t !== 'string' || typeof op.id !== 'string') continue;
      // A created officer can make earlier commitments count (they wait for their officer); a changed
      // one only changes the lines that name it.
      const kind = op.t === 'officer.create' ? 'officer.create' : op.t.slice(0, op.t.indexOf('.'));
      let ids = touched.get(kind);
      if (!ids) touched.set(kind, (ids = new Set()));
      ids.add(op.id);
    }
  }
  const ids = (kind: string) => JSON.stringify([...(touched.get(kind) ?? [])]);
  // The commitments whose line may change: touched themselves, or through what their line points to.
  const affected = stmt(
    db,
    `SELECT value AS id FROM json_each(:commitments)
     UNION SELECT c.id FROM commitments c WHERE c.request_id IN (SELECT value FROM json_each(:requests))
     UNION SELECT c.id FROM requests r CROSS JOIN commitments c ON c.request_id = r.id WHERE r.shift_id IN (SELECT value FROM json_each(:shifts))
     UNION SELECT c.id FROM shifts s CROSS JOIN requests r ON r.shift_id = s.id CROSS JOIN commitments c ON c.request_id = r.id WHERE s.event_id IN (SELECT value FROM json_each(:events))
     UNION SELECT c.id FROM commitments c WHERE c.officer_id IN (SELECT value FROM json_each(:newOfficers))
     UNION SELECT commitment_id FROM settlement_lines WHERE officer_id IN (SELECT value FROM json_each(:officers))
     UNION SELECT commitment_id FROM settlement_lines WHERE agreement_id IN (SELECT value FROM json_each(:agreements))`,
  )
    .pluck()
    .all({
      commitments: ids('commitment'),
      requests: ids('request'),
      shifts: ids('shift'),
      events: ids('event'),
      officers: ids('officer'),
      newOfficers: ids('officer.create'),
      agreements: ids('agreement'),
    }) as string[];
  if (affected.length > 0) {
    const remove = stmt(db, 'DELETE FROM settlement_lines WHERE commitment_id = ?');
    for (const id of affected) remove.run(id);
    const years = new Set(stmt(db, 'SELECT year FROM settlement_years').pluck().all() as number[]);
    store(db, linesOf(db, listAssignments(db, { lentOnly: true, commitmentIds: affected })), years);
  }
  stmt(db, 'UPDATE settlement_state SET as_of = ? WHERE id = 1').run(now);
}

/** Counts a year's lines once, when it is first looked at. */
function ensureYear(db: Db, year: number): void {
  if (stmt(db, 'SELECT 1 FROM settlement_years WHERE year = ?').get(year)) return;
  const period = { from: `${String(year).padStart(4, '0')}-01-01`, to: `${String(year).padStart(4, '0')}-12-31` };
  store(db, linesOf(db, listAssignments(db, { ...period, lentOnly: true })), new Set([year]));
  stmt(db, 'INSERT INTO settlement_years (year) VALUES (?)').run(year);
  if (!stmt(db, 'SELECT 1 FROM settlement_state WHERE id = 1').get()) stmt(db, 'INSERT INTO settlement_state (id, as_of) VALUES (1, ?)').run(lastEntry(db));
}

/** How many lines were computed in this process (tests check that a change recomputes only its own lines). */
export const settlementWork = { lines: 0 };

function linesOf(db: Db, assignments: ReturnType<typeof listAssignments>): SettlementLine[] {
  if (assignments.length === 0) return [];
  const lines = settle(settlementViewOf(db, assignments), ALL_TIME).lines;
  settlementWork.lines += lines.length;
  return lines;
}

/** Keeps the lines whose shift starts in one of the years kept. */
function store(db: Db, lines: SettlementLine[], years: Set<number>): void {
  const insert = stmt(db, 'INSERT OR REPLACE INTO settlement_lines (commitment_id, start_date, officer_id, agreement_id, line) VALUES (?, ?, ?, ?, ?)');
  for (const l of lines) {
    const date = l.start.slice(0, 10);
    if (!years.has(Number(date.slice(0, 4)))) continue;
    insert.run(l.commitmentId, date, l.officerId, l.agreementId, JSON.stringify(l));
  }
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
