// What the rules see: the merged plan (all gemeenten's records this copy knows), and what they report.
import type { AgreementRecord } from '../domain/agreement';
import type { EventRecord } from '../domain/event';
import type { OfficerRecord } from '../domain/officer';
import type { AbsenceRecord, RequestRecord } from '../domain/request';
import type { ShiftRecord } from '../domain/shift';

/** One officer on one shift through an active (not withdrawn) commitment. Times are Amsterdam local. */
export interface Assignment {
  commitmentId: string;
  officerId: string;
  shiftId: string;
  requestId: string;
  /** The gemeente lending the officer (the officer's employer). */
  provider: string;
  /** The gemeente hosting the event. */
  host: string;
  agreementId: string | null;
  start: string;
  end: string;
  /** Warning codes accepted with a recorded reason. */
  reasons: Record<string, string>;
}

export interface PlanView {
  officers: OfficerRecord[];
  events: EventRecord[];
  shifts: ShiftRecord[];
  requests: RequestRecord[];
  assignments: Assignment[];
  absences: AbsenceRecord[];
  agreements: AgreementRecord[];
}

export const RULE_CODES = [
  'ATW_SHIFT_TOO_LONG', // 1: shift longer than 12 h
  'ATW_NIGHT_SHIFT_TOO_LONG', // 1: shift touching 00:00-06:00 longer than 10 h
  'ATW_REST_TOO_SHORT', // 2: less than 11 h rest (8 h once per 7 days is a warning)
  'ATW_WEEK_TOO_LONG', // 3: more than 60 h in a week
  'ATW_FOUR_WEEK_AVERAGE', // 3: more than 55 h/week on average over 4 weeks
  'OFFICER_DOUBLE_BOOKED', // 4: overlapping assignments, across gemeenten
  'OFFICER_ABSENT', // 4: assigned while absent
  'AKTE_EXPIRED', // 5: akte not valid on the shift date
  'OUTSIDE_WERKGEBIED', // 5: host not in werkgebied and no agreement in force covers it
  'QUALIFICATION_MISSING', // 6: role's qualifications or geweldsmiddelen not held
  'TRAFFIC_APPOINTMENT_EXPIRED', // 6: verkeersregelaar appointment older than 1 year
  'PAIRS_INCOMPLETE', // 6: shift in koppels with an odd number of officers
  'NO_AGREEMENT_IN_FORCE', // 7: request without an agreement in force between host and provider on its dates
  'CAP_EXCEEDED', // 7: provider's hours in a month beyond the agreement's cap
  'MANDATE_EXCEEDED', // 8: beyond the coordinator's mandate without recorded approval
  'RISK_CLASS_MISSING', // 9: event staffed without a risk class
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

export type Severity = 'blocking' | 'warning';

export interface Violation {
  code: RuleCode;
  severity: Severity;
  /** Ids of the records concerned (officer, shift, commitment, request, agreement ...). */
  records: string[];
  /** Values for the message (names, hours, dates). */
  params: Record<string, string | number>;
  /** The message in Dutch, ready to show. */
  message: string;
  /** For warnings: a reason was recorded, so the warning is accepted. */
  accepted?: boolean;
}
