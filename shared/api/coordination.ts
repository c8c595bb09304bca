// Types of the coordination queries behind Verzoeken, Capaciteit and Afspraken: requests with their shift,
// event and commitments; candidates for a request with the rules' verdict; capacity per day; use of caps.
import type { EventRecord } from '../domain/event';
import type { OfficerRecord } from '../domain/officer';
import type { RequestRecord } from '../domain/request';
import type { ShiftRecord } from '../domain/shift';
import type { Violation } from '../rules/types';

export interface CommittedOfficer {
  /** The commitment (toezegging). */
  id: string;
  officerId: string;
  officerName: string;
  /** Warning codes accepted with a reason when committing. */
  reasons: Record<string, string>;
}

/** A request as the Verzoeken screen shows it: with its shift, event, agreement and who was committed. */
export interface RequestOverview extends RequestRecord {
  shift: Pick<ShiftRecord, 'start' | 'end' | 'role' | 'needed' | 'inPairs' | 'qualifications' | 'cancelled'> | null;
  event: Pick<EventRecord, 'id' | 'name' | 'place' | 'risk' | 'status'> | null;
  agreementTitle: string | null;
  commitments: CommittedOfficer[];
}

/**
 * An own officer for a request, with what the rules say about committing them: nothing (available and
 * qualified), warnings that need a reason, or blocking violations that say why not.
 */
export interface Candidate {
  officer: OfficerRecord;
  blocking: Violation[];
  warnings: Violation[];
}

/** 'no_akte': the officer's akte is not valid that day, so not deployable (absence wins when both). */
export type CapacityState = 'available' | 'committed' | 'absent' | 'no_akte';

export interface CapacityWork {
  eventId: string;
  eventName: string;
  host: string;
  start: string;
  end: string;
}

/** One own officer on one day. A shift belongs to the day it starts on. */
export interface CapacityCell {
  state: CapacityState;
  work: CapacityWork[];
  /** Absent (part of) this day; with work as well, the rules report the clash. */
  absent: boolean;
}

export interface PartnerCommitment extends CapacityWork {
  officerId: string;
  officerName: string;
  employer: string;
}

export interface CapacityView {
  from: string;
  to: string;
  /** Every date from `from` to `to`, inclusive. */
  days: string[];
  officers: { id: string; name: string; contractHours: number; cells: CapacityCell[] }[];
  /** Per day (same order as `days`): partners' officers committed to our events, where this copy knows them. */
  partners: PartnerCommitment[][];
}

/** Hours lent under an agreement by one provider in one month, against the agreement's cap. */
export interface AgreementUsage {
  agreementId: string;
  provider: string;
  /** 'YYYY-MM' */
  month: string;
  minutes: number;
  capHours: number;
}
