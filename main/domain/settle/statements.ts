// Vaststellen: proposing a settlement statement for a gemeente pair and period, co-signing it, and reading
// what this copy knows. Proposing signs for the proposer; once both gemeenten have signed the same text, the
// period is vastgesteld for that pair and never changes: later changes become corrections (see content.ts).
import type { Db } from '../../store/db';
import { stmt } from '../../store/statements';
import { gemeenteName } from '../../../shared/domain/gemeenten';
import type { StatementContent, StatementDetail, StatementPanel, StatementSignatureInfo, StatementSummary } from '../../../shared/settlement/statement-types';
import { canonicalJson } from '../../log/canonical';
import { commitLocal, type LocalIdentity } from '../../log/log';
import { fingerprint } from '../../log/identity';
import { RECORD_TYPES, statementContentHash, statementId, statementSignatureId } from '../../log/records';
import { readStamps } from '../../log/stamps';
import { stateHash } from '../../log/state-hash';
import { createOp } from '../records';
import { computeContent, figuresOf, pairKey, periodKey, type Fixed, type Period } from './content';
import { keyedError } from '../../../shared/i18n/error-messages';

interface StatementRow {
  id: string;
  proposer: string;
  pair: string;
  period: string;
  content: string;
  content_hash: string;
}
interface SignatureRow {
  signer: string;
  statement_id: string;
  content_hash: string;
  signed_at: string;
  stamps: string;
}

interface Known {
  id: string;
  proposer: string;
  content: StatementContent;
  contentHash: string;
  signatures: StatementSignatureInfo[];
  vastgesteld: boolean;
}

function signatureInfo(db: Db, s: SignatureRow): StatementSignatureInfo {
  const author = readStamps(s.stamps).signedAt?.split(' ')[1] ?? '';
  const device = author ? (stmt(db, 'SELECT device_label FROM authors WHERE public_key = ?').get(author) as { device_label: string } | undefined) : undefined;
  return { gemeente: s.signer, gemeenteName: gemeenteName(s.signer), signedAt: s.signed_at, fingerprint: author ? fingerprint(author) : '', device: device?.device_label ?? null };
}

/** Every statement this copy holds (optionally of one pair), with the signatures that count for it. */
function known(db: Db, pair?: string): Known[] {
  const rows = (
    pair
      ? stmt(db, 'SELECT id, proposer, pair, period, content, content_hash FROM statements WHERE created = 1 AND pair = ? ORDER BY period, id').all(pair)
      : stmt(db, 'SELECT id, proposer, pair, period, content, content_hash FROM statements WHERE created = 1 ORDER BY pair, period, id').all()
  ) as StatementRow[];
  if (rows.length === 0) return [];
  const sigs = stmt(db, 'SELECT signer, statement_id, content_hash, signed_at, stamps FROM statement_signatures WHERE created = 1 AND statement_id IN (SELECT value FROM json_each(?))').all(
    JSON.stringify(rows.map((r) => r.id)),
  ) as SignatureRow[];
  return rows.map((r) => {
    const [a, b] = r.pair.split('|') as [string, string];
    // Only the pair's own signatures of this exact text count (records.ts refuses others on arrival anyway).
    const own = sigs.filter((s) => s.statement_id === r.id && s.content_hash === r.content_hash && (s.signer === a || s.signer === b));
    const signatures = own.map((s) => signatureInfo(db, s)).sort((x, y) => (x.gemeente < y.gemeente ? -1 : 1));
    return {
      id: r.id,
      proposer: r.proposer,
      content: JSON.parse(r.content) as StatementContent,
      contentHash: r.content_hash,
      signatures,
      vastgesteld: signatures.some((s) => s.gemeente === a) && signatures.some((s) => s.gemeente === b),
    };
  });
}

/**
 * The vastgesteld statements of a pair, one per period: if two texts for one period were both signed (two
 * proposals signed concurrently on two laptops), the lowest id counts, on every copy alike.
 */
function fixedOf(all: Known[]): Known[] {
  const byPeriod = new Map<string, Known>();
  for (const k of all) {
    if (!k.vastgesteld) continue;
    const have = byPeriod.get(k.content.period);
    if (!have || k.id < have.id) byPeriod.set(k.content.period, k);
  }
  return [...byPeriod.values()].sort((x, y) => (x.content.from < y.content.from ? -1 : 1));
}

