// The plan indexed for the rules: lookups by id, the assignments that count, and each officer's work
// merged into stints (assignments back to back or overlapping form one continuous dienst).
import type { AgreementRecord } from '../domain/agreement';
import type { EventRecord } from '../domain/event';
import { gemeenteName } from '../domain/gemeenten';
import type { OfficerRecord } from '../domain/officer';
import type { RequestRecord } from '../domain/request';
import type { ShiftRecord } from '../domain/shift';
import { epochOf } from './calendar';
import type { Assignment, PlanView } from './types';

/** Continuous work of one officer: the rest rule measures between stints, the length rule a stint. */
export interface Stint {
  officerId: string;
  assignments: Assignment[];
  start: string;
  end: string;
  startMs: number;
  endMs: number;
}

export interface PlanContext {
  view: PlanView;
  officers: Map<string, OfficerRecord>;
  shifts: Map<string, ShiftRecord>;
  events: Map<string, EventRecord>;
  requests: Map<string, RequestRecord>;
  agreements: Map<string, AgreementRecord>;
  /** Assignments that count, in chronological order. */
  active: Assignment[];
  byOfficer: Map<string, Assignment[]>;
  stints: Map<string, Stint[]>;
}

export function compareAssignments(a: Assignment, b: Assignment): number {
  return epochOf(a.start) - epochOf(b.start) || epochOf(a.end) - epochOf(b.end) || (a.commitmentId < b.commitmentId ? -1 : a.commitmentId > b.commitmentId ? 1 : 0);
}

/**
 * An assignment counts unless its shift is cancelled, its event called off, or its request withdrawn:
 * those commitments have lapsed (scenario 3) even if the view still carries them.
 */
function counts(ctx: Omit<PlanContext, 'active' | 'byOfficer' | 'stints'>, a: Assignment): boolean {
  if (!(epochOf(a.end) > epochOf(a.start))) return false;
  const shift = ctx.shifts.get(a.shiftId);
  if (shift?.cancelled) return false;
  if (shift && ctx.events.get(shift.eventId)?.status === 'afgelast') return false;
  const request = ctx.requests.get(a.requestId);
  return !(request && (request.withdrawn || request.status === 'withdrawn' || request.status === 'cancelled'));
}

/** The plan's lookups by id and the assignments that count, without the per-officer stints (the settlement needs no more). */
export type PlanLookups = Omit<PlanContext, 'byOfficer' | 'stints'>;

export function buildLookups(view: PlanView): PlanLookups {
  const base = {
    view,
    officers: new Map(view.officers.map((o) => [o.id, o])),
    shifts: new Map(view.shifts.map((s) => [s.id, s])),
    events: new Map(view.events.map((e) => [e.id, e])),
    requests: new Map(view.requests.map((r) => [r.id, r])),
    agreements: new Map(view.agreements.map((a) => [a.id, a])),
  };
  return { ...base, active: view.assignments.filter((a) => counts(base, a)).sort(compareAssignments) };
}

export function buildContext(view: PlanView): PlanContext {
  const { active, ...base } = buildLookups(view);
  const byOfficer = new Map<string, Assignment[]>();
  for (const a of active) {
    const list = byOfficer.get(a.officerId);
    if (list) list.push(a);
    else byOfficer.set(a.officerId, [a]);
  }
  const stints = new Map<string, Stint[]>();
  for (const [officerId, list] of byOfficer) stints.set(officerId, mergeStints(officerId, list));
  return { ...base, active, byOfficer, stints };
}

function mergeStints(officerId: string, sorted: Assignment[]): Stint[] {
  const out: Stint[] = [];
  for (const a of sorted) {
    const startMs = epochOf(a.start);
    const endMs = epochOf(a.end);
    const current = out[out.length - 1];
    if (current && startMs <= current.endMs) {
      current.assignments.push(a);
      if (endMs > current.endMs) {
        current.endMs = endMs;
        current.end = a.end;
      }
    } else {
      out.push({ officerId, assignments: [a], start: a.start, end: a.end, startMs, endMs });
    }
  }
  return out;
}

export function officerName(ctx: PlanContext, officerId: string): string {
  return ctx.officers.get(officerId)?.name ?? officerId;
}

export function eventName(ctx: PlanContext, shiftId: string): string {
  const shift = ctx.shifts.get(shiftId);
  const event = shift ? ctx.events.get(shift.eventId) : undefined;
  return event?.name ?? shift?.eventId ?? shiftId;
}

export { gemeenteName };

export function commitmentIds(assignments: readonly Assignment[]): string[] {
  return assignments.map((a) => a.commitmentId);
}

/** A warning is accepted when the assignment carries a (non-empty) recorded reason for its code. */
export function hasReason(a: Assignment, code: string): boolean {
  return (a.reasons[code] ?? '').trim() !== '';
}

export function latest(locals: readonly string[]): string {
  let best = locals[0] ?? '';
  for (const l of locals) if (epochOf(l) > epochOf(best)) best = l;
  return best;
}
