// Stage "compare with this copy": was this file imported before, which of its entries does this copy hold
// already, does any contradict what it holds (a fork), and what is to be done with each feed's new entries
// (attach to the feed, park until a gap is filled, hold until the device is trusted, or nothing: frozen).
// Takes the entries one at a time, reading this copy as it goes; finds, does not record: a fork found is
// thrown as a ForkFound, and the importer records it once nothing else of the file is kept.
import type { Db } from '../../store/db';
import { stmt } from '../../store/statements';
import type { StoredEntry } from '../../log/entry';
import { keyedError } from '../../../shared/i18n/error-messages';
import { PlanFileError, type PlanHeader } from '../format';
import { feedName, type FeedFacts } from './chains';

/** A feed's gemeente and device label, as shown in messages. */
export type Describe = (author: string) => Pick<FeedFacts, 'gemeente' | 'deviceLabel'>;

export type Disposition = 'attach' | 'gap' | 'trust' | 'frozen';

/** Two different entries with one author and seq: the proof to keep, and the message that refuses the file. */
export class ForkFound extends PlanFileError {
  constructor(
    message: string,
    readonly fork: { author: string; seq: number; ours: string; theirs: string; theirsBytes: Buffer; reason: string },
  ) {
    super(message);
  }
}

/** Records a fork: both entries kept as proof, and the feed no longer accepted. */
export function recordFork(db: Db, f: ForkFound['fork'], at = new Date()): void {
  db.transaction(() => {
    stmt(db, 'INSERT OR IGNORE INTO forks (author, seq, ours, theirs, theirs_bytes, detected_at) VALUES (?, ?, ?, ?, ?, ?)').run(f.author, f.seq, f.ours, f.theirs, f.theirsBytes, at.toISOString());
    stmt(db, 'UPDATE feeds SET frozen = ? WHERE author = ? AND frozen IS NULL').run(f.reason, f.author);
  })();
}

/** A file imported before is refused as a replay (verify accepts it: still a valid file). */
export function refuseReplay(db: Db, fileId: string, senderName: string): void {
  const previous = stmt(db, "SELECT at FROM plan_files WHERE file_id = ? AND direction = 'in'").get(fileId) as { at: string } | undefined;
  if (previous) throw keyedError('already_imported', 'import.already', { sender: senderName, at: previous.at });
}

/** A file with nothing new, older than one already imported from its sender, is refused as old. */
export function refuseOld(db: Db, header: PlanHeader, senderName: string): void {
  const newer = stmt(db, "SELECT created FROM plan_files WHERE sender = ? AND direction = 'in' AND created > ? LIMIT 1").get(header.from.publicKey, header.created) as { created: string } | undefined;
  if (newer) throw keyedError('already_imported', 'import.old', { sender: senderName, created: header.created });
}

export interface FeedPlan {
  author: string;
  gemeente: string;
  deviceLabel: string;
  /** This copy's head of the feed when the comparison began. */
  head: number;
  headId: string | null;
  frozen: boolean;
  trusted: boolean;
  /** Undefined while no new entry was seen (all duplicates so far). */
  disposition: Disposition | undefined;
  duplicates: number;
  /** New entries (not held, or held only as parked): what the disposition applies to. */
  fresh: number;
  firstFresh: number | undefined;
  /** For 'gap': the seqs that must arrive first. */
  missing?: { from: number; to: number };
  /** The seqs this copy holds parked for the feed (beyond its head), or null: no lookup per entry beyond them. */
  parked: { from: number; to: number } | null;
}

export class KnownFeeds {
  readonly feeds = new Map<string, FeedPlan>();
  private readonly feedRow;
  private readonly entryAt;
  private readonly pendingAt;
  private readonly pendingRange;

  constructor(
    db: Db,
    private readonly describe: Describe,
    private readonly trusted: (author: string) => boolean,
  ) {
    this.feedRow = stmt(db, 'SELECT seq, head, frozen FROM feeds WHERE author = ?');
    this.entryAt = stmt(db, 'SELECT id FROM entries WHERE author = ? AND seq = ?');
    this.pendingAt = stmt(db, 'SELECT id FROM pending_entries WHERE author = ? AND seq = ?');
    this.pendingRange = stmt(db, 'SELECT min(seq) AS "from", max(seq) AS "to" FROM pending_entries WHERE author = ? AND seq > ?');
  }

