// The Verrekening screen's query, in two versions kept side by side: the fast one the screen uses
// (settlementOf) and the clear one it is held to (settlementFromPlan, below it: the period's lent work settled
// on the spot, its lines marked with the blocking violations listViolations finds).
//
// The fast version: a settlement line depends on one lent commitment and what it points to (its request,
// shift, event, officer and agreement), so lines are kept per commitment in the database (migration 017) and
// kept up to date with the entries applied since they were last brought up to date: the records those
// entries touched lead to the commitments whose lines change, and only those lines are computed again. The
// first look at a year computes its lines once; after that a change costs what it touched, not the year.
// A line's blocking rule codes are kept with it (migration 024): a year's are counted with its lines, and a
// change marks again the lines of the officers whose work it involves (their year around the kept years,
// main/domain/work-view.ts) and the cap code of the other lines in their cap groups. A period's settlement
// is then made of its kept lines (settlementOfLines). On top, a settlement is kept in memory per state
// hash: looks without a change in between are a lookup. Lines and codes are a pure function of the shared
// state, so a copy gives the same settlement however its entries arrived; the tests hold it to the
// settlement computed from the whole plan.
import type { Db } from '../store/db';
import { settle, settlementOfLines, type Settlement, type SettlementLine } from '../../shared/settlement';
import { stateHash } from '../log/state-hash';
import { stmt } from '../store/statements';
import { buildPlanView, listAssignments, listViolations, scopeAround } from './plan-view';
import { listOfficers } from './officers';
import { listAgreements } from './agreements';
import { toShift } from './shifts';
import { toEventRecord, type EventRow } from './events';
import type { Assignment, PlanView } from '../../shared/rules/types';
import { RULE_CODES, type RuleCode } from '../../shared/rules/types';
import { planFindings, type Finding } from '../../shared/rules';
import { addDays, epochOf } from '../../shared/rules/calendar';
import { buildWorkView, involvedOfficers } from './work-view';
import {
  CHAIN_CODES,
  FAR_CODES,
  noteOp,
  officersNearSixteenWeekLimit,
  officersWithNightWork,
  SHORT_REACH_DAYS,
  SIXTEEN_WEEK_REACH_DAYS,
  spansOf,
  touchedWork,
  type Changed,
  type TouchedWork,
} from './settlement-reach';

const KEPT_PER_DATABASE = 8;
const kept = new WeakMap<Db, Map<string, Settlement>>();
/**
 * A period's settlement is made of its kept lines alone: it is kept too per period with the version of the
 * kept lines it was made of, so a change that leaves them as they were (next year's work) reuses it. The
 * version counts every write to the kept lines in this process (linesChanged).
 */
const byLines = new WeakMap<Db, { version: number; periods: Map<string, { version: string; settlement: Settlement }> }>();
function keptLines(db: Db) {
  let k = byLines.get(db);
  if (!k) byLines.set(db, (k = { version: 0, periods: new Map() }));
  return k;
}
/** Notes that the kept lines changed (every write to settlement_lines, settlement_years or settlement_state goes through here). */
function linesChanged(db: Db): void {
  keptLines(db).version++;
}
/** The version of the kept lines: this connection's writes to them, and SQLite's count of other connections' commits. */
function linesVersion(db: Db): string {
  return `${keptLines(db).version}|${String(db.pragma('data_version', { simple: true }))}`;
}
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
    const same = keptLines(db).periods.get(`${period.from}|${period.to}`);
    if (same && same.version === linesVersion(db)) return same.settlement;
    const rows = stmt(db, 'SELECT line, blocking FROM settlement_lines WHERE start_date >= ? AND start_date <= ?').all(period.from, period.to) as { line: string; blocking: string | null }[];
    // The kept blocking codes, less those of violations that lie wholly before the period (as listViolations).
    const from = epochOf(`${period.from.slice(0, 10)}T00:00`);
    return settlementOfLines(
      rows.map((r) => {
        const l = JSON.parse(r.line) as SettlementLine;
        if (r.blocking === null) return l;
        const codes = (JSON.parse(r.blocking) as Mark[]).filter(([, last]) => last === '' || epochOf(last) > from).map(([code]) => code);
        return codes.length > 0 ? { ...l, blocking: codes } : l;
      }),
      period,
    );
  })();
  byKey.set(key, settlement);
  if (byKey.size > KEPT_PER_DATABASE) byKey.delete(byKey.keys().next().value!);
  const periods = keptLines(db).periods;
  periods.set(`${period.from}|${period.to}`, { version: linesVersion(db), settlement });
  if (periods.size > KEPT_PER_DATABASE) periods.delete(periods.keys().next().value!);
  return settlement;
}

