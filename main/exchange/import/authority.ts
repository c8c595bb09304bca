// Stage "check authority": may each new entry's author make its ops, and is its device trusted? Authority
// depends only on the op and its author (record ids carry their owner), so it is decided per entry while
// decoding (decode.ts); here what a check of the file (verify) tells about it. Applying asks the same of
// each entry again (apply.ts), against the gemeente this copy bound to the author's key.
import { gemeenteName } from '../../../shared/domain/gemeenten';
import { plural } from '../../../shared/i18n/plural';
import type { StoredEntry } from '../../log/entry';
import type { Disposition, FeedPlan } from './known';
import { revokedReason } from '../trust/rollback';
import type { Revoked } from '../trust/store';

export class AuthorityFindings {
  private readonly perFeed = new Map<string, string[]>();
  /** Per revoked device: how many new entries of the file come after its cut-off. */
  private readonly late = new Map<string, number>();

  /** `revoked`: the revocations this copy holds, by device key (entries after a cut-off are refused). */
  constructor(private readonly revoked: ReadonlyMap<string, Revoked> = new Map()) {}

  /** A new entry (its feed's disposition given): its problem, if its author may not make one of its ops. */
  add(e: StoredEntry, _disposition: Disposition): void {
    const revocation = this.revoked.get(e.entry.author);
    if (revocation && e.entry.seq > revocation.after) this.late.set(e.entry.author, (this.late.get(e.entry.author) ?? 0) + 1);
    if (!e.problem) return;
    const list = this.perFeed.get(e.entry.author) ?? [];
    list.push(`Wijziging nr. ${e.entry.seq} van ${gemeenteName(e.entry.gemeente)} is niet toegestaan: ${e.problem}.`);
    this.perFeed.set(e.entry.author, list);
  }

  /** Per feed, in file order: new entries of a device this copy does not trust, then each entry not allowed. */
  problems(feeds: Iterable<FeedPlan>): string[] {
    const out: string[] = [];
    for (const f of feeds) {
      const late = this.late.get(f.author);
      const revocation = this.revoked.get(f.author);
      if (late && revocation)
        out.push(`${plural('nl', late, { one: 'wijziging', other: 'wijzigingen' })} van ${gemeenteName(f.gemeente)} (${f.deviceLabel}) na het afkappunt: ${revokedReason(revocation)}.`);
      if (f.disposition === 'trust')
        out.push(`${plural('nl', f.fresh, { one: 'wijziging', other: 'wijzigingen' })} van ${gemeenteName(f.gemeente)} (${f.deviceLabel}), een apparaat dat u niet vertrouwt.`);
      out.push(...(this.perFeed.get(f.author) ?? []));
    }
    return out;
  }
}
