// Rule 2, daily rest (Arbeidstijdenwet art. 5:3 lid 1): within every period of 24 hours an uninterrupted rest
// of at least 11 hours, which may be shortened to at least 8 hours once in every period of 7 x 24 hours when
// the nature of the work or the circumstances require it (a warning that needs a recorded reason; a second
// one within 7 x 24 h, or less than 8 h, blocks). Source: wetten.overheid.nl BWBR0007671 art. 5:3;
// arboportaal.nl "Werktijden" (rusttijden).
//
// The 24-hour periods start at the start of each dienst (the Inspectie SZW's reading): the rest has to fall
// inside that period, so a dienst including its pauses may span at most 13 hours. A pause between two shifts
// on one day is not the rest period and is not judged as one: only the longest rest in the period counts.
// After a night shift that ends after 02:00 the 14 hours of art. 5:8 apply instead (see night.ts).
import { MINUTE_MS } from './calendar';
import { commitmentIds, hasReason, officerName, type PlanContext, type Stint } from './context';
import { nightRestStarts } from './night';
import { finding, type Finding } from './violation';

export const MIN_REST_MINUTES = 11 * 60;
export const MIN_SHORT_REST_MINUTES = 8 * 60;
const DAY_MS = 24 * 60 * MINUTE_MS;
const WINDOW_MS = 7 * DAY_MS;

interface ShortRest {
  /** Index of the stint the rest follows. */
  after: number;
  /** Index of the stint whose 24-hour period it is. */
  from: number;
  restMs: number;
  /** The rest runs past the end of the 24-hour period (the dienst with its pauses spans too long). */
  clipped: boolean;
}

/** The shortest "longest rest" found for each rest that was the best a 24-hour period had. */
function shortRests(stints: readonly Stint[], skip: ReadonlySet<number>): ShortRest[] {
  const byRest = new Map<number, ShortRest>();
  for (let i = 0; i < stints.length; i++) {
    const periodEnd = stints[i]!.startMs + DAY_MS;
    let best: ShortRest | undefined;
    for (let j = i; j < stints.length; j++) {
      const restStart = stints[j]!.endMs;
      if (restStart >= periodEnd) break;
      const nextStart = stints[j + 1]?.startMs ?? Infinity;
      const restMs = Math.min(nextStart, periodEnd) - restStart;
      if (!best || restMs > best.restMs) best = { after: j, from: i, restMs, clipped: nextStart > periodEnd };
    }
    if (!best || best.restMs >= MIN_REST_MINUTES * MINUTE_MS) continue;
    // The 14 hours after night work are judged by the night rule.
    if (skip.has(stints[best.after]!.endMs)) continue;
    const known = byRest.get(best.after);
    if (!known || best.restMs < known.restMs) byRest.set(best.after, best);
  }
  return [...byRest.values()].sort((a, b) => a.after - b.after);
}

export function checkRest(ctx: PlanContext): Finding[] {
  const out: Finding[] = [];
  for (const [officerId, stints] of ctx.stints) {
    const officer = officerName(ctx, officerId);
    let earlier: ShortRest | undefined;
    for (const r of shortRests(stints, nightRestStarts(officerId, stints))) {
      const before = stints[r.after]!;
      const after = stints[r.after + 1];
      const first = stints[r.from]!;
      const restMinutes = Math.round(r.restMs / MINUTE_MS);
      const inPeriod = stints.slice(r.from, r.after + 1);
      const last = before.assignments[before.assignments.length - 1]!;
      const next = after?.assignments[0];
      const params: Record<string, string | number> = {
        officer,
        periodStart: first.start,
        prevStart: before.start,
        prevEnd: before.end,
        nextStart: after?.start ?? '',
        nextEnd: after?.end ?? '',
        restMinutes,
        clipped: r.clipped ? 1 : 0,
      };
      const records = [officerId, last.commitmentId, ...(next ? [next.commitmentId] : []), last.shiftId, ...(next ? [next.shiftId] : [])];
      if (r.clipped) records.push(...inPeriod.flatMap((s) => commitmentIds(s.assignments)));
      const lastLocal = after && !r.clipped ? after.end : before.end;
      // Less than 8 h is never allowed, and does not use up the one short rest a week may have.
      if (restMinutes < MIN_SHORT_REST_MINUTES) {
        out.push(finding({ code: 'ATW_REST_TOO_SHORT', severity: 'blocking', records, params: { ...params, variant: 'under8' }, last: lastLocal }));
        continue;
      }
      if (earlier && before.endMs - stints[earlier.after]!.endMs < WINDOW_MS) {
        const e = earlier;
        const eBefore = stints[e.after]!;
        const eAfter = stints[e.after + 1];
        out.push(
          finding({
            code: 'ATW_REST_TOO_SHORT',
            severity: 'blocking',
            // The earlier short rest's commitments are included: adding it is what makes this one block.
            records: [...records, ...commitmentIds(eBefore.assignments.slice(-1)), ...(eAfter ? commitmentIds(eAfter.assignments.slice(0, 1)) : [])],
            params: { ...params, variant: 'second', earlierStart: eBefore.start, earlierEnd: eBefore.end, earlierNextStart: eAfter?.start ?? '' },
            last: lastLocal,
          }),
        );
        continue;
      }
      earlier = r;
      const accepted =
        hasReason(last, 'ATW_REST_TOO_SHORT') || (next !== undefined && hasReason(next, 'ATW_REST_TOO_SHORT')) || inPeriod.some((s) => s.assignments.some((a) => hasReason(a, 'ATW_REST_TOO_SHORT')));
      out.push(finding({ code: 'ATW_REST_TOO_SHORT', severity: 'warning', records, params: { ...params, variant: 'once' }, last: lastLocal, accepted }));
    }
  }
  return out;
}
