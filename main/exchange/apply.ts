// Stage "preview or apply": a plan file applied in one transaction, slice by slice as it is streamed, or
// rehearsed and rolled back: the preview is the real import, undone, so what the user confirms is exactly
// what will happen. Nothing is committed before the stream proved the file valid (finish()). Also applies
// parked entries and generated ones (applyRun).
import type { Db } from '../store/db';
import { stmt } from '../store/statements';
import { decodeEntry, withOps, type EncodedEntry, type StoredEntry } from '../log/entry';
import { moveFeedHead, storeEntry, writeClock, type LocalIdentity } from '../log/log';
import { applyOp, applyPrepared, checkOp, type OpEffect } from '../log/materialise';
import { addToStateHash, stateHash } from '../log/state-hash';
import { canonicalJson } from '../log/canonical';
import { gemeenteName } from '../../shared/domain/gemeenten';
import { shown } from '../../shared/text/shown';
import type { ImportPreview } from '../../shared/api/exchange';
import { listConflicts } from './conflicts';
import { violationsOfTouched } from './violation-check';
import { afterImport } from './after-import';
import { recordCard, recordPeerHave } from './partners';
import { RECORD_TYPES } from '../log/records';
import type { PlanHeader, SignedCard, SignedCheckpoint } from './format';
import { checkSender } from './import/sender';
import type { FeedFacts } from './import/chains';
import { ForkFound, KnownFeeds, refuseOld, refuseReplay, type Describe } from './import/known';
import type { DecodedSlice } from './import/scan';
import { describeEffects } from './preview-facts';
import { ownMatters } from '../../shared/exchange/narrative';
import { revocationsOf } from './trust/store';
import { applyAttestationsInImport } from './trust/import';
import { revokedReason } from './trust/rollback';
import type { Attestation } from './trust/attestations';

class Rehearsal extends Error {}

/** What applying entries did, kept compact: counts per owner, the first changes, the records touched. */
export interface Tally {
  perOwner: Map<string, ImportPreview['perGemeente'][number]>;
  changes: ImportPreview['changes'];
  /** Only while previewing: the violations of the records the file touches are part of the preview. */
  touched: Set<string> | undefined;
  rejected: ImportPreview['rejected'];
  applied: number;
  maxHlc: string;
  /** The first effects in full (values too), for the preview's facts; the rest only counted. */
  effects: OpEffect[];
  effectsOmitted: number;
}

/** Applies entries that attach to the feed's head; rejected ones (authority) are kept for audit. */
export function applyRun(db: Db, entries: StoredEntry[], tally: Tally, at: string): void {
  // Per run, not per entry: the state digest and each feed's head are written once at the end (all in the
  // caller's transaction, so nobody sees the state in between).
  let delta = 0n;
  const heads = new Map<string, StoredEntry>();
  const gemeenteOf = authorGemeenten(db);
  const revoked = revocationsOf(db);
  for (const stored of entries) {
    // The ops are parsed from the bytes only when needed: prepared ops (a large import's second pass) are not.
    let full: EncodedEntry | undefined;
    const withFull = () => (full ??= withOps(stored));
    const head = stored.entry;
    // Authority comes from the gemeente bound to the author's trusted identity, looked up now (a held or
    // parked entry is released long after it arrived), never from the entry's own claim. Once the entry's
    // gemeente is its author's, its ops are checked against it: while reading for plan-file entries, here
    // for the others (parked ones, generated ones).
    const own = gemeenteOf(head.author);
    const revocation = revoked.get(head.author);
    const problem =
      own !== head.gemeente
        ? wrongGemeente(head.gemeente, own)
        : revocation && head.seq > revocation.after
          ? revokedReason(revocation)
          : 'problem' in stored
            ? stored.problem
            : withFull()
                .entry.ops.map((op) => checkOp(withFull().entry, op))
                .find((p) => p !== undefined);
    if (problem) {
      storeEntry(db, stored, 'rejected', problem, at, false);
      tally.rejected.push({ gemeente: head.gemeente, gemeenteName: gemeenteName(head.gemeente), seq: head.seq, reason: problem });
    } else {
      storeEntry(db, stored, 'applied', null, at, false);
      if (stored.prepared && tally.changes.length >= MAX_LISTED_CHANGES) {
        delta += applyPrepared(
          db,
          stored.prepared,
          () => withFull().entry,
          (effect) => count(tally, effect),
        );
      } else {
        const e = withFull();
        for (const op of e.entry.ops) {
          // Field-level detail only while the preview still lists changes (a large file has 100,000s of ops).
          const effect = applyOp(db, e.entry, op, tally.changes.length < MAX_LISTED_CHANGES);
          delta += effect.digestDelta;
          count(tally, effect);
        }
      }
    }
    heads.set(head.author, stored);
    tally.applied++;
    if (head.hlc > tally.maxHlc) tally.maxHlc = head.hlc;
  }
  for (const last of heads.values()) moveFeedHead(db, last);
  addToStateHash(db, delta);
}

