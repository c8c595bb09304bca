// A shift that starts before or ends after its event is probably mistyped (a date a day off): a warning on
// the shift, for the host gemeente that owns both.
import { epochOf } from './calendar';
import type { PlanContext } from './context';
import { finding, type Finding } from './violation';

/** Whether a shift starts before or ends after its event: the one test, for the plan and for the shift form. */
export function shiftOutsideEvent(shift: { start: string; end: string }, event: { start: string; end: string }): boolean {
  return epochOf(shift.start) < epochOf(event.start) || epochOf(shift.end) > epochOf(event.end);
}

export function checkEventSpan(ctx: PlanContext): Finding[] {
  const out: Finding[] = [];
  for (const shift of ctx.view.shifts) {
    if (shift.cancelled) continue;
    const event = ctx.events.get(shift.eventId);
    if (!event || event.status === 'afgelast') continue;
    if (!shiftOutsideEvent(shift, event)) continue;
    out.push(
      finding({
        code: 'SHIFT_OUTSIDE_EVENT',
        severity: 'warning',
        records: [shift.id, event.id],
        params: { event: event.name, start: shift.start, end: shift.end, eventStart: event.start, eventEnd: event.end },
        last: shift.end,
      }),
    );
  }
  return out;
}
