// Pure helpers of the Evenement screen: wall-clock arithmetic on local times, the timeline's scale, the rows
// of the (virtualised) shift list, and which rule violations concern which shift.
import type { ShiftPlan } from '../../../shared/api/planning';
import type { Violation } from '../../../shared/rules/types';

const MINUTE = 60_000;

export function wallMinutes(local: string): number {
  return Date.UTC(Number(local.slice(0, 4)), Number(local.slice(5, 7)) - 1, Number(local.slice(8, 10)), Number(local.slice(11, 13)), Number(local.slice(14, 16))) / MINUTE;
}

export function fromWallMinutes(minutes: number): string {
  return new Date(minutes * MINUTE).toISOString().slice(0, 16);
}

export function addMinutes(local: string, minutes: number): string {
  return fromWallMinutes(wallMinutes(local) + minutes);
}

/** Minutes from the start of the shift's own day to its start and end (an end after midnight is > 1440). */
function offsets(s: Pick<ShiftPlan, 'start' | 'end'>): [number, number] {
  const day = wallMinutes(`${s.start.slice(0, 10)}T00:00`);
  return [wallMinutes(s.start) - day, wallMinutes(s.end) - day];
}

export interface Scale {
  from: number;
  to: number;
}

/** Whole hours around every shift's time of day, at least 8 hours wide. */
export function timelineScale(shifts: readonly Pick<ShiftPlan, 'start' | 'end'>[]): Scale {
  if (shifts.length === 0) return { from: 8 * 60, to: 20 * 60 };
  let from = Infinity;
  let to = -Infinity;
  for (const s of shifts) {
    const [a, b] = offsets(s);
    from = Math.min(from, a);
    to = Math.max(to, b);
  }
  from = Math.floor(from / 60) * 60;
  to = Math.max(Math.ceil(to / 60) * 60, from + 8 * 60);
  return { from, to };
}

/** Left and width of a shift's bar, in percent of the scale. */
export function barOf(s: Pick<ShiftPlan, 'start' | 'end'>, scale: Scale): { left: number; width: number } {
  const [a, b] = offsets(s);
  const span = scale.to - scale.from;
  return { left: ((a - scale.from) / span) * 100, width: (Math.max(b - a, 15) / span) * 100 };
}

export function hourLabel(minutes: number): string {
  const h = Math.floor(minutes / 60) % 24;
  return `${String(h).padStart(2, '0')}:00`;
}

export type TimelineRow = { kind: 'day'; date: string; count: number } | { kind: 'shift'; shift: ShiftPlan; position: number };

/** Day headings followed by that day's shifts, in order. */
export function timelineRows(shifts: readonly ShiftPlan[]): TimelineRow[] {
  const rows: TimelineRow[] = [];
  let day = '';
  let position = 0;
  for (const s of shifts) {
    const d = s.start.slice(0, 10);
    if (d !== day) {
      day = d;
      rows.push({ kind: 'day', date: d, count: shifts.filter((x) => x.start.slice(0, 10) === d).length });
    }
    rows.push({ kind: 'shift', shift: s, position: ++position });
  }
  return rows;
}

/** The records of a shift that a violation may name: the shift, its requests and its commitments. */
export function shiftRecordIds(s: ShiftPlan): string[] {
  return [s.id, ...s.requests.map((r) => r.id), ...s.officers.map((o) => o.commitmentId)];
}

export function violationsByShift(shifts: readonly ShiftPlan[], violations: readonly Violation[]): Map<string, Violation[]> {
  const owner = new Map<string, string>();
  for (const s of shifts) for (const id of shiftRecordIds(s)) owner.set(id, s.id);
  const out = new Map<string, Violation[]>();
  for (const v of violations) {
    const ids = new Set(v.records.map((r) => owner.get(r)).filter((x): x is string => x !== undefined));
    for (const id of ids) out.set(id, [...(out.get(id) ?? []), v]);
  }
  return out;
}

/** Violations that concern this event: its id, or any record of its shifts. */
export function eventViolations(eventId: string, shifts: readonly ShiftPlan[], violations: readonly Violation[]): Violation[] {
  const ids = new Set([eventId, ...shifts.flatMap(shiftRecordIds)]);
  return violations.filter((v) => v.records.some((r) => ids.has(r)));
}

/** "Strandfeest 2027" becomes "Strandfeest 2028" when the copy starts in 2028. */
export function nextEditionName(name: string, fromYear: string, toYear: string): string {
  return fromYear !== toYear && name.includes(fromYear) ? name.split(fromYear).join(toYear) : name;
}

const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/**
 * The end a user most likely meant when a shift's end time is not after its start on the same day (20:00 to
 * 02:00): the same time on the next day. Undefined when the times are fine or not both filled in.
 */
export function nextDayEnd(start: string, end: string): string | undefined {
  if (!LOCAL_TIME.test(start) || !LOCAL_TIME.test(end) || end.slice(0, 10) !== start.slice(0, 10) || end > start) return undefined;
  const next = addMinutes(end, 24 * 60);
  return next > start ? next : undefined;
}
