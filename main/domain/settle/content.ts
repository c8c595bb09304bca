// The content of a settlement statement for a gemeente pair and period, computed from this copy's plan: the
// period's lent assignments, the corrections that later changes make to vastgesteld periods before it, the
// tariff basis, money due and the gesloten-beurs balance carried from the previous vastgesteld statement.
import type { Db } from '../../store/db';
import { stmt } from '../../store/statements';
import { settle, type SettlementLine } from '../../../shared/settlement';
import { gemeenteName } from '../../../shared/domain/gemeenten';
import { kindOf } from '../../../shared/reports/period';
import { epochToLocal } from '../../../shared/time/local';
import { readStamps } from '../../log/stamps';
import { parseHlc } from '../../log/hlc';
import { buildSettlementView } from '../settlement-queries';
import { listAgreements } from '../agreements';
import {
  STATEMENT_FORMAT,
  type StatementBalance,
  type StatementBasis,
  type StatementContent,
  type StatementCorrection,
  type StatementLine,
  type StatementTotal,
} from '../../../shared/settlement/statement-types';

export interface Period {
  from: string;
  to: string;
}

export const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);
export const periodKey = (p: Period): string => `${p.from}|${p.to}`;

/** The number both sides put on the invoice: "VV-2027-K3-0397-0473" (K = kwartaal), the same on every copy. */
export function documentNumber(a: string, b: string, period: Period): string {
  const k = kindOf(period);
  const label = !k
    ? `${period.from.replaceAll('-', '')}-${period.to.replaceAll('-', '')}`
    : k.kind === 'year'
      ? String(k.year)
      : k.kind === 'quarter'
        ? `${k.year}-K${k.index}`
        : `${k.year}-${String(k.index).padStart(2, '0')}`;
  return `VV-${label}-${a.slice(2)}-${b.slice(2)}`;
}

function toLine(l: SettlementLine): StatementLine {
  return {
    commitmentId: l.commitmentId,
    provider: l.provider,
    host: l.host,
    officerName: l.officerName,
    eventName: l.eventName,
    agreementId: l.agreementId,
    model: l.model,
    start: l.start,
    end: l.end,
    minutes: l.minutes,
    categoryMinutes: l.categoryMinutes,
    hourlyCents: l.hourlyCents,
    amountCents: l.amountCents,
  };
}

/** The pair's lent assignments (both directions) in a period, as this copy's plan has them now. */
export function currentLines(db: Db, a: string, b: string, period: Period): StatementLine[] {
  const view = buildSettlementView(db, period);
  const inPair = (x: string, y: string) => (x === a && y === b) || (x === b && y === a);
  return settle({ ...view, assignments: view.assignments.filter((x) => inPair(x.provider, x.host)) }, period).lines.map(toLine);
}

/** What a vastgesteld statement fixed, as the correction computation needs it. */
export interface Fixed {
  id: string;
  content: StatementContent;
}

/** "Amsterdam day" of a stamp "hlc author". */
function stampDay(stamp: string | undefined): string {
  const wall = stamp ? parseHlc(stamp.split(' ')[0]!)?.wall : undefined;
  return wall === undefined ? '' : epochToLocal(wall).slice(0, 10);
}

interface CauseRow {
  c_withdrawn: number | null;
  c_stamps: string | null;
  c_reasons: string | null;
  provider: string | null;
  r_withdrawn: number | null;
  r_stamps: string | null;
  host: string | null;
  s_cancelled: number | null;
  s_start: string | null;
  s_stamps: string | null;
  e_status: string | null;
  e_stamps: string | null;
  e_host: string | null;
}