/** The gemeente of each trusted author, as this copy recorded it when it trusted that key (cached per run). */
function authorGemeenten(db: Db): (author: string) => string | undefined {
  const known = new Map<string, string | undefined>();
  const select = stmt(db, 'SELECT gemeente FROM authors WHERE public_key = ? AND trusted = 1');
  return (author) => {
    if (!known.has(author)) known.set(author, (select.get(author) as { gemeente: string } | undefined)?.gemeente);
    return known.get(author);
  };
}

function wrongGemeente(claimed: string, own: string | undefined): string {
  return own === undefined
    ? `de wijziging zegt van ${gemeenteName(claimed)} (${claimed}) te zijn, maar het apparaat is niet vertrouwd`
    : `de wijziging zegt van ${gemeenteName(claimed)} (${claimed}) te zijn, maar is gemaakt op een apparaat van ${gemeenteName(own)} (${own})`;
}

function setCheckpoint(db: Db, cp: SignedCheckpoint): void {
  stmt(db, 'UPDATE feeds SET checkpoint_seq = ?, checkpoint_sig = ? WHERE author = ? AND seq = ? AND head = ?').run(
    cp.checkpoint.seq,
    cp.sig,
    cp.checkpoint.author,
    cp.checkpoint.seq,
    cp.checkpoint.head,
  );
}

/** Applies pending entries whose predecessors have arrived and whose authors are trusted, until none fits. */
export function drainPending(db: Db, tally: Tally, at: string): void {
  for (;;) {
    const ready = stmt(
      db,
      `SELECT p.author, p.seq FROM pending_entries p JOIN authors a ON a.public_key = p.author AND a.trusted = 1
         LEFT JOIN feeds f ON f.author = p.author
         WHERE p.seq = coalesce(f.seq, 0) + 1 AND f.frozen IS NULL LIMIT 1`,
    ).get() as { author: string; seq: number } | undefined;
    if (!ready) return;
    const rows = stmt(db, 'SELECT id, seq, bytes FROM pending_entries WHERE author = ? AND seq >= ? ORDER BY seq').all(ready.author, ready.seq) as {
      id: string;
      seq: number;
      bytes: Buffer;
    }[];
    const run: EncodedEntry[] = [];
    const head = stmt(db, 'SELECT head FROM feeds WHERE author = ?').get(ready.author) as { head: string } | undefined;
    let prev = head?.head ?? null;
    for (const [i, r] of rows.entries()) {
      if (r.seq !== ready.seq + i) break;
      const e = decodeEntry(r.bytes);
      if (e.entry.prev !== prev) break;
      run.push(e);
      prev = e.id;
    }
    if (run.length === 0) {
      // The waiting entry does not fit this feed after all: leave it parked, but stop looping on it.
      stmt(db, "UPDATE pending_entries SET reason = 'gap' WHERE author = ? AND seq = ?").run(ready.author, ready.seq);
      return;
    }
    applyRun(db, run, tally, at);
    const last = run.at(-1)!;
    const cp = stmt(db, 'SELECT seq, head, sig FROM pending_checkpoints WHERE author = ? AND seq <= ? ORDER BY seq DESC LIMIT 1').get(ready.author, last.entry.seq) as
      { seq: number; head: string; sig: string } | undefined;
    if (cp) setCheckpoint(db, { checkpoint: { type: 'regie-checkpoint-v1', author: ready.author, seq: cp.seq, head: cp.head }, sig: cp.sig });
    unpark(db, ready.author, last.entry.seq);
  }
}

/** Removes what was parked or held of a feed up to `seq`, once that part of the feed is applied. */
function unpark(db: Db, author: string, seq: number): void {
  stmt(db, 'DELETE FROM pending_entries WHERE author = ? AND seq <= ?').run(author, seq);
  stmt(db, 'DELETE FROM pending_checkpoints WHERE author = ? AND seq <= ?').run(author, seq);
}

const MAX_LISTED_CHANGES = 500;
/** A file that brings at least this many entries, and more than the copy holds, is loaded in bulk. */
const BULK_ENTRIES = 10_000;

/**
 * Loading a whole region into a new or small copy: the state tables' secondary indexes are dropped and
 * built again once the rows are in (sorting once beats 100,000s of inserts at random places; about a fifth
 * less time for the rows). All inside the import's transaction: a rehearsal or a failure restores them with
 * everything else. Nothing that runs in between reads through these indexes (ops find rows by id).
 * Returns the function that builds them again.
 */