const MAX_CONTENT_CHARS = 900_000;

const overlaps = (p: Period, q: Period) => p.from <= q.to && q.from <= p.to;

function summaryOf(k: Known, fixed: Known[], stale: boolean): StatementSummary {
  const c = k.content;
  const status = k.vastgesteld && fixed.some((f) => f.id === k.id) ? 'vastgesteld' : fixed.some((f) => overlaps(f.content, c)) ? 'superseded' : 'proposed';
  return {
    id: k.id,
    number: c.number,
    a: c.a,
    b: c.b,
    aName: gemeenteName(c.a),
    bName: gemeenteName(c.b),
    from: c.from,
    to: c.to,
    proposer: k.proposer,
    proposerName: gemeenteName(k.proposer),
    proposedAt: c.proposedAt,
    contentHash: k.contentHash,
    signatures: k.signatures,
    status,
    stale: status === 'proposed' && stale,
    minutes: c.lines.reduce((s, l) => s + l.minutes, 0),
    amountCents: c.due.reduce((s, d) => s + d.amountCents, 0),
  };
}

function checkPair(me: LocalIdentity, pair: readonly [string, string]): [string, string] {
  const [a, b] = pair[0] < pair[1] ? [pair[0], pair[1]] : [pair[1], pair[0]];
  if (a === b) throw keyedError('invalid_argument', 'pair.same', {}, [{ path: 'pair', key: 'field.invalid' }]);
  if (me.gemeente !== a && me.gemeente !== b) throw keyedError('refused', 'settle.not_party', { me: gemeenteName(me.gemeente), a: gemeenteName(a), b: gemeenteName(b) });
  return [a, b];
}

function checkPeriod(period: Period): void {
  if (period.to < period.from) throw keyedError('invalid_argument', 'period.end_before_start', {}, [{ path: 'to', key: 'field.date.invalid' }]);
}

function fixedContents(fixed: Known[]): Fixed[] {
  return fixed.map((f) => ({ id: f.id, content: f.content }));
}

/** What this copy would propose now for the pair and period. */
function fresh(db: Db, me: LocalIdentity, a: string, b: string, period: Period, fixed: Known[], now: Date): StatementContent {
  return computeContent(db, me.gemeente, a, b, period, fixedContents(fixed.filter((f) => f.content.period !== periodKey(period))), stateHash(db), now);
}

const sameFigures = (x: StatementContent, y: StatementContent) => canonicalJson(figuresOf(x)) === canonicalJson(figuresOf(y));

/** A statement's figures as refusal parameters (worded by the refusal messages in the reader's language). */
function figuresParams(side: 'theirs' | 'mine', c: StatementContent): Record<string, number> {
  return {
    [`${side}Shifts`]: c.lines.length,
    [`${side}Minutes`]: c.lines.reduce((s, l) => s + l.minutes, 0),
    [`${side}Corrections`]: c.corrections.length,
    [`${side}Cents`]: c.due.reduce((s, d) => s + d.amountCents, 0),
  };
}

function refuseIfFixed(fixed: Known[], period: Period): void {
  const hit = fixed.find((f) => overlaps(f.content, period));
  if (hit) throw keyedError('refused', 'settle.fixed', { from: hit.content.from, to: hit.content.to, number: hit.content.number });
}

export function proposeStatement(db: Db, me: LocalIdentity, pair: readonly [string, string], period: Period, now = new Date()): StatementSummary {
  const [a, b] = checkPair(me, pair);
  checkPeriod(period);
  const fixed = fixedOf(known(db, pairKey(a, b)));
  refuseIfFixed(fixed, period);
  const content = fresh(db, me, a, b, period, fixed, now);
  // One entry is one line of a plan file, and a reader refuses lines over 1 MB.
  if (canonicalJson(content).length > MAX_CONTENT_CHARS) throw keyedError('refused', 'settle.too_many', { count: content.lines.length });
  const hash = statementContentHash(content);
  const id = statementId(me.gemeente, content.pair, content.period, hash);
  commitLocal(db, me, [
    createOp(RECORD_TYPES.statement!, id, { pair: content.pair, period: content.period, content, contentHash: hash }),
    createOp(RECORD_TYPES.cosign!, statementSignatureId(me.gemeente, id), { statement: id, pair: content.pair, period: content.period, contentHash: hash, signedAt: now.toISOString() }),
  ]);
  return showStatement(db, me, id).summary;
}