  private feed(author: string): FeedPlan {
    let f = this.feeds.get(author);
    if (!f) {
      const row = this.feedRow.get(author) as { seq: number; head: string; frozen: string | null } | undefined;
      const { gemeente, deviceLabel } = this.describe(author);
      const parked = this.pendingRange.get(author, row?.seq ?? 0) as { from: number | null; to: number | null };
      f = {
        author,
        gemeente,
        deviceLabel,
        head: row?.seq ?? 0,
        headId: row?.head ?? null,
        frozen: row?.frozen != null,
        trusted: this.trusted(author),
        disposition: undefined,
        duplicates: 0,
        fresh: 0,
        firstFresh: undefined,
        parked: parked.from === null || parked.to === null ? null : { from: parked.from, to: parked.to },
      };
      this.feeds.set(author, f);
    }
    return f;
  }

  /** What to do with this entry: nothing (held already), or its feed's disposition. Throws ForkFound. */
  place(e: StoredEntry): Disposition | 'known' {
    const f = this.feed(e.entry.author);
    const seq = e.entry.seq;
    // What this copy holds at this seq: an applied entry up to the head, a parked one beyond it (looked up
    // only within the parked range: a new feed's run costs no lookup per entry).
    const lookup = seq <= f.head ? this.entryAt : f.parked && seq >= f.parked.from && seq <= f.parked.to ? this.pendingAt : undefined;
    const stored = (lookup?.get(e.entry.author, seq) as { id: string } | undefined)?.id;
    if (stored !== undefined) {
      if (stored !== e.id) {
        throw new ForkFound(
          `${feedName(f)} heeft twee verschillende wijzigingen met nummer ${seq} ondertekend (een vork, bijvoorbeeld na het terugzetten van een back-up). ` +
            'Wijzigingen van dit apparaat worden niet meer verwerkt tot dit is uitgezocht; neem contact op met de afzender.',
          { author: e.entry.author, seq, ours: stored, theirs: e.id, theirsBytes: e.bytes, reason: `vork: twee verschillende wijzigingen nr. ${seq}` },
        );
      }
      f.duplicates++;
      // A parked copy: may still need applying.
      if (seq <= f.head) return 'known';
    }
    f.fresh++;
    if (f.disposition === undefined) {
      f.firstFresh = seq;
      if (f.frozen) f.disposition = 'frozen';
      else if (!f.trusted) f.disposition = 'trust';
      else if (seq === f.head + 1) {
        if (e.entry.prev !== f.headId) {
          throw new ForkFound(`Wijziging nr. ${seq} van ${feedName(f)} bouwt voort op een andere geschiedenis dan deze kopie kent (een vork). Neem contact op met de afzender.`, {
            author: e.entry.author,
            seq: f.head,
            ours: f.headId ?? '',
            theirs: e.id,
            theirsBytes: e.bytes,
            reason: `vork: nr. ${seq} bouwt op een andere geschiedenis`,
          });
        }
        f.disposition = 'attach';
      } else {
        f.disposition = 'gap';
        f.missing = { from: f.head + 1, to: seq - 1 };
      }
    }
    return f.disposition;
  }

  /** Whether the file brought nothing this copy does not hold. */
  nothingNew(): boolean {
    return [...this.feeds.values()].every((f) => f.disposition === undefined);
  }
}

/** How many entries a file is expected to attach (before the comparison, from the feeds' heads): for bulk loading. */
export function expectedNew(db: Db, feeds: Iterable<FeedFacts>, trusted: (author: string) => boolean): number {
  const row = stmt(db, 'SELECT seq, frozen FROM feeds WHERE author = ?');
  let n = 0;
  for (const f of feeds) {
    const r = row.get(f.author) as { seq: number; frozen: string | null } | undefined;
    if (r?.frozen || !trusted(f.author)) continue;
    n += Math.max(0, f.last - Math.max(r?.seq ?? 0, f.first - 1));
  }
  return n;
}
