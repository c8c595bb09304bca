// Types of the exchange part of the api: partners, identity cards, plan-file export and import previews, conflicts.
import type { Violation } from '../rules/types';

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
}

export interface VerifyResult {
  valid: boolean;
  sender: { gemeente: string; gemeenteName: string; device: string };
  created: string;
  entries: number;
  feeds: number;
  problems: string[];
}
