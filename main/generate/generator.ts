// The one generator core of the three scenario drivers (demo-plan.ts: the voorbeeldregio of the app, demo.ts:
// the demo of the CLI, region-generator.ts: the region of the benchmarks). It owns what all three make: an
// officer's record, an event with its shifts from an event kind and a start day, and the ops that write them,
// committed as a given gemeente's device. The drivers say what to make (how many, which gemeenten, which
// days, with which kind table) and draw the random values; the core draws nothing itself, so each driver
// keeps its own random stream, consumed in its own order (the same seed gives the same records as before).
import type { RiskClass, EventStatus } from '../../shared/domain/event';
import type { FORCE_MEANS } from '../../shared/domain/officer';
import { regionWerkgebied } from '../../shared/domain/gemeenten';
import type { Db } from '../store/db';
import { commitLocal, type LocalIdentity } from '../log/log';
import type { Op } from '../log/entry';
import { RECORD_TYPES } from '../log/records';
import { createOp } from '../domain/records';
import { addDays, shiftTimes } from './common';

/** A shift's times of day: from, to (HH:MM); one that ends at or before its start ends the next day. */
export type Slot = readonly [string, string];

/** A kind of event in a driver's table: what it is called, where, how risky, how big, its shifts per day. */
export interface EventKind {
  name: string;
  place: string;
  risk: RiskClass;
  visitors: number;
  /** Days the event lasts (1 when not given). */
  days?: number;
  slots: readonly Slot[];
}

/** What a driver drew for an officer; officerFields makes the record of it. */
export interface OfficerDraw {
  name: string;
  akteValidUntil: string;
  force: readonly (typeof FORCE_MEANS)[number][];
  trafficAppointed: string | null;
  contractHours: number;
}

/** An officer's record (domain I, the werkgebied of the employer's region), active. */
export function officerFields(employer: string, d: OfficerDraw) {
  return {
    name: d.name,
    qualifications: { domain: 'I' as const, akteValidUntil: d.akteValidUntil, territory: regionWerkgebied(employer), force: [...d.force], trafficAppointed: d.trafficAppointed },
    contractHours: d.contractHours,
    active: true,
  };
}

/** The op that writes an officer's record. */
export const officerOp = (id: string, employer: string, d: OfficerDraw): Op => createOp(RECORD_TYPES.officer!, id, officerFields(employer, d));

/** A shift an event will have: on its `day` (0 = the start day), in its `slot` (index in the slots). */
export interface PlannedShift {
  day: number;
  slot: number;
  start: string;
  end: string;
}

/** The shifts of an event from `startDay` over `days` days, each day every slot, day by day. */
export function plannedShifts(startDay: string, days: number, slots: readonly Slot[]): PlannedShift[] {
  const out: PlannedShift[] = [];
  for (let day = 0; day < days; day++) {
    const date = addDays(startDay, day);
    slots.forEach((s, slot) => out.push({ day, slot, ...shiftTimes(date, s) }));
  }
  return out;
}

/** An event spans all its shifts: the slots of a day need not come in order of time. */
export function eventSpan(shifts: readonly { start: string; end: string }[]): { start: string; end: string } {
  const start = shifts.reduce((m, x) => (x.start < m ? x.start : m), shifts[0]!.start);
  const end = shifts.reduce((m, x) => (x.end > m ? x.end : m), shifts[0]!.end);
  return { start, end };
}

export interface EventDraw {
  name: string;
  place: string;
  risk: RiskClass;
  visitors: number;
  status: EventStatus;
}

export interface ShiftDraw {
  id: string;
  start: string;
  end: string;
  role: 'toezicht' | 'verkeersregelaar';
  needed: number;
}

/** The ops that write an event (spanning its shifts) and its shifts, in koppels, not cancelled. */
export function eventOps(eventId: string, event: EventDraw, shifts: readonly ShiftDraw[]): Op[] {
  const { start, end } = eventSpan(shifts);
  return [
    createOp(RECORD_TYPES.event!, eventId, { name: event.name, place: event.place, start, end, risk: event.risk, visitors: event.visitors, status: event.status }),
    ...shifts.map((s) => createOp(RECORD_TYPES.shift!, s.id, { event: eventId, start: s.start, end: s.end, role: s.role, needed: s.needed, inPairs: true, qualifications: [], cancelled: false })),
  ];
}

/** Writes ops as one entry of a gemeente's device; `at` (epoch ms) stamps an answer later than its request. */
export type Commit = (gemeente: string, ops: Op[], at?: number) => void;

/** Commits as this copy's own device (local entries), counting the entries written. */
export function localCommit(db: Db, me: LocalIdentity): Commit & { entries: number } {
  const commit = Object.assign(
    (gemeente: string, ops: Op[]) => {
      if (gemeente !== me.gemeente) throw new Error(`${me.gemeente} cannot write as ${gemeente}`);
      commitLocal(db, me, ops);
      commit.entries++;
    },
    { entries: 0 },
  );
  return commit;
}