/**
 * Signs a proposal of the partner. The signer recomputes the figures from its own plan: only a text that
 * matches them is signed. Otherwise nothing is written and the message says what differs.
 */
export function signStatement(db: Db, me: LocalIdentity, id: string, expectedHash: string, now = new Date()): StatementSummary {
  const all = known(db);
  const k = all.find((x) => x.id === id);
  if (!k) throw keyedError('not_found', 'settle.unknown', { id });
  const [a, b] = checkPair(me, [k.content.a, k.content.b]);
  if (k.contentHash !== expectedHash) throw keyedError('refused', 'settle.hash_changed');
  if (k.signatures.some((s) => s.gemeente === me.gemeente)) return showStatement(db, me, id).summary;
  const fixed = fixedOf(all.filter((x) => x.content.pair === k.content.pair));
  refuseIfFixed(fixed, k.content);
  const mine = fresh(db, me, a, b, k.content, fixed, now);
  if (!sameFigures(mine, k.content)) throw keyedError('refused', 'settle.differs', { proposer: gemeenteName(k.proposer), ...figuresParams('theirs', k.content), ...figuresParams('mine', mine) });
  commitLocal(db, me, [
    createOp(RECORD_TYPES.cosign!, statementSignatureId(me.gemeente, id), { statement: id, pair: k.content.pair, period: k.content.period, contentHash: k.contentHash, signedAt: now.toISOString() }),
  ]);
  return showStatement(db, me, id).summary;
}

export function listStatements(db: Db, me: LocalIdentity, pair?: readonly [string, string]): StatementSummary[] {
  const key = pair ? pairKey(pair[0], pair[1]) : undefined;
  const all = known(db, key);
  const byPair = new Map<string, Known[]>();
  for (const k of all) byPair.set(k.content.pair, [...(byPair.get(k.content.pair) ?? []), k]);
  const out: StatementSummary[] = [];
  for (const group of byPair.values()) {
    const fixed = fixedOf(group);
    for (const k of group) {
      const open = !k.vastgesteld && !fixed.some((f) => overlaps(f.content, k.content));
      const stale = open && (me.gemeente === k.content.a || me.gemeente === k.content.b) ? !sameFigures(fresh(db, me, k.content.a, k.content.b, k.content, fixed, new Date()), k.content) : false;
      out.push(summaryOf(k, fixed, stale));
    }
  }
  return out.sort((x, y) => (x.from < y.from ? -1 : x.from > y.from ? 1 : x.number < y.number ? -1 : x.number > y.number ? 1 : x.proposedAt < y.proposedAt ? -1 : 1));
}

export function showStatement(db: Db, me: LocalIdentity, id: string): StatementDetail {
  const k = known(db).find((x) => x.id === id);
  if (!k) throw keyedError('not_found', 'settle.unknown', { id });
  const summary = listStatements(db, me, [k.content.a, k.content.b]).find((s) => s.id === id)!;
  return { summary, content: k.content };
}

/** The Vaststellen panel: the fresh computation and what exists for this pair and period. */
export function statementPanel(db: Db, me: LocalIdentity, pair: readonly [string, string], period: Period): StatementPanel {
  checkPeriod(period);
  const [a, b] = pair[0] < pair[1] ? [pair[0], pair[1]] : [pair[1], pair[0]];
  if (a === b) throw keyedError('invalid_argument', 'pair.same', {}, [{ path: 'pair', key: 'field.invalid' }]);
  const all = known(db, pairKey(a, b));
  const fixed = fixedOf(all);
  const here = fixed.find((f) => f.content.period === periodKey(period));
  const summaries = listStatements(db, me, [a, b]);
  return {
    a,
    b,
    aName: gemeenteName(a),
    bName: gemeenteName(b),
    from: period.from,
    to: period.to,
    fresh: fresh(db, me, a, b, period, fixed, new Date()),
    vastgesteld: here ? { summary: summaries.find((s) => s.id === here.id)!, content: here.content } : null,
    proposals: summaries.filter((s) => s.status === 'proposed' && s.from === period.from && s.to === period.to),
    party: me.gemeente === a || me.gemeente === b,
  };
}
