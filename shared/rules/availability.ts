// Rule 4: one officer cannot be in two places at once (across all gemeenten's plans), nor work while absent.
import type { AbsenceRecord } from '../domain/request';
import { epochOf } from './calendar';
import { eventName, latest, officerName, type PlanContext } from './context';
import { finding, type Finding } from './violation';

export function checkAvailability(ctx: PlanContext): Finding[] {
  const out: Finding[] = [];
  const absences = new Map<string, AbsenceRecord[]>();
  for (const ab of ctx.view.absences) {
    if (ab.cancelled) continue;
    const list = absences.get(ab.officerId);
    if (list) list.push(ab);
    else absences.set(ab.officerId, [ab]);
  }

  for (const [officerId, list] of ctx.byOfficer) {
    const officer = officerName(ctx, officerId);
    // Sorted by start: only later assignments that start before this one ends can overlap it.
    for (let i = 0; i < list.length; i++) {
      const a = list[i];
      if (!a) continue;
      const aEnd = epochOf(a.end);
      for (let j = i + 1; j < list.length; j++) {
        const b = list[j];
        if (!b || epochOf(b.start) >= aEnd) break;
        out.push(
          finding({
            code: 'OFFICER_DOUBLE_BOOKED',
            severity: 'blocking',
            records: [officerId, a.commitmentId, b.commitmentId, a.shiftId, b.shiftId],
            params: { officer, start: a.start, end: a.end, event: eventName(ctx, a.shiftId), otherStart: b.start, otherEnd: b.end, otherEvent: eventName(ctx, b.shiftId) },
            last: latest([a.end, b.end]),
          }),
        );
      }
      for (const ab of absences.get(officerId) ?? []) {
        if (!(epochOf(ab.start) < aEnd && epochOf(a.start) < epochOf(ab.end))) continue;
        out.push(
          finding({
            code: 'OFFICER_ABSENT',
            severity: 'blocking',
            records: [officerId, a.commitmentId, ab.id, a.shiftId],
            params: { officer, start: a.start, end: a.end, event: eventName(ctx, a.shiftId), absenceStart: ab.start, absenceEnd: ab.end },
            last: a.end,
          }),
        );
      }
    }
  }
  return out;
}
