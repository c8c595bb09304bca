// Rule 9: an event is staffed only once it has a risk class (A regulier, B aandacht, C risico).
import { RISK_CLASSES } from '../domain/event';
import { compareAssignments, commitmentIds, latest, type PlanContext } from './context';
import { finding, type Finding } from './violation';
import type { Assignment } from './types';

export function checkRiskClass(ctx: PlanContext): Finding[] {
  const byEvent = new Map<string, Assignment[]>();
  for (const a of ctx.active) {
    const eventId = ctx.shifts.get(a.shiftId)?.eventId;
    if (eventId === undefined) continue;
    const list = byEvent.get(eventId);
    if (list) list.push(a);
    else byEvent.set(eventId, [a]);
  }
  const out: Finding[] = [];
  for (const [eventId, list] of byEvent) {
    const event = ctx.events.get(eventId);
    // An event this copy has not received yet cannot be judged; its shifts are checked once it arrives.
    if (!event) continue;
    // Records from older copies or other partners may lack a risk class even though the schema requires one.
    const risk: unknown = event.risk;
    if (typeof risk === 'string' && (RISK_CLASSES as readonly string[]).includes(risk)) continue;
    const sorted = [...list].sort(compareAssignments);
    out.push(
      finding({
        code: 'RISK_CLASS_MISSING',
        severity: 'blocking',
        records: [eventId, ...commitmentIds(sorted)],
        params: { event: event.name, count: list.length },
        last: latest([event.end, ...sorted.map((a) => a.end)]),
      }),
    );
  }
  return out;
}
