// Types of the exchange part of the api: partners, identity cards, plan-file export and import previews, conflicts.
import type { Violation } from '../rules/types';
import type { NarrativeLine } from '../exchange/narrative';

export interface CardInfo {
  publicKey: string;
  gemeente: string;
  gemeenteName: string;
  deviceLabel: string;
  fingerprint: string;
  created: string;
  /** Already known to this copy, and whether trusted. */
  known: boolean;
  trusted: boolean;
  /** Set when the card carries a gemeente certificate: then `fingerprint` is the gemeente key's (issue 15). */
  gemeenteKey?: string;
  /** The device's own fingerprint, when `fingerprint` is the gemeente key's. */
  deviceFingerprint?: string;
}

export interface PartnerDevice {
  publicKey: string;
  gemeente: string;
  gemeenteName: string;
  deviceLabel: string;
  fingerprint: string;
  trusted: boolean;
  self: boolean;
  /** Entries of this device this copy holds (its feed head), and entries waiting for trust. */
  entries: number;
  waiting: number;
  frozen: string | null;
  lastReceived: string | null;
  lastSent: string | null;
}

export interface ExportResult {
  path: string;
  to: string[];
  entries: number;
  bytes: number;
  feeds: { author: string; gemeente: string; from: number; to: number }[];
}

export interface Conflict {
  /** Stable identity of the conflict, equal on every copy with the same entries. */
  key: string;
  kind: 'concurrent_edit' | 'commitment_lapsed';
  recordType: string;
  recordId: string;
  owner: string;
  field: string;
  /** Records concerned (for a lapsed commitment: the commitments). */
  records?: string[];
  /** The competing values; the first is the one currently shown (last writer wins until resolved). */
  values: { value: unknown; device: string; hlc: string }[];
  /** Who can resolve it: the gemeente that owns the record. */
  resolvableBy: string;
  message: string;
}

export interface ImportPreview {
  fileId: string;
  sender: { gemeente: string; gemeenteName: string; device: string };
  created: string;
  to: string[];
  entries: { inFile: number; new: number; alreadyKnown: number };
  perGemeente: { gemeente: string; gemeenteName: string; created: number; changed: number; unchanged: number; rejected: number }[];
  changes: { type: string; id: string; owner: string; kind: 'created' | 'changed' | 'unchanged'; fields: string[] }[];
  rejected: { gemeente: string; gemeenteName: string; seq: number; reason: string }[];
  /** Entries applied before that a revocation in this file takes back out of the plan (issue 15). */
  undone?: { gemeente: string; gemeenteName: string; device: string; seq: number; at: string; ops: string[]; reason: string }[];
  /** Feeds whose earlier entries are missing: parked until they arrive. */
  parked: { gemeente: string; gemeenteName: string; device: string; publicKey: string; from: number; to: number; missingFrom: number; missingTo: number }[];
  /** Entries of devices this copy does not trust (yet): held, not applied. */
  held: { gemeente: string; gemeenteName: string; device: string; publicKey: string; count: number }[];
  conflicts: Conflict[];
  /** Rule violations in the merged plan that involve records this file adds or changes. */
  violations: Violation[];
  stateHashBefore: string;
  stateHashAfter: string;
  applied: boolean;
  /** What the file does, record by record with names and times, for the narrative (shared/exchange/narrative). */
  facts?: PreviewFact[];
  /** Changes too many to describe one by one (a region's file): counted, not listed. */
  factsOmitted?: number;
}

export type PreviewFactKind =
  | 'event.new'
  | 'event.changed'
  | 'event.cancelled'
  | 'shift.new'
  | 'shift.changed'
  | 'shift.cancelled'
  | 'request.new'
  | 'request.changed'
  | 'request.withdrawn'
  | 'request.approved'
  | 'request.declined'
  | 'commitment.new'
  | 'commitment.withdrawn'
  | 'agreement.new'
  | 'agreement.changed'
  | 'agreement.signed'
  | 'agreement.terminated'
  | 'officer.new'
  | 'officer.changed'
  | 'other';

/** One record a plan file adds or changes, with what a person needs to recognise it (names, dates, times). */
export interface PreviewFact {
  kind: PreviewFactKind;
  /** The gemeente whose change it is (the record's owner). */
  by: string;
  recordId: string;
  /** The event it concerns (for events, shifts, requests, answers, commitments). Local times. */
  event?: { id: string; name: string; host: string; start: string; end: string };
  shift?: { id: string; start: string; end: string; needed: number };
  /** For requests, answers and commitments. */
  request?: { id: string; host: string; provider: string; count: number };
  officer?: { name: string; employer: string };
  agreement?: { title: string; parties: string[] };
  /** What changed, in words the narrative names: 'time', 'needed', 'place', 'name', 'status', 'risk', 'count', 'qualifications', 'role'. */
  aspects?: string[];
  /** Own officers committed to the shift or event this fact concerns (a cancellation takes them off). */
  ownCommitted?: number;
  /** A declined request's reason; an approval's approver. */
  reason?: string;
  /** A termination's first day (YYYY-MM-DD). */
  date?: string;
  /** The record type, for kinds the narrative does not name one by one. */
  type?: string;
}

export interface VerifyResult {
  valid: boolean;
  sender: { gemeente: string; gemeenteName: string; device: string };
  created: string;
  entries: number;
  feeds: number;
  problems: string[];
}

/** What an imported file changed for this gemeente, as Meldingen shows it after the import. */
export interface ImportNotice {
  fileId: string;
  /** The sending gemeente. */
  sender: string;
  /** When the file was read (ISO, UTC). */
  at: string;
  lines: NarrativeLine[];
}
