// Types of the planning queries behind the Kalender and Evenement screens: events with their staffing, and
// one event's shifts with who is committed and what is still asked.
import type { EventRecord } from '../domain/event';
import type { RequestRecord } from '../domain/request';
import type { ShiftRecord } from '../domain/shift';

/** How an event's shifts are staffed: needed vs committed officers, and requests still open. */
export interface StaffingSummary {
  /** Shifts that go on (not cancelled). */
  shifts: number;
  needed: number;
  /** Committed officers, counted up to what each shift needs (extra officers do not hide a gap elsewhere). */
  committed: number;
  /** Requests not withdrawn, declined or fully answered. */
  openRequests: number;
  /** Shifts with fewer committed officers than needed. */
  shiftsShort: number;
}

export type StaffingStatus = 'none' | 'full' | 'requested' | 'short';

/** none: no shifts yet; full: every shift staffed; requested: short but requests are open; short: short, nothing asked. */
export function staffingStatus(s: StaffingSummary): StaffingStatus {
  if (s.shifts === 0) return 'none';
  if (s.shiftsShort === 0) return 'full';
  return s.openRequests > 0 ? 'requested' : 'short';
}

export interface CalendarEvent extends EventRecord {
  staffing: StaffingSummary;
}

/** An officer on a shift through an active commitment. */
export interface ShiftOfficer {
  commitmentId: string;
  officerId: string;
  name: string;
  /** The employing (lending) gemeente. */
  employer: string;
}

export interface ShiftPlan extends ShiftRecord {
  committed: number;
  officers: ShiftOfficer[];
  /** Every request for this shift, with status and escalation. */
  requests: RequestRecord[];
}

export interface EventPlan {
  event: EventRecord;
  /** In order of start time; cancelled shifts included (marked). */
  shifts: ShiftPlan[];
  staffing: StaffingSummary;
}