function bulkLoad(db: Db, incoming: number): () => void {
  if (incoming < BULK_ENTRIES) return () => undefined;
  const held = (stmt(db, 'SELECT count(*) AS n FROM entries').get() as { n: number }).n;
  if (incoming <= held) return () => undefined;
  const tables = [...new Set(Object.values(RECORD_TYPES).map((t) => t.table))];
  const indexes = stmt(db, `SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => '?').join(', ')})`).all(...tables) as {
    name: string;
    sql: string;
  }[];
  for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);
  return () => {
    for (const index of indexes) db.exec(index.sql);
  };
}

export function newTally(preview = false): Tally {
  return { perOwner: new Map(), changes: [], touched: preview ? new Set() : undefined, rejected: [], applied: 0, maxHlc: '', effects: [], effectsOmitted: 0 };
}

function count(tally: Tally, e: OpEffect): void {
  let g = tally.perOwner.get(e.owner);
  if (!g) {
    g = { gemeente: e.owner, gemeenteName: gemeenteName(e.owner), created: 0, changed: 0, unchanged: 0, rejected: 0 };
    tally.perOwner.set(e.owner, g);
  }
  g[e.kind]++;
  if (e.kind === 'unchanged') return;
  tally.touched?.add(e.id);
  if (tally.changes.length < MAX_LISTED_CHANGES) {
    tally.changes.push({ type: e.type, id: e.id, owner: e.owner, kind: e.kind, fields: e.changes.map((c) => c.field) });
    tally.effects.push(e);
  } else tally.effectsOmitted++;
}

function summarise(tally: Tally): ImportPreview['perGemeente'] {
  return [...tally.perOwner.values()].sort((a, b) => a.gemeente.localeCompare(b.gemeente));
}

/** A plan file as the apply stage takes it: its sender's parts, then its entries slice by slice. */
export interface ImportStream {
  fileId: string;
  header: PlanHeader;
  cards: SignedCard[];
  /** Statements of gemeente keys the file brings (certificates, revocations, rotations). */
  attestations: Attestation[];
  /** How many entries the file may bring (for loading in bulk), given which authors this copy trusts. */
  expected(trusted: (author: string) => boolean): number;
  /** The next slice in file order (its chains followed as it goes); undefined at the end. */
  next(): DecodedSlice | undefined;
  /** A feed's gemeente and device label, once a slice with it was taken. */
  describe: Describe;
  /** After the last slice: proves what was read is the file the sender signed, with valid chains and checkpoints; throws to refuse. */
  finish(): { feeds: Map<string, FeedFacts>; entries: number };
}