/** Why a lent assignment changed after vaststelling, who changed it and when: from the records and their stamps. */
function causeOf(db: Db, commitmentId: string, change: 'gone' | 'new' | 'time' | 'tariff', agreementId: string | null): { reason: string; by: string; on: string } {
  const row = stmt(
    db,
    `SELECT c.withdrawn AS c_withdrawn, c.stamps AS c_stamps, c.reasons AS c_reasons, c.provider, r.withdrawn AS r_withdrawn, r.stamps AS r_stamps, r.host,
            s.cancelled AS s_cancelled, s.starts_at AS s_start, s.stamps AS s_stamps, e.status AS e_status, e.stamps AS e_stamps, e.host AS e_host
     FROM commitments c LEFT JOIN requests r ON r.id = c.request_id LEFT JOIN shifts s ON s.id = r.shift_id LEFT JOIN events e ON e.id = s.event_id
     WHERE c.id = ?`,
  ).get(commitmentId) as CauseRow | undefined;
  const st = (text: string | null | undefined, field: string) => (text ? readStamps(text)[field] : undefined);
  const provider = row?.provider ?? commitmentId.slice(0, 6);
  const host = row?.host ?? row?.e_host ?? provider;
  if (change === 'tariff' && agreementId) {
    const ag = stmt(db, 'SELECT proposer, stamps FROM agreements WHERE id = ?').get(agreementId) as { proposer: string; stamps: string } | undefined;
    return { reason: 'Tarief van de afspraak gewijzigd', by: ag?.proposer ?? host, on: stampDay(st(ag?.stamps, 'terms')) };
  }
  if (change === 'new') return { reason: 'Inzet toegevoegd na vaststelling', by: provider, on: stampDay(st(row?.c_stamps, 'withdrawn') ?? st(row?.c_stamps, 'officer')) };
  if (row?.c_withdrawn === 1) {
    const why = row.c_reasons ? (JSON.parse(row.c_reasons) as Record<string, string>).withdrawn : undefined;
    return { reason: why ? `Toezegging ingetrokken: ${why}` : 'Toezegging ingetrokken', by: provider, on: stampDay(st(row.c_stamps, 'withdrawn')) };
  }
  if (row?.r_withdrawn === 1) return { reason: 'Verzoek ingetrokken', by: host, on: stampDay(st(row.r_stamps, 'withdrawn')) };
  if (row?.s_cancelled === 1) return { reason: 'Dienst geannuleerd', by: host, on: stampDay(st(row.s_stamps, 'cancelled')) };
  if (row?.e_status === 'afgelast') return { reason: 'Evenement afgelast', by: host, on: stampDay(st(row.e_stamps, 'status')) };
  if (change === 'gone' && row?.s_start) return { reason: `Dienst verplaatst naar ${row.s_start.slice(0, 10)}`, by: host, on: stampDay(st(row.s_stamps, 'start')) };
  if (change === 'time') return { reason: 'Tijden van de dienst gewijzigd', by: host, on: stampDay(st(row?.s_stamps, 'end') ?? st(row?.s_stamps, 'start')) };
  return { reason: 'Niet meer in de planning', by: host, on: '' };
}

interface Settled {
  line: StatementLine;
  minutes: number;
  amountCents: number;
}

/**
 * Corrections that are still open for the pair: for each vastgesteld period before `before`, what the plan
 * says now minus what was signed (its lines plus the corrections already booked in later vastgesteld
 * statements). Equal on every copy with the same entries: causes come from the records and their stamps.
 */
export function openCorrections(db: Db, a: string, b: string, before: string, fixed: Fixed[]): StatementCorrection[] {
  const out: StatementCorrection[] = [];
  for (const f of fixed) {
    const c = f.content;
    if (c.to >= before) continue;
    const settled = new Map<string, Settled>();
    for (const l of c.lines) settled.set(l.commitmentId, { line: l, minutes: l.minutes, amountCents: l.amountCents });
    for (const later of fixed) {
      for (const k of later.content.corrections) {
        if (k.corrects.from !== c.from || k.corrects.to !== c.to) continue;
        const s = settled.get(k.commitmentId);
        if (s) {
          s.minutes += k.minutes;
          s.amountCents += k.amountCents;
        } else {
          const line: StatementLine = { ...k, categoryMinutes: { base: 0, evening: 0, night: 0, weekend: 0, holiday: 0 }, hourlyCents: 0, amountCents: k.amountCents };
          settled.set(k.commitmentId, { line, minutes: k.minutes, amountCents: k.amountCents });
        }
      }
    }
    const now = new Map(currentLines(db, a, b, c).map((l) => [l.commitmentId, l]));
    const keys = [...new Set([...settled.keys(), ...now.keys()])].sort();
    for (const key of keys) {
      const was = settled.get(key);
      const is = now.get(key);
      const minutes = (is?.minutes ?? 0) - (was?.minutes ?? 0);
      const amountCents = (is?.amountCents ?? 0) - (was?.amountCents ?? 0);
      if (minutes === 0 && amountCents === 0) continue;
      const base = is ?? was!.line;
      const change = !is || (is && was && was.minutes !== 0 && is.minutes === 0) ? 'gone' : !was || was.minutes === 0 ? 'new' : minutes !== 0 ? 'time' : 'tariff';
      const cause = causeOf(db, key, change, base.agreementId);
      out.push({
        corrects: { from: c.from, to: c.to, number: c.number },
        commitmentId: key,
        provider: base.provider,
        host: base.host,
        officerName: base.officerName,
        eventName: base.eventName,
        agreementId: base.agreementId,
        model: base.model,
        start: base.start,
        end: base.end,
        kind: minutes < 0 || amountCents < 0 ? 'credit' : 'extra',
        minutes,
        amountCents,
        reason: cause.reason,
        by: cause.by,
        byName: gemeenteName(cause.by),
        on: cause.on,
      });
    }
  }
  return out.sort((x, y) =>
    x.corrects.from < y.corrects.from ? -1 : x.corrects.from > y.corrects.from ? 1 : x.start < y.start ? -1 : x.start > y.start ? 1 : x.commitmentId < y.commitmentId ? -1 : 1,
  );
}

