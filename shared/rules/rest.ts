// Rule 2 (Arbeidstijdenwet): at least 11 h rest between diensten. 8 to 11 h is allowed once in any 7 x 24 h
// as a warning that needs a recorded reason; a second one within 7 days, or less than 8 h, blocks.
import { MINUTE_MS } from './calendar';
import { hasReason, officerName, type PlanContext, type Stint } from './context';
import { finding, type Finding } from './violation';

export const MIN_REST_MINUTES = 11 * 60;
export const MIN_SHORT_REST_MINUTES = 8 * 60;
const WINDOW_MS = 7 * 24 * 60 * MINUTE_MS;

interface ShortRest {
  before: Stint;
  after: Stint;
}

export function checkRest(ctx: PlanContext): Finding[] {
  const out: Finding[] = [];
  for (const [officerId, stints] of ctx.stints) {
    const shortRests: ShortRest[] = [];
    for (let i = 1; i < stints.length; i++) {
      const before = stints[i - 1];
      const after = stints[i];
      if (!before || !after) continue;
      const restMinutes = Math.round((after.startMs - before.endMs) / MINUTE_MS);
      if (restMinutes >= MIN_REST_MINUTES) continue;
      const last = before.assignments[before.assignments.length - 1];
      const next = after.assignments[0];
      if (!last || !next) continue;
      const params: Record<string, string | number> = {
        officer: officerName(ctx, officerId),
        prevStart: before.start,
        prevEnd: before.end,
        nextStart: after.start,
        nextEnd: after.end,
        restMinutes,
      };
      const records = [officerId, last.commitmentId, next.commitmentId, last.shiftId, next.shiftId];
      // Less than 8 h is never allowed, and does not use up the one short rest a week may have.
      if (restMinutes < MIN_SHORT_REST_MINUTES) {
        out.push(finding({ code: 'ATW_REST_TOO_SHORT', severity: 'blocking', records, params: { ...params, variant: 'under8' }, last: after.end }));
        continue;
      }
      // The rests are in time order, so the latest earlier short rest is the one to compare with.
      const earlier = shortRests[shortRests.length - 1];
      shortRests.push({ before, after });
      if (earlier && before.endMs - earlier.before.endMs < WINDOW_MS) {
        const earlierLast = earlier.before.assignments[earlier.before.assignments.length - 1];
        const earlierNext = earlier.after.assignments[0];
        out.push(
          finding({
            code: 'ATW_REST_TOO_SHORT',
            severity: 'blocking',
            // The earlier short rest's commitments are included: adding it is what makes this one block.
            records: [...records, earlierLast?.commitmentId ?? '', earlierNext?.commitmentId ?? ''].filter((r) => r !== ''),
            params: { ...params, variant: 'second', earlierStart: earlier.before.start, earlierEnd: earlier.before.end, earlierNextStart: earlier.after.start },
            last: after.end,
          }),
        );
        continue;
      }
      const accepted = hasReason(last, 'ATW_REST_TOO_SHORT') || hasReason(next, 'ATW_REST_TOO_SHORT');
      out.push(finding({ code: 'ATW_REST_TOO_SHORT', severity: 'warning', records, params: { ...params, variant: 'once' }, last: after.end, accepted }));
    }
  }
  return out;
}
