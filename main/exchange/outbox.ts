// What each partner still lacks: per partner gemeente the entries this copy holds that it is not known to
// have (the same selection the plan-file writer makes), and for a choice of recipients what a file would carry.
import type { Db } from '../store/db';
import { stmt } from '../store/statements';
import type { LocalIdentity } from '../log/log';
import { gemeenteName } from '../../shared/domain/gemeenten';
import { epochToLocal } from '../../shared/time/local';
import { PLAN_FILE_EXTENSION } from '../../shared/api/desktop';
import type { Outbox, OutboxPartner, OutboxSelection } from '../../shared/api/transfer';
import { partnerGemeenten, peerHave } from './partners';

interface Feed {
  author: string;
  gemeente: string;
  deviceLabel: string;
  seq: number;
  /** The last entry a file may carry: the own head, or the newest checkpoint of another author. */
  upTo: number;
}

/** Feeds a plan file can carry, as writePlanFile selects them: not frozen, covered by a checkpoint. */
function exportableFeeds(db: Db, me: LocalIdentity): Feed[] {
  const rows = stmt(
    db,
    `SELECT f.author, a.gemeente, a.device_label AS deviceLabel, f.seq, f.checkpoint_seq AS checkpointSeq
       FROM feeds f JOIN authors a ON a.public_key = f.author WHERE f.frozen IS NULL ORDER BY a.gemeente, a.device_label`,
  ).all() as { author: string; gemeente: string; deviceLabel: string; seq: number; checkpointSeq: number | null }[];
  const feeds: Feed[] = [];
  for (const r of rows) {
    const upTo = r.author === me.publicKey ? r.seq : r.checkpointSeq;
    if (upTo === null || upTo < 1) continue;
    feeds.push({ author: r.author, gemeente: r.gemeente, deviceLabel: r.deviceLabel, seq: r.seq, upTo });
  }
  return feeds;
}

/** A name part that keeps letters as they are written (Súdwest-Fryslân, Hoogeveen-Noörd): only separators become "-". */
const safeName = (s: string) =>
  s
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');

/** The date and time in the Netherlands, as YYYY-MM-DD-HHMM: two exports of one day get different names. */
function dutchStamp(now: Date): string {
  return epochToLocal(now.getTime()).replace('T', '-').replace(':', '');
}

/** regie-Zandvoort-aan-Heemstede-Bloemendaal-2026-11-27-0930.regie; many recipients become "aan-5-partners". */
export function suggestedPlanFileName(from: string, to: string[], now = new Date()): string {
  const names = to.length > 4 ? [`${to.length}-partners`] : to.map((g) => safeName(gemeenteName(g)));
  const recipients = names.length ? `-aan-${names.join('-')}` : '';
  return `regie-${safeName(gemeenteName(from))}${recipients}-${dutchStamp(now)}.${PLAN_FILE_EXTENSION}`;
}

function lastFiles(db: Db, gemeente: string): { lastReceived: string | null; lastSent: string | null } {
  const received = stmt(db, "SELECT max(at) AS at FROM plan_files WHERE direction = 'in' AND gemeente = ?").get(gemeente) as { at: string | null };
  const sent = stmt(db, "SELECT max(at) AS at FROM plan_files WHERE direction = 'out' AND recipients LIKE '%\"' || ? || '\"%'").get(gemeente) as { at: string | null };
  return { lastReceived: received.at, lastSent: sent.at };
}

/** The kind of an op type: "shift.update" is a change to a shift. */
const kindOf = (opType: unknown) => (typeof opType === 'string' ? (opType.split('.')[0] ?? 'other') : 'other');

function countKinds(db: Db, feed: Feed, from: number, kinds: Record<string, number>): void {
  const rows = stmt(db, 'SELECT bytes FROM entries WHERE author = ? AND seq BETWEEN ? AND ? ORDER BY seq').iterate(feed.author, from, feed.upTo) as Iterable<{ bytes: Buffer }>;
  for (const row of rows) {
    const entry = JSON.parse(row.bytes.toString('utf8')) as { ops?: { t?: unknown }[] };
    for (const op of entry.ops ?? []) {
      const kind = kindOf(op.t);
      kinds[kind] = (kinds[kind] ?? 0) + 1;
    }
  }
}

export interface OutboxOptions {
  /** Recipients to describe a file for; by default every partner with news for it. */
  to?: string[] | undefined;
  full?: boolean;
  now?: Date;
}

export function outbox(db: Db, me: LocalIdentity, options: OutboxOptions = {}): Outbox {
  return db.transaction(() => {
    const feeds = exportableFeeds(db, me);
    const haves = new Map(partnerGemeenten(db).map((g) => [g, peerHave(db, g)]));
    const partners: OutboxPartner[] = [...haves].map(([gemeente, have]) => ({
      gemeente,
      gemeenteName: gemeenteName(gemeente),
      entries: feeds.reduce((n, f) => n + Math.max(0, f.upTo - (have.get(f.author) ?? 0)), 0),
      ...lastFiles(db, gemeente),
      knows: feeds
        .filter((f) => f.gemeente !== gemeente)
        .map((f) => ({ gemeente: f.gemeente, gemeenteName: gemeenteName(f.gemeente), device: f.deviceLabel, has: Math.min(have.get(f.author) ?? 0, f.seq), of: f.seq })),
    }));

    const full = options.full ?? false;
    const to = (options.to ?? partners.filter((p) => p.entries > 0).map((p) => p.gemeente)).filter((g) => haves.has(g));
    const perGemeente = new Map<string, OutboxSelection['perGemeente'][number]>();
    let entries = 0;
    if (to.length > 0) {
      for (const feed of feeds) {
        const known = full ? 0 : Math.min(...to.map((g) => haves.get(g)?.get(feed.author) ?? 0));
        if (known >= feed.upTo) continue;
        const group = perGemeente.get(feed.gemeente) ?? { gemeente: feed.gemeente, gemeenteName: gemeenteName(feed.gemeente), entries: 0, kinds: {} };
        group.entries += feed.upTo - known;
        entries += feed.upTo - known;
        countKinds(db, feed, known + 1, group.kinds);
        perGemeente.set(feed.gemeente, group);
      }
    }
    return {
      partners,
      selection: {
        to,
        full,
        entries,
        perGemeente: [...perGemeente.values()],
        suggestedFileName: suggestedPlanFileName(me.gemeente, to, options.now),
      },
    };
  })();
}