/**
 * What the lines of a period add up to, for every gemeente or only the lines one gives or receives, without
 * building the settlement or keeping it in memory: summed in SQL from the kept lines (brought up to date as
 * for settlementOf) when its years are counted, and otherwise settled on the spot from the period's lent work
 * and not kept. A line's minutes and amount do not depend on its blocking marks, so the years are not counted
 * for this (counting a year evaluates the rules over its whole plan). Rapportage › Samenwerking's trend looks
 * at up to ten years this way (issue 22: counting a region's years for it set the benchmark's peak memory).
 */
export function settlementTotals(db: Db, period: { from: string; to: string }, gemeente?: string): { minutes: number; amountCents: number } {
  return db.transaction(() => {
    catchUp(db);
    let counted = true;
    for (let year = Number(period.from.slice(0, 4)); year <= Number(period.to.slice(0, 4)); year++) {
      if (!stmt(db, 'SELECT 1 FROM settlement_years WHERE year = ?').get(year)) counted = false;
    }
    if (counted) {
      return stmt(
        db,
        `SELECT coalesce(sum(json_extract(line, '$.minutes')), 0) AS minutes, coalesce(sum(json_extract(line, '$.amountCents')), 0) AS amountCents
         FROM settlement_lines WHERE start_date >= :from AND start_date <= :to
           AND (:gemeente IS NULL OR json_extract(line, '$.provider') = :gemeente OR json_extract(line, '$.host') = :gemeente)`,
      ).get({ from: period.from, to: period.to, gemeente: gemeente ?? null }) as { minutes: number; amountCents: number };
    }
    const sums = { minutes: 0, amountCents: 0 };
    for (const l of settle(buildSettlementView(db, period), period).lines) {
      if (gemeente !== undefined && l.provider !== gemeente && l.host !== gemeente) continue;
      sums.minutes += l.minutes;
      sums.amountCents += l.amountCents;
    }
    return sums;
  })();
}

// The clear version: the settlement computed from the plan on the spot, without kept lines or kept codes
// (the tests hold settlementOf to it, test/unit/main/domain/period-queries.test.ts).

/** The settlement of a period from the plan as it is: its lent work settled, marked with listViolations. */
export function settlementFromPlan(db: Db, period: { from: string; to: string }): Settlement {
  return settle(buildSettlementView(db, period), period, { blocking: blockingByCommitment(db, period) });
}

/**
 * What the settlement of a period needs and no more: the lent assignments of shifts starting in it, those
 * shifts and their events, and all officers and agreements. The SQL already leaves out what does not count
 * (withdrawn, cancelled, called off), so no requests are needed to judge that again.
 */
export function buildSettlementView(db: Db, period: { from: string; to: string }): PlanView {
  return settlementViewOf(db, listAssignments(db, { ...period, lentOnly: true }));
}

/** The settlement view of some lent assignments: their shifts and events, all officers and agreements. */
export function settlementViewOf(db: Db, assignments: Assignment[]): PlanView {
  // Only the shifts lent officers work and their events, found by id (a region's year: about a third of its shifts).
  const shiftIds = JSON.stringify([...new Set(assignments.map((a) => a.shiftId))]);
  const shifts = (stmt(db, 'SELECT * FROM shifts WHERE id IN (SELECT value FROM json_each(?)) ORDER BY starts_at, id').all(shiftIds) as Parameters<typeof toShift>[0][]).map(toShift);
  const eventIds = JSON.stringify([...new Set(shifts.map((sh) => sh.eventId))]);
  const events = (stmt(db, 'SELECT * FROM events WHERE id IN (SELECT value FROM json_each(?)) ORDER BY starts_at, name, id').all(eventIds) as EventRow[]).map(toEventRecord);
  return { officers: listOfficers(db), events, shifts, requests: [], assignments, absences: [], agreements: listAgreements(db) };
}

function lastEntry(db: Db): number {
  return (stmt(db, 'SELECT coalesce(max(rowid), 0) FROM entries').pluck().get() as number) ?? 0;
}

