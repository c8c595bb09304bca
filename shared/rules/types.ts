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
  'ATW_SHIFT_TOO_LONG', // 1: shift longer than 12 h (ATW art. 5:7 lid 1)
  'ATW_NIGHT_SHIFT_TOO_LONG', // 1: night shift over 10 h more than 5x per 14 x 24 h or 22x per 52 weeks, or over 12 h (art. 5:8)
  'ATW_REST_TOO_SHORT', // 2: no 11 h uninterrupted rest within 24 h (8 h once per 7 x 24 h is a warning) (art. 5:3)
  'ATW_NIGHT_REST_TOO_SHORT', // 3: less than 14 h rest after a night shift ending after 02:00 (art. 5:8)
  'ATW_NIGHT_SERIES_REST_TOO_SHORT', // 3: less than 46 h rest after a series of 3 or more night shifts (art. 5:8)
  'ATW_NIGHT_SHIFTS_PER_16_WEEKS', // 3: more than 36 night shifts in 16 weeks (art. 5:8)
  'ATW_WEEKLY_REST_TOO_SHORT', // 4: no 36 h rest in 7 x 24 h, nor 72 h in parts of 32 h in 14 x 24 h (art. 5:5)
  'ATW_FOURTEEN_DAYS_IN_A_ROW', // 4: 14 or more working days in a row (warning)
  'ATW_WEEK_TOO_LONG', // 5: more than 60 h in a week (art. 5:7)
  'ATW_FOUR_WEEK_AVERAGE', // 5: more than 55 h/week on average over 4 weeks (art. 5:7)
  'ATW_SIXTEEN_WEEK_AVERAGE', // 5: more than 48 h/week on average over 16 weeks (art. 5:7)
  'OFFICER_DOUBLE_BOOKED', // 6: overlapping assignments, across gemeenten
  'OFFICER_ABSENT', // 6: assigned while absent
  'AKTE_EXPIRED', // 7: akte not valid on the shift date
  'AKTE_DOMAIN_MISMATCH', // 7: the akte's domain is not one the shift's role needs
  'OUTSIDE_WERKGEBIED', // 7: host not in the akte's werkgebied (an agreement does not extend it)
  'QUALIFICATION_MISSING', // 8: role's qualifications or geweldsmiddelen not held
  'TRAFFIC_APPOINTMENT_EXPIRED', // 8: verkeersregelaar appointment older than 1 year
  'PAIRS_INCOMPLETE', // 8: shift in koppels with an odd number of officers
  'NO_AGREEMENT_IN_FORCE', // 9: request without an agreement in force between host and provider on its dates
  'CAP_EXCEEDED', // 9: provider's hours in a month beyond the agreement's cap
  'MANDATE_EXCEEDED', // 10: beyond the coordinator's mandate without recorded approval
  'RISK_CLASS_MISSING', // 11: event staffed without a risk class
  'SHIFT_OUTSIDE_EVENT', // shift starting before or ending after its event (warning)
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
  /** The gemeente that can resolve it (withdraw the commitment, change the shift, approve the request). */
  resolvableBy?: string;
}