function totalsOf(lines: StatementLine[]): StatementTotal[] {
  const by = new Map<string, StatementTotal>();
  for (const l of lines) {
    const key = `${l.provider}|${l.host}|${l.model}`;
    let t = by.get(key);
    if (!t) by.set(key, (t = { provider: l.provider, host: l.host, model: l.model, lines: 0, minutes: 0, amountCents: 0 }));
    t.lines++;
    t.minutes += l.minutes;
    t.amountCents += l.amountCents;
  }
  return [...by.values()].sort((x, y) => (`${x.provider}|${x.host}|${x.model}` < `${y.provider}|${y.host}|${y.model}` ? -1 : 1));
}

function basisOf(db: Db, lines: { agreementId: string | null; provider: string }[]): StatementBasis[] {
  const used = new Set(lines.filter((l) => l.agreementId).map((l) => `${l.agreementId}|${l.provider}`));
  const out: StatementBasis[] = [];
  for (const ag of listAgreements(db)) {
    for (const [provider, terms] of Object.entries(ag.providers)) {
      if (!used.has(`${ag.id}|${provider}`)) continue;
      out.push({
        agreementId: ag.id,
        title: ag.title,
        contentHash: ag.contentHash,
        provider,
        model: terms.model,
        hourlyCents: terms.model === 'tariff' ? terms.hourlyCents : 0,
        surcharges: terms.model === 'tariff' ? terms.surcharges : null,
      });
    }
  }
  return out.sort((x, y) => (`${x.agreementId}|${x.provider}` < `${y.agreementId}|${y.provider}` ? -1 : 1));
}

/** Signed minutes from a's side: a lending to b counts up, b lending to a counts down. */
const signedMinutes = (a: string, x: { provider: string; model: string; minutes: number }) => (x.model !== 'gesloten_beurs' ? 0 : x.provider === a ? x.minutes : -x.minutes);

/** The statement this copy would propose now for the pair and period. `fixed`: the pair's vastgesteld statements. */
export function computeContent(db: Db, proposer: string, x: string, y: string, period: Period, fixed: Fixed[], stateHash: string, now: Date): StatementContent {
  const [a, b] = x < y ? [x, y] : [y, x];
  const lines = currentLines(db, a, b, period);
  const corrections = openCorrections(db, a, b, period.from, fixed);
  const due = new Map<string, { provider: string; host: string; amountCents: number }>();
  for (const item of [...lines, ...corrections]) {
    if (item.model !== 'tariff') continue;
    const key = `${item.provider}|${item.host}`;
    const d = due.get(key) ?? { provider: item.provider, host: item.host, amountCents: 0 };
    d.amountCents += item.amountCents;
    due.set(key, d);
  }
  const previous = fixed.filter((f) => f.content.to < period.from).sort((p, q) => (p.content.to < q.content.to ? 1 : -1))[0];
  const opening = previous?.content.balance?.closingMinutes ?? 0;
  const periodMinutes = lines.reduce((s, l) => s + signedMinutes(a, l), 0);
  const correctionMinutes = corrections.reduce((s, k) => s + signedMinutes(a, k), 0);
  const hasBeurs = opening !== 0 || [...lines, ...corrections].some((l) => l.model === 'gesloten_beurs');
  const balance: StatementBalance | null = hasBeurs
    ? {
        openingMinutes: opening,
        periodMinutes,
        correctionMinutes,
        closingMinutes: opening + periodMinutes + correctionMinutes,
        carriedFrom: opening !== 0 && previous ? previous.content.number : null,
      }
    : null;
  return {
    format: STATEMENT_FORMAT,
    pair: `${a}|${b}`,
    period: periodKey(period),
    a,
    b,
    from: period.from,
    to: period.to,
    number: documentNumber(a, b, period),
    proposedBy: proposer,
    proposedAt: now.toISOString(),
    stateHash,
    lines,
    totals: totalsOf(lines),
    corrections,
    basis: basisOf(db, [...lines, ...corrections]),
    due: [...due.values()].sort((p, q) => (`${p.provider}|${p.host}` < `${q.provider}|${q.host}` ? -1 : 1)),
    balance,
  };
}

/** The figures of a statement: everything except who proposed it, when, and from which plan state. */
export function figuresOf(c: StatementContent): Omit<StatementContent, 'proposedBy' | 'proposedAt' | 'stateHash'> {
  const { proposedBy: _by, proposedAt: _at, stateHash: _hash, ...figures } = c;
  return figures;
}