function forgetAll(db: Db, asOf: number): void {
  linesChanged(db);
  db.exec('DELETE FROM settlement_lines; DELETE FROM settlement_years;');
  stmt(db, 'INSERT INTO settlement_state (id, as_of) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET as_of = excluded.as_of').run(asOf);
}

/**
 * Brings the kept lines up to date with the entries applied since, as a look at a settlement does first: run
 * by an import once it applied its entries (main/exchange/after-import.ts), inside its transaction, so the
 * next look finds them current. Cheap when no year is kept yet, or nothing changed since.
 */
export function keepSettlementCurrent(db: Db): void {
  catchUp(db);
}

/** Brings the kept lines up to date with the entries applied since (only the lines those entries touch). */
function catchUp(db: Db): void {
  const now = lastEntry(db);
  const asOf = stmt(db, 'SELECT as_of FROM settlement_state WHERE id = 1').pluck().get() as number | undefined;
  if (asOf === now) return;
  if (asOf === undefined || asOf > now || !stmt(db, 'SELECT 1 FROM settlement_years LIMIT 1').get()) return forgetAll(db, now);
  const count = stmt(db, "SELECT count(*) FROM entries WHERE rowid > ? AND status = 'applied'").pluck().get(asOf) as number;
  if (count > CATCH_UP_LIMIT) return forgetAll(db, now);

  // The records the new entries touched, per kind, and whether they moved any.
  const changed: Changed = { touched: new Map(), moved: new Set(), restructured: false };
  for (const bytes of stmt(db, "SELECT bytes FROM entries WHERE rowid > ? AND rowid <= ? AND status = 'applied'").pluck().iterate(asOf, now) as IterableIterator<Buffer>) {
    const entry = JSON.parse(bytes.toString('utf8')) as { ops?: { t?: unknown; id?: unknown; set?: unknown }[] };
    for (const op of entry.ops ?? []) {
      // A created officer can make earlier commitments count (they wait for their officer); a changed
      // one only changes the lines that name it.
      if (typeof op.t === 'string' && typeof op.id === 'string') noteOp(changed, { t: op.t, id: op.id, set: op.set });
    }
  }
  const touched = changed.touched;
  const ids = (kind: string) => JSON.stringify([...(touched.get(kind) ?? [])]);
  // The commitments whose line may change: touched themselves, or through what their line points to (the
  // commitments on a touched shift, request, commitment or event: touchedWork, used for the marks too).
  const work = touchedWork(db, changed);
  const affected = [
    ...new Set([
      ...(stmt(
        db,
        `SELECT value AS id FROM json_each(:commitments)
         UNION SELECT c.id FROM commitments c WHERE c.officer_id IN (SELECT value FROM json_each(:newOfficers))
         UNION SELECT commitment_id FROM settlement_lines WHERE officer_id IN (SELECT value FROM json_each(:officers))
         UNION SELECT commitment_id FROM settlement_lines WHERE agreement_id IN (SELECT value FROM json_each(:agreements))`,
      )
        .pluck()
        .all({ commitments: ids('commitment'), officers: ids('officer'), newOfficers: ids('officer.create'), agreements: ids('agreement') }) as string[]),
      ...work.map((w) => w.commitment_id),
    ]),
  ];
  // The cap groups the affected lines were in (a withdrawn or moved commitment changes the cap of the rest).
  const capGroups = stmt(
    db,
    `SELECT DISTINCT c.provider || '|' || substr(l.start_date, 1, 7) FROM settlement_lines l CROSS JOIN commitments c ON c.id = l.commitment_id
     WHERE l.commitment_id IN (SELECT value FROM json_each(?))`,
  )
    .pluck()
    .all(JSON.stringify(affected)) as string[];
  const years = new Set(stmt(db, 'SELECT year FROM settlement_years').pluck().all() as number[]);
  if (affected.length > 0 && years.size > 0) {
    if (stmt(db, 'DELETE FROM settlement_lines WHERE commitment_id IN (SELECT value FROM json_each(?))').run(JSON.stringify(affected)).changes > 0) linesChanged(db);
    // Only the lines of the kept years are kept (a week of next year's work has none to compute).
    const inYears = stmt(
      db,
      `SELECT c.id FROM commitments c CROSS JOIN requests r ON r.id = c.request_id CROSS JOIN shifts s ON s.id = r.shift_id
       WHERE c.id IN (SELECT value FROM json_each(?)) AND s.starts_at >= ? AND s.starts_at < ?`,
    )
      .pluck()
      .all(JSON.stringify(affected), `${String(Math.min(...years)).padStart(4, '0')}-01-01`, `${String(Math.max(...years) + 1).padStart(4, '0')}-01-01`) as string[];
    if (inYears.length > 0)
      store(
        db,
        linesOf(
          db,
          listAssignments(db, { lentOnly: true, commitmentIds: inYears }).filter((a) => years.has(Number(a.start.slice(0, 4)))),
        ),
        years,
      );
  }
  remark(db, changed, capGroups, affected, work);
  stmt(db, 'UPDATE settlement_state SET as_of = ? WHERE id = 1').run(now);
}

