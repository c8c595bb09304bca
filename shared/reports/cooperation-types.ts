// Rapportage › Samenwerking: management information for the samenwerkingsverband over a quarter or year,
// for the whole region this copy knows or one gemeente. Every figure is derived from the shared entries,
// so every partner with the same entries sees the same figures.
import type { RiskClass } from '../domain/event';

export interface CooperationReport {
  period: { from: string; to: string };
  /** null: the whole region this copy knows. */
  gemeente: string | null;
  gemeenteName: string | null;
  stateHash: string;
  /** The gemeenten in the matrix, by name. */
  gemeenten: { code: string; name: string }[];
  /** Hours lent, provider (row) to host (column): minutes per ordered pair that lent anything. */
  matrix: { provider: string; host: string; minutes: number; amountCents: number }[];
  /** Per gemeente: hours given to and received from partners, and the balance (given minus received). */
  balance: { gemeente: string; name: string; givenMinutes: number; receivedMinutes: number; netMinutes: number }[];
  /** Requests to partners per host (asking) and provider (answering). */
  requests: RequestFigures[];
  requestTotals: Omit<RequestFigures, 'host' | 'hostName' | 'provider' | 'providerName'>;
  /** Shifts per host: fully staffed or short. */
  staffing: { host: string; hostName: string; shifts: number; full: number; short: number; needed: number; staffed: number }[];
  /** Lent hours under each agreement and provider against its monthly cap. */
  caps: { agreementId: string; title: string; provider: string; providerName: string; capHoursPerMonth: number; months: number; minutes: number; highestMonthPercent: number; monthsOver: number }[];
  /** Cost of lent officers per event (under a tariff), highest first. */
  events: { eventId: string; name: string; host: string; hostName: string; risk: RiskClass | null; minutes: number; amountCents: number }[];
  byRisk: { risk: RiskClass; events: number; minutes: number; amountCents: number }[];
  /** Per year up to the period's year: lent hours, their cost, requests made and declined. */
  trend: { year: number; minutes: number; amountCents: number; requests: number; declined: number }[];
  totals: { minutes: number; amountCents: number };
}

export interface RequestFigures {
  host: string;
  hostName: string;
  provider: string;
  providerName: string;
  made: number;
  answered: number;
  declined: number;
  withdrawn: number;
  open: number;
  /** Hours from the request to its first answer (commitment or refusal); null when none was answered. */
  medianResponseHours: number | null;
  averageResponseHours: number | null;
}
