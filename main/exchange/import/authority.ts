// Stage "check authority": may each new entry's author make its ops, and is its device trusted? Authority
// depends only on the op and its author (record ids carry their owner), so it is decided per entry while
// decoding (decode.ts); here what a check of the file (verify) tells about it. Applying asks the same of
// each entry again (apply.ts), against the gemeente this copy bound to the author's key.
import { gemeenteName } from '../../../shared/domain/gemeenten';
import type { StoredEntry } from '../../log/entry';
import type { Disposition, FeedPlan } from './known';

export class AuthorityFindings {
  private readonly perFeed = new Map<string, string[]>();

  /** A new entry (its feed's disposition given): its problem, if its author may not make one of its ops. */
  add(e: StoredEntry, _disposition: Disposition): void {
    if (!e.problem) return;
    const list = this.perFeed.get(e.entry.author) ?? [];
    list.push(`Wijziging nr. ${e.entry.seq} van ${gemeenteName(e.entry.gemeente)} is niet toegestaan: ${e.problem}.`);
    this.perFeed.set(e.entry.author, list);
  }

  /** Per feed, in file order: new entries of a device this copy does not trust, then each entry not allowed. */
  problems(feeds: Iterable<FeedPlan>): string[] {
    const out: string[] = [];
    for (const f of feeds) {
      if (f.disposition === 'trust') out.push(`${f.fresh} wijziging(en) van ${gemeenteName(f.gemeente)} (${f.deviceLabel}), een apparaat dat u niet vertrouwt.`);
      out.push(...(this.perFeed.get(f.author) ?? []));
    }
    return out;
  }
}