/** A kept blocking code: the code and the latest local time its violations concern. */
type Mark = [RuleCode, string];
const CODE_ORDER = new Map<string, number>(RULE_CODES.map((c, i) => [c, i]));

/** The blocking codes per commitment of some findings, in rule order, each with its latest `last`. */
function marksOf(findings: Finding[]): Map<string, Mark[]> {
  const byCommitment = new Map<string, Map<RuleCode, string>>();
  for (const f of findings) {
    if (f.severity !== 'blocking') continue;
    for (const id of f.records) {
      let codes = byCommitment.get(id);
      if (!codes) byCommitment.set(id, (codes = new Map()));
      const was = codes.get(f.code);
      // '' (no time): never left out, as in evaluatePlan.
      if (was === undefined || (was !== '' && (f.last === '' || epochOf(f.last) > epochOf(was)))) codes.set(f.code, f.last);
    }
  }
  const out = new Map<string, Mark[]>();
  for (const [id, codes] of byCommitment)
    out.set(
      id,
      [...codes].sort((a, b) => (CODE_ORDER.get(a[0]) ?? 0) - (CODE_ORDER.get(b[0]) ?? 0)),
    );
  return out;
}

const CAP_CODE: RuleCode = 'CAP_EXCEEDED';

type LineMarks = { commitment_id: string; blocking: string | null };
const markText = (m: Mark[] | undefined) => (m && m.length > 0 ? JSON.stringify(m) : null);

/** Sets the codes of some kept lines to those of `marks`, where they differ. */
function setMarks(db: Db, rows: LineMarks[], marks: Map<string, Mark[]>): void {
  const set = stmt(db, 'UPDATE settlement_lines SET blocking = ? WHERE commitment_id = ?');
  for (const r of rows) {
    const t = markText(marks.get(r.commitment_id));
    if (t !== r.blocking) {
      set.run(t, r.commitment_id);
      linesChanged(db);
    }
  }
}

/** Sets only the cap code of the other lent lines in the cap groups a view holds whole. */
function setCapMarks(db: Db, assignments: Assignment[], skip: (a: Assignment) => boolean, whole: Set<string>, marks: Map<string, Mark[]>): void {
  const set = stmt(db, 'UPDATE settlement_lines SET blocking = ? WHERE commitment_id = ?');
  const current = stmt(db, 'SELECT blocking FROM settlement_lines WHERE commitment_id = ?').pluck();
  for (const a of assignments) {
    if (skip(a) || a.provider === a.host || !whole.has(`${a.provider}|${a.start.slice(0, 7)}`)) continue;
    const was = current.get(a.commitmentId) as string | null | undefined;
    if (was === undefined) continue;
    const others = was === null ? [] : (JSON.parse(was) as Mark[]).filter(([code]) => code !== CAP_CODE);
    const cap = marks.get(a.commitmentId)?.find(([code]) => code === CAP_CODE);
    const t = markText(cap ? [...others, cap].sort((x, y) => (CODE_ORDER.get(x[0]) ?? 0) - (CODE_ORDER.get(y[0]) ?? 0)) : others);
    if (t !== was) {
      set.run(t, a.commitmentId);
      linesChanged(db);
    }
  }
}

const dayOf = (date: string, days: number) => addDays(date, days);
const monthStart = (date: string) => `${date.slice(0, 7)}-01`;
const monthEnd = (date: string) => addDays(`${addDays(`${date.slice(0, 7)}-28`, 4).slice(0, 7)}-01`, -1);

