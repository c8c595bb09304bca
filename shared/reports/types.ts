// What Rapportage shows and exports: the settlement statement (figures plus the plan state they come from),
// hours per officer, event and gemeente, use of agreements against their caps, and exported files.
import type { Settlement } from '../settlement/types';

/** An unordered gemeente pair (a < b by code) with names. */
export interface GemeentePair {
  a: string;
  b: string;
  aName: string;
  bName: string;
}

/**
 * A settlement statement: shared/settlement's figures for a period (and optionally one gemeente pair, both
 * directions), with the state hash of the plan they were computed from. Two copies that show the same hash
 * show the same figures.
 */
export interface SettlementStatement {
  settlement: Settlement;
  /** The pair the statement is limited to, or null for every pair. */
  pair: GemeentePair | null;
  /** The pairs that have lent hours in this period, to choose from. */
  available: GemeentePair[];
  stateHash: string;
  /** This copy's gemeente. */
  own: string;
  ownName: string;
}

export interface OfficerHours {
  officerId: string;
  name: string;
  /** Assignments (officer x shift) that start in the period. */
  shifts: number;
  minutes: number;
  /** At the own gemeente's events, and lent to others. */
  ownMinutes: number;
  lentMinutes: number;
}

export interface EventHours {
  eventId: string;
  name: string;
  host: string;
  hostName: string;
  shifts: number;
  assignments: number;
  minutes: number;
  /** Worked by the host's own officers, and by officers of partners. */
  hostMinutes: number;
  partnerMinutes: number;
}

export interface GemeenteHours {
  gemeente: string;
  name: string;
  /** At its own events with its own officers. */
  ownMinutes: number;
  /** Its officers at other gemeenten's events. */
  providedMinutes: number;
  /** Other gemeenten's officers at its events. */
  receivedMinutes: number;
}

/** One agreement, one provider, one calendar month: hours used against capHoursPerMonth. */
export interface CapUse {
  agreementId: string;
  title: string;
  provider: string;
  providerName: string;
  month: string;
  minutes: number;
  capHours: number;
  /** Whole percent of the cap used (0 when the cap is 0 and nothing was used). */
  percent: number;
  over: boolean;
}

/** Hours over time: one bucket per ISO week (periods up to 31 days) or per calendar month. */
export interface HoursSeries {
  unit: 'week' | 'month';
  /** 'YYYY-MM' for months, 'YYYY-Www' for weeks; from/to are the bucket's dates within the period. */
  buckets: { key: string; from: string; to: string }[];
  /** Minutes per bucket per gemeente whose officers worked (own staffing and lent). */
  byGemeente: { gemeente: string; name: string; minutes: number[] }[];
  /** Settled amount per bucket (lent hours under a tariff), integer cents. */
  amountCents: number[];
}

export interface HoursReport {
  period: { from: string; to: string };
  own: string;
  ownName: string;
  stateHash: string;
  officers: OfficerHours[];
  events: EventHours[];
  gemeenten: GemeenteHours[];
  caps: CapUse[];
  series: HoursSeries;
  totals: { assignments: number; minutes: number };
}

/** A generated file: the renderer offers it as a download (a save dialog in the desktop app). */
export interface ReportFile {
  fileName: string;
  mimeType: string;
  /** The exact bytes, base64-encoded (a CSV's BOM and a PDF's binary survive JSON this way). */
  base64: string;
  bytes: number;
}

/** The host's contact person printed on a briefing roster; local to this device, never exported. */
export interface RosterContact {
  name: string;
  phone: string;
}