export function runImport(db: Db, me: LocalIdentity, plan: ImportStream, commit: boolean): ImportPreview {
  const at = new Date().toISOString();
  const { header } = plan;
  let preview: ImportPreview | undefined;
  try {
    db.transaction(() => {
      // The sender and the replay again, now that nothing can change in between.
      const { cards, successors, trustedAuthor, senderName, attestations } = checkSender(db, header, plan.cards, plan.attestations);
      refuseReplay(db, plan.fileId, senderName);
      const hashBefore = stateHash(db);
      const conflictsBefore = new Set(listConflicts(db).map((c) => c.key));
      const tally = newTally(!commit);
      const parked: ImportPreview['parked'] = [];
      const held: ImportPreview['held'] = [];

      // Cards of third parties are remembered (untrusted) so their entries can be named and trusted later.
      for (const card of cards.values()) {
        if (!stmt(db, 'SELECT 1 FROM authors WHERE public_key = ?').get(card.card.publicKey)) recordCard(db, card, false);
      }
      for (const card of successors.values()) recordCard(db, card, true);
      // Certificates, revocations and rotations of gemeente keys; what a revocation undoes is undone here.
      const undone = applyAttestationsInImport(db, attestations, at);
      const trusted = (author: string) => trustedAuthor(author)?.trusted === true;
      const restoreIndexes = bulkLoad(db, plan.expected(trusted));
      const known = new KnownFeeds(db, plan.describe, trusted);
      const insertPending = stmt(db, 'INSERT OR IGNORE INTO pending_entries (id, author, seq, gemeente, bytes, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?)');
      // Slice by slice as they are read: each slice's new entries of attaching feeds applied (in file
      // order), those of parked or held feeds put aside, known ones passed over. A fork found stops the
      // applying; the rest of the file is still read, to prove the fork before it is told (and recorded).
      let fork: ForkFound | undefined;
      for (let slice = plan.next(); slice; slice = plan.next()) {
        if (fork) continue;
        const run: StoredEntry[] = [];
        try {
          for (const e of slice.entries) {
            const disposition = known.place(e);
            if (disposition === 'attach') run.push(e);
            else if (disposition === 'gap' || disposition === 'trust') insertPending.run(e.id, e.entry.author, e.entry.seq, e.entry.gemeente, e.bytes, disposition, at);
          }
        } catch (err) {
          if (!(err instanceof ForkFound)) throw err;
          fork = err;
        }
        if (!fork && run.length) applyRun(db, run, tally, at);
      }
      // The file read is the file the sender signed, every chain and checkpoint valid: else all this is undone.
      const { feeds, entries: entryCount } = plan.finish();
      if (fork) throw fork;
      if (known.nothingNew()) refuseOld(db, header, senderName);
      for (const f of known.feeds.values()) {
        const facts = feeds.get(f.author)!;
        const cp = facts.checkpoint;
        if (f.disposition === 'attach') {
          setCheckpoint(db, cp);
          // Entries of this run that an earlier file parked (waiting for the gap this file fills) are applied
          // now: no longer parked.
          unpark(db, f.author, facts.last);
        } else if (f.disposition === 'gap' || f.disposition === 'trust') {
          stmt(db, 'INSERT OR IGNORE INTO pending_checkpoints (author, seq, head, sig) VALUES (?, ?, ?, ?)').run(f.author, cp.checkpoint.seq, cp.checkpoint.head, cp.sig);
          if (f.disposition === 'gap') {
            parked.push({
              gemeente: f.gemeente,
              gemeenteName: gemeenteName(f.gemeente),
              device: f.deviceLabel,
              publicKey: f.author,
              from: f.firstFresh!,
              to: facts.last,
              missingFrom: f.missing!.from,
              missingTo: f.missing!.to,
            });
          } else {
            held.push({ gemeente: f.gemeente, gemeenteName: gemeenteName(f.gemeente), device: f.deviceLabel, publicKey: f.author, count: f.fresh });
          }
        }
      }
      drainPending(db, tally, at);
      restoreIndexes();
      // Parked runs that the drain applied after all are no longer parked.
      const stillParked = parked.filter((p) => stmt(db, 'SELECT 1 FROM pending_entries WHERE author = ? AND seq = ?').get(p.publicKey, p.from));
      if (tally.maxHlc) writeClock(db, tally.maxHlc);
      recordPeerHave(db, header.from.gemeente, header.have);
      const summary = summarise(tally);
      for (const r of tally.rejected) {
        const g = summary.find((s) => s.gemeente === r.gemeente);
        if (g) g.rejected++;
        else summary.push({ gemeente: r.gemeente, gemeenteName: r.gemeenteName, created: 0, changed: 0, unchanged: 0, rejected: 1 });
      }
      const conflicts = listConflicts(db).filter((c) => !conflictsBefore.has(c.key));
      // Cross-gemeente rules can only be checked on the merged plan: the preview reports what this file's
      // records now break. (Only the preview: applying then skips this; violations.list has them all.)
      const touched = tally.touched;
      const violations = touched?.size ? violationsOfTouched(db, touched) : [];
      const facts = describeEffects(db, me.gemeente, tally.effects);
      // What concerns this gemeente stays with the file's record, for Meldingen (notices.list).
      const notices = ownMatters(facts, me.gemeente, header.from.gemeente);
      stmt(db, "INSERT OR IGNORE INTO plan_files (file_id, direction, sender, gemeente, recipients, created, at, entries, summary) VALUES (?, 'in', ?, ?, ?, ?, ?, ?, ?)").run(
        plan.fileId,
        header.from.publicKey,
        header.from.gemeente,
        JSON.stringify(header.to),
        header.created,
        at,
        entryCount,
        canonicalJson({ applied: tally.applied, rejected: tally.rejected.length, ...(notices.length ? { notices } : {}) }),
      );
      preview = {
        fileId: plan.fileId,
        sender: { gemeente: header.from.gemeente, gemeenteName: gemeenteName(header.from.gemeente), device: shown(header.from.deviceLabel) },
        created: header.created,
        to: header.to,
        entries: { inFile: entryCount, new: tally.applied, alreadyKnown: [...known.feeds.values()].reduce((n, f) => n + f.duplicates, 0) },
        perGemeente: summary,
        changes: tally.changes,
        rejected: tally.rejected,
        parked: stillParked,
        held,
        conflicts,
        violations,
        stateHashBefore: hashBefore,
        stateHashAfter: stateHash(db),
        applied: commit,
        ...(undone.length ? { undone } : {}),
        facts,
        factsOmitted: tally.effectsOmitted,
      };
      if (!commit) throw new Rehearsal();
      // The kept settlement lines follow the entries just applied (./after-import.ts).
      if (tally.applied > 0) afterImport(db);
    })();
  } catch (err) {
    if (!(err instanceof Rehearsal)) throw err;
  }
  return preview!;
}