/**
 * Marks the kept lines again after a change (settlement-reach.ts says how far a change reaches): of each
 * officer whose work it involves, the lines within the reach of the days it touched, from the work around
 * them, and the cap code of the other lent lines in the cap groups of that work; the officers the reach does
 * not bound (a moved record, night work, a far-reaching mark, a chain of short rests near the change) over
 * all the kept years. `restored`: the lines catchUp computed again (kept without codes until marked here).
 */
function remark(db: Db, changed: Changed, capGroups: string[], restored: string[], work: TouchedWork[]): void {
  const years = stmt(db, 'SELECT min(year) AS lo, max(year) AS hi FROM settlement_years').get() as { lo: number | null; hi: number | null };
  const touchedIds = [...changed.touched.values()].flatMap((set) => [...set]);
  if (years.lo === null || years.hi === null || (touchedIds.length === 0 && capGroups.length === 0)) return;
  const kept = { from: `${String(years.lo).padStart(4, '0')}-01-01`, to: `${String(years.hi).padStart(4, '0')}-12-31` };
  const judged = scopeAround(kept.from, kept.to) as { from: string; to: string };
  const spans = spansOf(db, changed, work);
  if (spans === null) return remarkOverKeptYears(db, involvedOfficers(db, touchedIds), capGroups, kept);
  // The lines computed again, with the days of their work.
  for (const l of stmt(db, 'SELECT officer_id, start_date FROM settlement_lines WHERE commitment_id IN (SELECT value FROM json_each(?))').all(JSON.stringify(restored)) as {
    officer_id: string;
    start_date: string;
  }[]) {
    const was = spans.get(l.officer_id);
    if (was === 'all') continue;
    spans.set(l.officer_id, was ? { lo: l.start_date < was.lo ? l.start_date : was.lo, hi: l.start_date > was.hi ? l.start_date : was.hi } : { lo: l.start_date, hi: l.start_date });
  }
  const whole = new Set<string>();
  const windowed = new Map<string, { lo: string; hi: string }>();
  for (const [officer, span] of spans)
    if (span === 'all') whole.add(officer);
    else windowed.set(officer, span);
  const toWhole = (officer: string) => {
    windowed.delete(officer);
    whole.add(officer);
  };
  if (windowed.size > 0) {
    // A line marked with a far-reaching code, and night work in the judged years: all the kept years.
    for (const r of stmt(db, 'SELECT officer_id, blocking FROM settlement_lines WHERE blocking IS NOT NULL AND officer_id IN (SELECT value FROM json_each(?))').all(
      JSON.stringify([...windowed.keys()]),
    ) as { officer_id: string; blocking: string }[]) {
      if ((JSON.parse(r.blocking) as Mark[]).some(([code]) => FAR_CODES.has(code))) toWhole(r.officer_id);
    }
    for (const officer of officersWithNightWork(db, windowed.keys(), judged.from, `${judged.to}T24:00`)) toWhole(officer);
  }
  // The kept lines of those officers within the longest reach of their change, in one pass.
  const byOfficer = new Map<string, { commitment_id: string; start_date: string; blocking: string | null }[]>();
  if (windowed.size > 0) {
    let first = '9999-12-31';
    for (const span of windowed.values()) if (dayOf(span.lo, -SIXTEEN_WEEK_REACH_DAYS) < first) first = dayOf(span.lo, -SIXTEEN_WEEK_REACH_DAYS);
    // Up to the end of the kept years: a line after the change is looked for too (below).
    for (const l of stmt(db, 'SELECT officer_id, commitment_id, start_date, blocking FROM settlement_lines WHERE start_date >= ? AND officer_id IN (SELECT value FROM json_each(?))').all(
      first,
      JSON.stringify([...windowed.keys()]),
    ) as { officer_id: string; commitment_id: string; start_date: string; blocking: string | null }[]) {
      let list = byOfficer.get(l.officer_id);
      if (!list) byOfficer.set(l.officer_id, (list = []));
      list.push(l);
    }
  }
  // The reach of each officer: the short one, or 16 weeks where it has lines beyond the short reach and within
  // 16 weeks of the change, and its work there may exceed the 16-week average.
  const near = new Map<string, { lo: string; hi: string }>();
  for (const [officer, span] of windowed) {
    const [shortLo, shortHi] = [dayOf(span.lo, -SHORT_REACH_DAYS), dayOf(span.hi, SHORT_REACH_DAYS)];
    const [longLo, longHi] = [dayOf(span.lo, -SIXTEEN_WEEK_REACH_DAYS), dayOf(span.hi, SIXTEEN_WEEK_REACH_DAYS)];
    const band = (byOfficer.get(officer) ?? []).filter((l) => l.start_date >= longLo && l.start_date <= longHi && (l.start_date < shortLo || l.start_date > shortHi));
    if (band.length === 0) continue;
    // The 16 weeks that hold both a line there and a day of the change lie in [max(line, day) - reach, min(line, day) + reach].
    const first = band.reduce((m, l) => (l.start_date < m ? l.start_date : m), band[0]!.start_date);
    const last = band.reduce((m, l) => (l.start_date > m ? l.start_date : m), band[0]!.start_date);
    near.set(officer, { lo: dayOf(first > span.lo ? first : span.lo, -SIXTEEN_WEEK_REACH_DAYS), hi: dayOf(last < span.hi ? last : span.hi, SIXTEEN_WEEK_REACH_DAYS) });
  }
  const long = officersNearSixteenWeekLimit(db, near);
  // Per officer the lines within reach, and the days whose work decides them.
  const lines: (LineMarks & { officer: string })[] = [];
  const judgedOf = new Set<string>();
  let lo = '9999-12-31';
  let hi = '0000-01-01';
  const around = (from: string, to: string) => {
    if (from < lo) lo = from;
    if (to > hi) hi = to;
  };
  for (const [officer, span] of windowed) {
    const reach = long.has(officer) ? SIXTEEN_WEEK_REACH_DAYS : SHORT_REACH_DAYS;
    const [from, to] = [dayOf(span.lo, -reach), dayOf(span.hi, reach)];
    const theirs = byOfficer.get(officer) ?? [];
    const mine = theirs.filter((l) => l.start_date >= from && l.start_date <= to);
    // Kept lines after the change: a chain of short rests could carry it forward, so the work around the
    // change is looked at too (a chain found there marks the officer over all the kept years).
    const later = theirs.some((l) => l.start_date >= span.lo);
    if (mine.length === 0 && !later) continue;
    judgedOf.add(officer);
    lines.push(...mine.map((l) => ({ commitment_id: l.commitment_id, blocking: l.blocking, officer })));
    around(dayOf(span.lo, -3 * reach), dayOf(span.hi, 3 * reach));
  }
  for (const group of capGroups) {
    const month = group.slice(group.indexOf('|') + 1);
    if (`${month}-01` >= kept.from && `${month}-01` <= kept.to) around(`${month}-01`, `${month}-28`);
  }
  // Whole months (the caps), within the judged years (as a year is counted).
  const scope = { from: monthStart(lo) < judged.from ? judged.from : monthStart(lo), to: monthEnd(hi) > judged.to ? judged.to : monthEnd(hi) };
  // Near the lines of a good part of the officers over most of the judged years (a week of a whole region's
  // work amid the kept years): the kept years at once are cheaper than officer by officer.
  const withLines = () => stmt(db, 'SELECT count(DISTINCT officer_id) FROM settlement_lines').pluck().get() as number;
  const days = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
  if (judgedOf.size > 0 && days(scope.from, scope.to) * 2 >= days(judged.from, judged.to) && judgedOf.size * 4 >= withLines()) {
    for (const officer of judgedOf) toWhole(officer);
    return remarkOverKeptYears(db, whole, capGroups, kept);
  }
  if (judgedOf.size > 0 || (capGroups.length > 0 && lo <= hi)) {
    const capMonths = { from: (scope.from > kept.from ? scope.from : kept.from).slice(0, 7), to: (scope.to < kept.to ? scope.to : kept.to).slice(0, 7) };
    const { view, capGroups: wholeGroups } = buildWorkView(db, scope, judgedOf, { capGroups, capMonths });
    settlementWork.judged += view.assignments.length;
    const findings = planFindings(view);
    for (const f of findings) if (CHAIN_CODES.has(f.code)) for (const id of f.records) if (judgedOf.has(id)) toWhole(id);
    const marks = marksOf(findings);
    setMarks(
      db,
      lines.filter((l) => windowed.has(l.officer)),
      marks,
    );
    setCapMarks(db, view.assignments, (a) => judgedOf.has(a.officerId), wholeGroups, marks);
  }
  if (whole.size > 0) remarkOverKeptYears(db, whole, [], kept);
}

