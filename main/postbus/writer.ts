// Outgoing postbus files: for each trusted partner (or once for all), a plan file with what they lack, written
// under a temporary name and renamed when complete, so a sync engine never carries half a file. Then the
// clean-up: this device removes its own files once their recipients acknowledged them (their `have` in a later
// file) or a newer file of its own carries everything they still lack. It never removes another's file.
import { createHash, randomBytes } from 'node:crypto';
import { lstat, readdir, rename, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../store/db';
import { stmt } from '../store/statements';
import type { LocalIdentity } from '../log/log';
import { exportPlan } from '../exchange/service';
import { partnerGemeenten, peerHave } from '../exchange/partners';
import { gemeenteName } from '../../shared/domain/gemeenten';
import { conflictOriginal, outgoingName, TEMP_PREFIX } from './names';
import { plural } from '../../shared/i18n/plural';
import { addOut, heldFor, inRows, log, outRows, removeOut, setHeldFor, type OutRow, type PostbusMode } from './store';

export interface WriteOptions {
  now: Date;
  mode: PostbusMode;
  encrypt: boolean;
  /** Recipient sets to write for instead of the mode's (the simulation's neighbours). */
  targets?: string[][];
  /** Write even without news or acknowledgement to send (the app closing after a change). */
  force?: boolean;
  /** Writes one plan file (the exchange's export); a test passes one that fails like a full disk. */
  exportFile?: typeof exportPlan;
  /** Told when another gemeente's entries were held back this time: a later write relays them if still lacking. */
  heldBack?: () => void;
}

export interface Written {
  name: string;
  to: string[];
  entries: number;
  bytes: number;
}

/** Per author, the last entry a plan file may carry now: the own head, or the newest checkpoint of another. */
export function exportableUpTo(db: Db, me: LocalIdentity): Map<string, number> {
  const rows = stmt(db, 'SELECT author, seq, checkpoint_seq AS cp FROM feeds WHERE frozen IS NULL').all() as { author: string; seq: number; cp: number | null }[];
  const out = new Map<string, number>();
  for (const r of rows) {
    const upTo = r.author === me.publicKey ? r.seq : r.cp;
    if (upTo !== null && upTo > 0) out.set(r.author, upTo);
  }
  return out;
}

const key = (recipients: string[]) => [...recipients].sort().join(',');

/** This device's temporary names carry a tag of its key, so it removes only its own unfinished files. */
export function tempPrefix(me: Pick<LocalIdentity, 'publicKey'>): string {
  return `${TEMP_PREFIX}${createHash('sha256').update(me.publicKey).digest('hex').slice(0, 8)}-`;
}

function targetsOf(db: Db, options: WriteOptions): string[][] {
  if (options.targets) return options.targets.filter((t) => t.length > 0);
  const partners = partnerGemeenten(db);
  if (partners.length === 0) return [];
  return options.mode === 'all' ? [partners] : partners.map((g) => [g]);
}

/**
 * Another gemeente's entries are relayed only when the recipients still lack what this copy already held at
 * its previous file to them (or there was none): the author had that round to bring them itself. Where every
 * gemeente writes to every partner, a file then carries the writer's own news and acknowledgements, not all
 * partners' changes again (the recipients' `have` in our hands is always a round old); where files reach only
 * neighbours, a change travels on one round later at each step. Returns the feeds to leave out now.
 */
export function heldBackFeeds(db: Db, me: LocalIdentity, recipients: string[], upTo: Map<string, number>, held: Map<string, number> | undefined): Set<string> {
  const skip = new Set<string>();
  if (!held) return skip;
  const haves = recipients.map((g) => peerHave(db, g));
  for (const [author, seq] of upTo) {
    if (author === me.publicKey) continue;
    const known = Math.min(...haves.map((h) => h.get(author) ?? 0));
    if (seq > known && (held.get(author) ?? 0) <= known) skip.add(author);
  }
  return skip;
}

/**
 * Whether recipients need a new file: entries they lack that no file of ours still in the folder carries, or
 * a file of theirs with changes that we read since our last file to them (they wait for our acknowledgement).
 * Feeds held back (heldBackFeeds) do not count.
 */
export function needsFile(db: Db, recipients: string[], upTo: Map<string, number>, last: OutRow | undefined, skip: ReadonlySet<string> = new Set()): boolean {
  const haves = recipients.map((g) => peerHave(db, g));
  for (const [author, seq] of upTo) {
    if (skip.has(author)) continue;
    const known = Math.min(...haves.map((h) => h.get(author) ?? 0));
    const carried = last?.upTo[author] ?? 0;
    if (seq > Math.max(known, carried)) return true;
  }
  const since = last?.created ?? '';
  for (const row of inRows(db).values()) {
    if (row.state === 'applied' && row.gemeente !== null && recipients.includes(row.gemeente) && row.at >= since) return true;
  }
  return false;
}

/** Writes the files due now. A failure (folder gone, disk full) leaves no file under a final name, and throws. */
export async function writeFiles(db: Db, me: LocalIdentity, dir: string, options: WriteOptions): Promise<Written[]> {
  const upTo = exportableUpTo(db, me);
  const own = outRows(db);
  const written: Written[] = [];
  // The folder is listed once: names in use are those there now, our own rows, and what this call writes.
  const present = new Set(await readdir(dir));
  const taken = new Set([...present, ...own.map((r) => r.name)]);
  for (const recipients of targetsOf(db, options)) {
    const k = key(recipients);
    const mine = own.filter((r) => key(r.recipients) === k);
    let last = mine.at(-1);
    // Our last file to them is gone (taken away by hand, or the folder was emptied): it carries nothing.
    if (last && !present.has(last.name)) last = undefined;
    // Closing the app: everything they lack goes now, relayed or not (the next round may be days away).
    const skip = options.force ? new Set<string>() : heldBackFeeds(db, me, recipients, upTo, heldFor(db, k));
    if (skip.size) options.heldBack?.();
    if (!options.force && !needsFile(db, recipients, upTo, last, skip)) {
      // Nothing to write now; what was held back is relayed next time if they still lack it.
      if (skip.size) setHeldFor(db, k, upTo);
      continue;
    }
    // The file's record says what it carries: a feed left out is not carried.
    const carriedUpTo = Object.fromEntries([...upTo].filter(([author]) => !skip.has(author)));
    const name = outgoingName(me.gemeente, options.mode === 'all' && !options.targets ? 'all' : recipients, options.now, (n) => taken.has(n));
    taken.add(name);
    const temp = join(dir, `${tempPrefix(me)}${randomBytes(8).toString('hex')}.tmp`);
    let summary;
    try {
      summary = await (options.exportFile ?? exportPlan)(db, me, temp, { to: recipients, encrypt: options.encrypt, now: options.now, ...(skip.size ? { skip } : {}) });
      await rename(temp, join(dir, name));
    } catch (err) {
      await rm(temp, { force: true }).catch(() => undefined);
      throw err;
    }
    const carried: OutRow['carried'] = {};
    for (const f of summary.feeds) carried[f.author] = { from: f.from, to: f.to };
    db.transaction(() => {
      addOut(db, { name, recipients, upTo: carriedUpTo, carried, created: options.now.toISOString(), entries: summary.entries, bytes: summary.bytes });
      setHeldFor(db, k, upTo);
      log(db, 'written', name, `Geschreven voor ${recipients.map(gemeenteName).join(', ')}: ${plural('nl', summary.entries, { one: 'wijziging', other: 'wijzigingen' })}.`, options.now);
    })();
    written.push({ name, to: recipients, entries: summary.entries, bytes: summary.bytes });
    own.push({ name, recipients, upTo: carriedUpTo, carried, created: options.now.toISOString(), entries: summary.entries, bytes: summary.bytes });
  }
  return written;
}

/** Every recipient said (in a later file's `have`) that it has everything this file carries. */
export function acknowledged(db: Db, row: OutRow): boolean {
  if (row.entries === 0) return false;
  return row.recipients.every((g) => {
    const have = peerHave(db, g);
    return Object.entries(row.carried).every(([author, range]) => (have.get(author) ?? 0) >= range.to);
  });
}

/**
 * Removes this device's own files that are no longer needed, its temporary files left by an interrupted write,
 * and sync-engine conflict copies of its own files. Returns the names removed.
 */
export async function cleanUp(db: Db, me: LocalIdentity, dir: string, now: Date): Promise<string[]> {
  const removed: string[] = [];
  const own = outRows(db);
  const newest = new Map<string, OutRow>();
  for (const row of own) newest.set(key(row.recipients), row);
  const present = new Set(await readdir(dir));
  for (const row of own) {
    if (!present.has(row.name)) {
      removeOut(db, row.name);
      continue;
    }
    const superseded = newest.get(key(row.recipients)) !== row;
    const done = acknowledged(db, row);
    if (!superseded && !done) continue;
    try {
      await unlink(join(dir, row.name));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    db.transaction(() => {
      removeOut(db, row.name);
      log(db, 'removed', row.name, done ? 'Opgeruimd: de ontvangers hebben alles uit dit bestand.' : 'Opgeruimd: een nieuwer bestand brengt alles wat de ontvangers nog missen.', now);
    })();
    removed.push(row.name);
  }
  const ownNames = new Set(own.map((r) => r.name));
  for (const name of present) {
    const original = conflictOriginal(name);
    const stale = name.startsWith(tempPrefix(me)) && (await olderThan(join(dir, name), now, 60 * 60 * 1000));
    if ((original && ownNames.has(original)) || stale) {
      try {
        await unlink(join(dir, name));
        removed.push(name);
        log(db, 'tidied', name, stale ? 'Opgeruimd: een onvoltooid bestand van dit apparaat.' : 'Opgeruimd: een conflictkopie die de synchronisatie van een eigen bestand maakte.', now);
      } catch {
        // Gone meanwhile, or not ours to remove after all: left as it is.
      }
    }
  }
  return removed;
}

async function olderThan(path: string, now: Date, ms: number): Promise<boolean> {
  try {
    return now.getTime() - (await lstat(path)).mtimeMs > ms;
  } catch {
    return false;
  }
}
