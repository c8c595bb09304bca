// Vaststellen: what a co-signed settlement statement holds (the signed content), what a copy knows about a
// statement (its signatures, whether it still matches the plan), and the corrections a later change makes.
import type { Surcharges } from '../domain/agreement';
import type { SettlementModel, SurchargeCategory } from './types';

export const STATEMENT_FORMAT = 'regie-statement-v1';

/** What a statement says of one lent shift: who lent whom to which event, under what, when. */
export interface StatementShift {
  commitmentId: string;
  provider: string;
  host: string;
  officerName: string;
  eventName: string;
  agreementId: string | null;
  model: SettlementModel;
  start: string;
  end: string;
}

/** One lent assignment as signed: integers only (minutes, cents), so the signed text is exact everywhere. */
export interface StatementLine extends StatementShift {
  minutes: number;
  categoryMinutes: Record<SurchargeCategory, number>;
  hourlyCents: number;
  amountCents: number;
}

/** A change after vaststelling: a credit (negative) or an extra (positive), booked in a later open period. */
export interface StatementCorrection extends StatementShift {
  /** The vastgesteld period it corrects, and that statement's document number. */
  corrects: { from: string; to: string; number: string };
  kind: 'credit' | 'extra';
  minutes: number;
  amountCents: number;
  /** In Dutch, e.g. "Toezegging ingetrokken". */
  reason: string;
  /** The gemeente that made the change, and the day it was made (Amsterdam). */
  by: string;
  byName: string;
  on: string;
}

/** Per direction (provider to host) and model: the period's own lines. */
export interface StatementTotal {
  provider: string;
  host: string;
  model: SettlementModel;
  lines: number;
  minutes: number;
  amountCents: number;
}

/** The tariff and surcharge basis a statement was computed with, per agreement and provider. */
export interface StatementBasis {
  agreementId: string;
  title: string;
  contentHash: string;
  provider: string;
  model: 'tariff' | 'gesloten_beurs';
  hourlyCents: number;
  surcharges: Surcharges | null;
}

/** Gesloten beurs: minutes a lent to b minus b to a; positive means b owes a hours in kind. */
export interface StatementBalance {
  openingMinutes: number;
  periodMinutes: number;
  correctionMinutes: number;
  closingMinutes: number;
  /** The statement the opening balance comes from, or null for the first. */
  carriedFrom: string | null;
}

/** The signed text. Its sha256 (canonical JSON) is what both gemeenten sign. */
export interface StatementContent {
  format: typeof STATEMENT_FORMAT;
  /** 'GM0397|GM0473' (lower code first) and 'from|to'. */
  pair: string;
  period: string;
  a: string;
  b: string;
  from: string;
  to: string;
  /** The document number both sides put on the invoice. */
  number: string;
  proposedBy: string;
  proposedAt: string;
  /** The state hash of the proposer's plan when it computed the figures. */
  stateHash: string;
  lines: StatementLine[];
  totals: StatementTotal[];
  corrections: StatementCorrection[];
  basis: StatementBasis[];
  /** Money due per direction after corrections: provider is paid by host. */
  due: { provider: string; host: string; amountCents: number }[];
  balance: StatementBalance | null;
}

export interface StatementSignatureInfo {
  gemeente: string;
  gemeenteName: string;
  signedAt: string;
  /** Fingerprint of the device key that signed (six groups, as on the Uitwisselen screen). */
  fingerprint: string;
  device: string | null;
}

export type StatementStatus = 'proposed' | 'vastgesteld' | 'superseded';

/** The pair of gemeenten (a < b) and the period a statement is for. */
export interface StatementScope {
  a: string;
  b: string;
  aName: string;
  bName: string;
  from: string;
  to: string;
}

export interface StatementSummary extends StatementScope {
  id: string;
  number: string;
  proposer: string;
  proposerName: string;
  proposedAt: string;
  contentHash: string;
  signatures: StatementSignatureInfo[];
  status: StatementStatus;
  /** The figures no longer match this copy's plan (something changed since it was proposed). */
  stale: boolean;
  /** Totals for lists: money due (sum over directions) and lent minutes. */
  minutes: number;
  amountCents: number;
}

export interface StatementDetail {
  summary: StatementSummary;
  content: StatementContent;
}

/** The Vaststellen panel for a pair and period: the statement this copy would propose now, and what exists. */
export interface StatementPanel extends StatementScope {
  /** What this copy computes now (not signed). */
  fresh: StatementContent;
  /** The vastgesteld statement for this pair and period, if any. */
  vastgesteld: StatementDetail | null;
  /** Proposals for this pair and period not (yet) signed by both. */
  proposals: StatementSummary[];
  /** Whether this copy's gemeente is one of the pair (only then can it propose or sign). */
  party: boolean;
}
