// The watcher's decisions: for each name in the postbus folder, what to do now. Pure, so each rule is tested
// alone: a sync engine's temporary or half-copied file waits, a symlink, FIFO or directory is refused, a file
// already decided is left alone until it changes, and a complete file is read.
import { isPlanFileName, isTempName, conflictOriginal, addressedBy } from './names';
import type { InRow } from './store';

export interface Observed {
  name: string;
  kind: 'file' | 'directory' | 'symlink' | 'other';
  size: number;
  mtimeMs: number;
}

export interface DecideContext {
  now: number;
  /** A file unchanged this long (by its time, or between two looks) is complete. */
  settleMs: number;
  /** A file still changing after this long is reported once as never completing (and still read if it completes). */
  giveUpMs: number;
  gemeente: string;
  ownNames: ReadonlySet<string>;
  trustEpoch: number;
}

export type Decision =
  | { action: 'skip' }
  | { action: 'own' }
  | { action: 'own-copy' }
  | { action: 'keep' }
  | { action: 'wait'; stale: boolean }
  | { action: 'refuse'; reason: string }
  | { action: 'ignore'; reason: string }
  | { action: 'read' };

/** States that are final for a file of this size and time: it is looked at again only when it changes. */
const FINAL = new Set(['waiting', 'applied', 'ack', 'duplicate', 'refused', 'ignored']);

export function decide(o: Observed, prior: InRow | undefined, c: DecideContext): Decision {
  if (isTempName(o.name) || !o.name.toLowerCase().endsWith('.regie')) return { action: 'skip' };
  if (c.ownNames.has(o.name)) return { action: 'own' };
  const original = conflictOriginal(o.name);
  if (original && c.ownNames.has(original)) return { action: 'own-copy' };
  if (!isPlanFileName(o.name)) return { action: 'skip' };
  if (o.kind === 'symlink') return { action: 'refuse', reason: 'Een snelkoppeling (symbolische link), geen bestand: niet gevolgd.' };
  if (o.kind === 'directory') return { action: 'refuse', reason: 'Een map met de naam van een planbestand: genegeerd.' };
  if (o.kind === 'other') return { action: 'refuse', reason: 'Geen gewoon bestand (bijvoorbeeld een pijp of apparaat): niet geopend.' };

  const unchanged = prior !== undefined && prior.size === o.size && prior.mtime === o.mtimeMs;
  if (unchanged && FINAL.has(prior.state)) {
    // A file refused while its sender was not trusted is read again once another device is trusted.
    const retry = prior.state === 'refused' && prior.trustEpoch !== c.trustEpoch && prior.fileId === null;
    if (!retry) return { action: 'keep' };
  }
  // Files for other gemeenten (by their name) are theirs: not opened, not recorded, not reported.
  if (addressedBy(o.name, c.gemeente) === 'others') return { action: 'skip' };

  const settledByTime = c.now - o.mtimeMs >= c.settleMs;
  const settledByLooks = unchanged && prior.state === 'changing' && c.now - Date.parse(prior.at) >= c.settleMs;
  if (!settledByTime && !settledByLooks) {
    const since = prior ? Date.parse(prior.firstSeen) : c.now;
    return { action: 'wait', stale: c.now - since >= c.giveUpMs };
  }
  if (o.size === 0) return { action: 'ignore', reason: 'Een leeg bestand (0 bytes): genegeerd tot er iets in staat.' };
  return { action: 'read' };
}
