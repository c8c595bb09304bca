// Stage "verify chains and checkpoints": every feed in the file runs in order without holes, no entry is
// dated in the future, every entry is of its device's gemeente, and each feed ends in a checkpoint its
// device signed. Takes the entries one at a time and keeps only a few facts per feed, so the file need not
// be held. The first problem is kept and told by finish(), after the whole file was read: a line that is not
// valid at all is reported before what valid lines say.
import { fingerprint } from '../../log/identity';
import { MAX_FUTURE_MS, parseHlc } from '../../log/hlc';
import type { StoredEntry } from '../../log/entry';
import { gemeenteName } from '../../../shared/domain/gemeenten';
import { shown } from '../../../shared/text/shown';
import { PlanFileError, type SignedCheckpoint } from '../format';
import { checkpointIsValid } from '../signing';

/** What this copy (or the file's cards) says of a device: its gemeente and label, if known. */
export type Identify = (author: string) => { gemeente?: string | undefined; deviceLabel?: string | undefined };

export interface FeedFacts {
  author: string;
  /** The device's gemeente: as this copy knows it, else as its card says, else as its first entry says. */
  gemeente: string;
  /** The device's label as shown (or "apparaat" and the start of its fingerprint). */
  deviceLabel: string;
  /** First and last seq in the file, the last one's id, and how many entries. */
  first: number;
  last: number;
  lastId: string;
  count: number;
  /** Set by finish(): the checkpoint of the last entry. */
  checkpoint: SignedCheckpoint;
}

export const feedName = (f: Pick<FeedFacts, 'gemeente' | 'deviceLabel'>) => `${gemeenteName(f.gemeente)} (${f.deviceLabel})`;

function who(gemeente: string, device: string | undefined, key: string): string {
  return `${gemeenteName(gemeente)} (${device === undefined ? `apparaat ${fingerprint(key).slice(0, 11)}` : shown(device)})`;
}

/** A wall-clock time of a stamp in words; a stamp beyond any real date is called what it is. */
function describeWall(wall: number, hlc: string): string {
  const date = new Date(wall);
  return Number.isNaN(date.getTime()) ? `een onmogelijke datum (klokstempel ${hlc}, voorbij het jaar 275.000)` : date.toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam' });
}

type Open = Omit<FeedFacts, 'checkpoint'> & { wrongGemeente?: { seq: number; gemeente: string } };

export class FeedChains {
  private readonly feeds = new Map<string, Open>();
  private problem: PlanFileError | undefined;
  entries = 0;
  private readonly maxWall: number;

  constructor(
    private readonly identify: Identify,
    now: number,
  ) {
    this.maxWall = now + MAX_FUTURE_MS;
  }

  add(e: Pick<StoredEntry, 'id' | 'entry'>): void {
    this.entries++;
    if (this.problem) return;
    const { author, seq, prev, gemeente, hlc } = e.entry;
    let feed = this.feeds.get(author);
    if (feed) {
      if (seq !== feed.last + 1 || prev !== feed.lastId) {
        const name = who(gemeente, this.identify(author).deviceLabel, author);
        this.problem = new PlanFileError(
          seq <= feed.last
            ? `De wijzigingen van ${name} staan in de verkeerde volgorde (nr. ${seq} na nr. ${feed.last}).`
            : `De keten van ${name} is onderbroken: na wijziging nr. ${feed.last} volgt nr. ${seq}${seq === feed.last + 1 ? ' die niet op de vorige aansluit' : ''}.`,
        );
        return;
      }
    }
    const wall = parseHlc(hlc)!.wall;
    if (wall > this.maxWall) {
      this.problem = new PlanFileError(
        `Wijziging nr. ${seq} van ${gemeenteName(gemeente)} is gedateerd op ${describeWall(wall, hlc)}, meer dan 24 uur na de klok van deze computer. Controleer de datum en tijd van beide computers.`,
      );
      return;
    }
    if (!feed) {
      const known = this.identify(author);
      const label = known.deviceLabel;
      feed = {
        author,
        gemeente: known.gemeente ?? gemeente,
        deviceLabel: label === undefined ? `apparaat ${fingerprint(author).slice(0, 11)}` : shown(label),
        first: seq,
        last: seq - 1,
        lastId: '',
        count: 0,
      };
      this.feeds.set(author, feed);
    }
    if (!feed.wrongGemeente && gemeente !== feed.gemeente) feed.wrongGemeente = { seq, gemeente };
    feed.last = seq;
    feed.lastId = e.id;
    feed.count++;
  }

  /** A feed's gemeente and label as shown, once add() has seen it. */
  describe(author: string): Pick<FeedFacts, 'gemeente' | 'deviceLabel'> {
    const f = this.feeds.get(author);
    return f ?? { gemeente: this.identify(author).gemeente ?? '', deviceLabel: `apparaat ${fingerprint(author).slice(0, 11)}` };
  }

  /** The facts of every feed, in the order of first appearance, once every feed checks out; throws the first problem. */
  finish(checkpoints: SignedCheckpoint[]): Map<string, FeedFacts> {
    if (this.problem) throw this.problem;
    // One lookup per feed (a file may carry thousands of feeds: a search per feed would grow with their square).
    const byKey = new Map<string, SignedCheckpoint>();
    for (const c of checkpoints) {
      const key = `${c.checkpoint.author} ${c.checkpoint.seq}`;
      if (!byKey.has(key)) byKey.set(key, c);
    }
    const done = new Map<string, FeedFacts>();
    for (const [author, feed] of this.feeds) {
      const cp = byKey.get(`${author} ${feed.last}`);
      if (!cp || cp.checkpoint.head !== feed.lastId || !checkpointIsValid(cp)) {
        throw new PlanFileError(`De wijzigingen van ${feedName(feed)} zijn niet door dat apparaat zelf ondertekend (controlepunt ontbreekt of klopt niet): mogelijk vervalst.`);
      }
      if (feed.wrongGemeente) {
        const w = feed.wrongGemeente;
        throw new PlanFileError(`Wijziging nr. ${w.seq} zegt van ${gemeenteName(w.gemeente)} te zijn, maar is gemaakt op een apparaat van ${gemeenteName(feed.gemeente)}.`);
      }
      const { wrongGemeente: _w, ...facts } = feed;
      done.set(author, { ...facts, checkpoint: cp });
    }
    return done;
  }
}
