// What the settlement (verrekening) reports: one line per lent assignment, totals per gemeente pair, and the
// netting of gesloten-beurs hours per pair.
import type { RuleCode } from '../rules/types';
import type { Surcharges } from '../domain/agreement';

/** Each minute falls in exactly one category: the highest applicable surcharge (they do not stack). */
export const SURCHARGE_CATEGORIES = ['base', 'evening', 'night', 'weekend', 'holiday'] as const;
export type SurchargeCategory = (typeof SURCHARGE_CATEGORIES)[number];

/** 'none': lent without an agreement (or without terms for the provider); counted in hours, not in money. */
export type SettlementModel = 'tariff' | 'gesloten_beurs' | 'none';

export interface SettlementLine {
  commitmentId: string;
  provider: string;
  providerName: string;
  host: string;
  hostName: string;
  officerId: string;
  officerName: string;
  shiftId: string;
  eventId: string | null;
  eventName: string;
  agreementId: string | null;
  model: SettlementModel;
  /** Amsterdam local times. */
  start: string;
  end: string;
  /** Real elapsed minutes (across DST); hours = minutes / 60. */
  minutes: number;
  hours: number;
  categoryMinutes: Record<SurchargeCategory, number>;
  /** The tariff applied: 0 and null unless model is 'tariff'. */
  hourlyCents: number;
  surcharges: Surcharges | null;
  /** Integer cents, rounded half up per line. */
  amountCents: number;
  /**
   * Codes of the blocking rule violations of this commitment (a plan that went quiet): the line is marked so
   * nobody bills it unseen; resolve it (Meldingen) before the statement is co-signed. Absent when none.
   */
  blocking?: RuleCode[];
}

export interface SettlementPair {
  provider: string;
  providerName: string;
  host: string;
  hostName: string;
  model: SettlementModel;
  lines: number;
  minutes: number;
  hours: number;
  amountCents: number;
}

/** Gesloten beurs between two gemeenten (a < b by code): who owes whom how many hours in kind. */
export interface SettlementNetting {
  a: string;
  b: string;
  aName: string;
  bName: string;
  /** Hours a lent to b, and b lent to a. */
  aToBHours: number;
  bToAHours: number;
  netMinutes: number;
  netHours: number;
  /** The gemeente that received more hours than it gave; null when even. */
  owedBy: string | null;
  owedTo: string | null;
}

export interface Settlement {
  period: { from: string; to: string };
  lines: SettlementLine[];
  pairs: SettlementPair[];
  netting: SettlementNetting[];
  totals: { lines: number; minutes: number; hours: number; amountCents: number };
}
