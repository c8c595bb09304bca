// What the region generator knows of each officer's work while it writes, so generated commitments pass the
// same rules a coordinator's do: nobody twice on one shift or on overlapping shifts, at least 11 h rest
// between shifts (rule 2, never the once-a-week short rest, which would need a reason), at most 5 shifts in an
// ISO week (rule 3 allows 60 h; 5 x 8 h stays far below it and below the 4-week average), and a partner's
// hours under an agreement within its monthly cap (rule 7). The rule checks over a generated region
// (test/unit/main/domain/region-generator.test.ts) show that this bookkeeping is enough.
import { epochOf, mondayOf } from '../../shared/rules/calendar';
import { MIN_REST_MINUTES } from '../../shared/rules/rest';

const REST_MS = MIN_REST_MINUTES * 60_000;
export const MAX_SHIFTS_PER_WEEK = 5;

interface Booked {
  startMs: number;
  endMs: number;
}

export class OfficerSchedule {
  /** Per officer, booked shifts ordered by start. */
  private readonly booked = new Map<string, Booked[]>();
  private readonly perWeek = new Map<string, number>();
  /** Minutes requested per agreement|provider|month: counted when asked, so a full request never breaks the cap. */
  private readonly capUse = new Map<string, number>();

  /** Whether `officerId` can work [start, end) with enough rest on both sides and room in the week. */
  free(officerId: string, start: string, end: string): boolean {
    if ((this.perWeek.get(`${officerId}|${mondayOf(start.slice(0, 10))}`) ?? 0) >= MAX_SHIFTS_PER_WEEK) return false;
    const list = this.booked.get(officerId);
    if (!list) return true;
    const s = epochOf(start);
    const e = epochOf(end);
    const i = this.firstAfter(list, s);
    const before = list[i - 1];
    const after = list[i];
    return (before === undefined || s - before.endMs >= REST_MS) && (after === undefined || after.startMs - e >= REST_MS);
  }

  book(officerId: string, start: string, end: string): void {
    const s = epochOf(start);
    let list = this.booked.get(officerId);
    if (!list) this.booked.set(officerId, (list = []));
    list.splice(this.firstAfter(list, s), 0, { startMs: s, endMs: epochOf(end) });
    const week = `${officerId}|${mondayOf(start.slice(0, 10))}`;
    this.perWeek.set(week, (this.perWeek.get(week) ?? 0) + 1);
  }

  /** Reserves a request's hours under an agreement's monthly cap; false (and nothing reserved) when they do not fit. */
  reserveCap(agreementId: string, provider: string, month: string, minutes: number, capHours: number): boolean {
    const key = `${agreementId}|${provider}|${month}`;
    const used = this.capUse.get(key) ?? 0;
    if (used + minutes > capHours * 60) return false;
    this.capUse.set(key, used + minutes);
    return true;
  }

  /** Index of the first booked shift starting at or after `ms`. */
  private firstAfter(list: Booked[], ms: number): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.startMs < ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