/**
 * Marks again all the kept lines of some officers, from their work over the kept years with the year around
 * them, and the cap code of the other lent lines in the cap groups their work is in (main/domain/work-view.ts
 * says why that is whole).
 */
function remarkOverKeptYears(db: Db, officers: Set<string>, capGroups: string[], kept: { from: string; to: string }): void {
  // A change that involves a good part of the officers with lines (a week of a whole region's work): the
  // plan of the kept years is evaluated once, as when a year is counted, rather than officer by officer.
  const withLines = stmt(db, 'SELECT count(DISTINCT officer_id) FROM settlement_lines').pluck().get() as number;
  if (officers.size * 4 >= withLines) {
    const view = buildPlanView(db, scopeAround(kept.from, kept.to));
    settlementWork.judged += view.assignments.length;
    const marks = marksOf(planFindings(view));
    setMarks(db, stmt(db, 'SELECT commitment_id, blocking FROM settlement_lines').all() as LineMarks[], marks);
    return;
  }
  const { view, capGroups: whole } = buildWorkView(db, scopeAround(kept.from, kept.to), officers, { capGroups, capMonths: { from: kept.from.slice(0, 7), to: kept.to.slice(0, 7) } });
  if (view.assignments.length === 0 && officers.size === 0) return;
  settlementWork.judged += view.assignments.length;
  const marks = marksOf(planFindings(view));
  setMarks(db, stmt(db, 'SELECT commitment_id, blocking FROM settlement_lines WHERE officer_id IN (SELECT value FROM json_each(?))').all(JSON.stringify([...officers])) as LineMarks[], marks);
  setCapMarks(db, view.assignments, (a) => officers.has(a.officerId), whole, marks);
}

/** Counts a year's lines once, when it is first looked at. */
function ensureYear(db: Db, year: number): void {
  if (stmt(db, 'SELECT 1 FROM settlement_years WHERE year = ?').get(year)) return;
  const period = { from: `${String(year).padStart(4, '0')}-01-01`, to: `${String(year).padStart(4, '0')}-12-31` };
  const lines = linesOf(db, listAssignments(db, { ...period, lentOnly: true }));
  // The blocking codes of the year's work, from the plan of the year with the year around it (as listViolations).
  store(db, lines, new Set([year]), lines.length > 0 ? marksOf(planFindings(buildPlanView(db, scopeAround(period.from, period.to)))) : new Map());
  stmt(db, 'INSERT INTO settlement_years (year) VALUES (?)').run(year);
  linesChanged(db);
  if (!stmt(db, 'SELECT 1 FROM settlement_state WHERE id = 1').get()) stmt(db, 'INSERT INTO settlement_state (id, as_of) VALUES (1, ?)').run(lastEntry(db));
}

/**
 * How many lines were computed in this process, and how many assignments the rules looked at to mark lines
 * again after a change (tests check that a change recomputes only its own lines and looks at the work near it).
 */
export const settlementWork = { lines: 0, judged: 0 };

function linesOf(db: Db, assignments: ReturnType<typeof listAssignments>): SettlementLine[] {
  if (assignments.length === 0) return [];
  const lines = settle(settlementViewOf(db, assignments), ALL_TIME).lines;
  settlementWork.lines += lines.length;
  return lines;
}

/** Keeps the lines whose shift starts in one of the years kept. */
function store(db: Db, lines: SettlementLine[], years: Set<number>, marks?: Map<string, Mark[]>): void {
  const insert = stmt(db, 'INSERT OR REPLACE INTO settlement_lines (commitment_id, start_date, officer_id, agreement_id, line, blocking) VALUES (?, ?, ?, ?, ?, ?)');
  for (const l of lines) {
    const date = l.start.slice(0, 10);
    if (!years.has(Number(date.slice(0, 4)))) continue;
    const m = marks?.get(l.commitmentId);
    insert.run(l.commitmentId, date, l.officerId, l.agreementId, JSON.stringify(l), m && m.length > 0 ? JSON.stringify(m) : null);
    linesChanged(db);
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
