// The api methods of the gemeente identity (issue 15), spread into the contract: the gemeente key and the
// devices it certifies (join, approve, install), revocation of a lost laptop with a preview of what is
// undone, export and import of the gemeente key (password-protected), rotation, and partners per gemeente.
import { z } from 'zod';
import { method, returns } from './method';
import { GEMEENTE_CODE } from '../domain/gemeenten';
import { lazySchema } from '../domain/lazy-schema';

const none = lazySchema(() => z.object({}).strict());
const code = lazySchema(() => z.string().regex(GEMEENTE_CODE, { error: 'gemeente.unknown' }));
const filePath = lazySchema(() => z.string().min(1).max(4096));
const fileId = lazySchema(() => z.string().min(1).max(4096));
const label = lazySchema(() => z.string().trim().min(1).max(60));
/** A device: its public key (base64url, 43 characters) or its fingerprint (six groups of five digits). */
const deviceRef = lazySchema(() => z.string().min(1).max(80));
const password = lazySchema(() => z.string().min(1).max(1024));
const requestContent = lazySchema(() => z.string().min(1).max(16384));

export type RevocationReason = 'verloren' | 'gestolen' | 'vervangen';
export const REVOCATION_REASONS = ['verloren', 'gestolen', 'vervangen'] as const;

/** This gemeente's key as this copy knows it. */
export interface GemeenteKeyInfo {
  gemeente: string;
  gemeenteName: string;
  /** The current gemeente key (after rotations), or null when this copy has none yet (a laptop that joined but has no certificate). */
  publicKey: string | null;
  /** Six groups of five digits: what partners compare by phone, once per gemeente. */
  fingerprint: string | null;
  /** The private part of the current key is on this laptop (it can approve, revoke, rotate, export). */
  holdsKey: boolean;
  created: string | null;
  /** Earlier keys of this gemeente, oldest first (each signed its successor). */
  previous: { publicKey: string; fingerprint: string }[];
}

export type DeviceStatus = 'self' | 'active' | 'revoked';

/** One laptop of this gemeente. */
export interface GemeenteDevice {
  publicKey: string;
  label: string;
  fingerprint: string;
  /** The certificate's `from` (ISO), or when this copy first knew the device. */
  since: string;
  status: DeviceStatus;
  /** Highest entry number of this device this copy has seen (0: none). */
  lastSeq: number;
  /** When its last entry was made (ISO, from its clock stamp), or null. */
  lastEntryAt: string | null;
  /** Set for status 'revoked'. */
  revocation: { after: number; reason: RevocationReason; at: string } | null;
  /** Certified by the gemeente key (false: a laptop known from before gemeente keys, trusted directly). */
  certified: boolean;
}

/** A join request as the approving laptop shows it before approving. */
export interface JoinRequestInfo {
  gemeente: string;
  gemeenteName: string;
  label: string;
  publicKey: string;
  /** The new laptop's fingerprint: compare it with what the new laptop shows. */
  fingerprint: string;
  created: string;
  /** Whether this copy can approve it (holds the gemeente key of that gemeente). */
  canApprove: boolean;
  /** Why not, in Dutch, when canApprove is false. */
  problem: string | null;
  alreadyCertified: boolean;
}

export interface JoinRequestFile {
  fileName: string;
  content: string;
  /** The new laptop's own fingerprint, to compare with what the approving laptop shows. */
  fingerprint: string;
}

export interface ApproveResult {
  fileId: string;
  fileName: string;
  /** True when the file waits in the transfer folder for the browser to download it. */
  download: boolean;
  device: GemeenteDevice;
  entries: number;
  bytes: number;
}

export interface InstallResult {
  gemeente: string;
  gemeenteName: string;
  gemeenteFingerprint: string;
  device: GemeenteDevice;
  /** Entries of the gemeente's current plan that this laptop now holds. */
  entries: number;
}

/** An entry that a revocation takes out of the state (or would, in the preview). */
export interface UndoneEntry {
  seq: number;
  /** When the device made it (ISO, from its clock stamp). */
  at: string;
  /** What it did, e.g. "dienst gewijzigd", one text per op type with counts. */
  summary: string;
}

export interface RevocationPreview {
  device: GemeenteDevice;
  after: number;
  reason: RevocationReason | null;
  /** Entries of the device after the cut-off that this copy had applied: they are undone. */
  undone: UndoneEntry[];
  /** Entries up to the cut-off: they stay. */
  kept: number;
  /** The consequence in plain Dutch. */
  message: string;
}

export interface RevokeResult extends RevocationPreview {
  stateHashBefore: string;
  stateHashAfter: string;
}

export interface KeyFileResult {
  fileId: string;
  fileName: string;
  download: boolean;
}

export interface RotateResult {
  previousFingerprint: string;
  fingerprint: string;
  /** Devices certified anew by the new key. */
  recertified: number;
}

/** A partner gemeente with its devices (Uitwisselen › Partners). */
export interface PartnerGemeente {
  gemeente: string;
  gemeenteName: string;
  /** The gemeente key this copy trusts for it (null: only devices trusted one by one, from before gemeente keys). */
  keyFingerprint: string | null;
  trusted: boolean;
  lastReceived: string | null;
  lastSent: string | null;
  devices: (GemeenteDevice & { trusted: boolean; waiting: number; frozen: string | null })[];
}

export const identityMethods = {
  'gemeente.key': method(() => none, returns<GemeenteKeyInfo>(), 'De gemeentesleutel: vingerafdruk, of de geheime sleutel op dit apparaat staat, eerdere sleutels.'),
  'devices.list': method(() => none, returns<GemeenteDevice[]>(), 'De apparaten van deze gemeente: naam, vingerafdruk, sinds, laatste wijziging, status.'),
  'devices.joinRequest': method(
    () => z.object({ gemeente: code, deviceLabel: label }).strict(),
    returns<JoinRequestFile>(),
    'Op een nieuw apparaat: richt het in voor de gemeente en maak een aanvraag om toegevoegd te worden.',
  ),
  'devices.inspectRequest': method(() => z.object({ content: requestContent }).strict(), returns<JoinRequestInfo>(), 'Toon een aanvraag van een nieuw apparaat (vingerafdruk) vóór goedkeuren.'),
  'devices.approve': method(
    () => z.object({ content: requestContent, fingerprint: z.string().min(1).max(80), path: filePath }).strict(),
    returns<ApproveResult>(),
    'Keur een nieuw apparaat goed: schrijf een planbestand met zijn certificaat en de volledige planning van de gemeente.',
    { takesPath: 'write' },
  ),
  'devices.approveFile': method(
    () => z.object({ content: requestContent, fingerprint: z.string().min(1).max(80), fileName: z.string().min(1).max(200).optional(), target: fileId.optional() }).strict(),
    returns<ApproveResult>(),
    'Keur een nieuw apparaat goed; het certificaatbestand komt als download (of naar een gekozen pad).',
  ),
  'devices.install': method(() => z.object({ path: filePath }).strict(), returns<InstallResult>(), 'Op het nieuwe apparaat: neem het certificaat en de planning van de gemeente over.', {
    takesPath: 'read',
  }),
  'devices.installFile': method(() => z.object({ fileId }).strict(), returns<InstallResult>(), 'Op het nieuwe apparaat: neem een aangeboden certificaatbestand over.'),
  'devices.revokePreview': method(
    () => z.object({ device: deviceRef, after: z.number().int().min(0).optional() }).strict(),
    returns<RevocationPreview>(),
    'Wat intrekken van een apparaat zou doen: welke wijzigingen ongedaan worden; wijzigt niets.',
  ),
  'devices.revoke': method(
    () => z.object({ device: deviceRef, after: z.number().int().min(0).optional(), reason: z.enum(REVOCATION_REASONS) }).strict(),
    returns<RevokeResult>(),
    'Trek een apparaat in (verloren, gestolen, vervangen): wijzigingen na het afkappunt worden overal geweigerd.',
  ),
  'gemeenteKey.export': method(() => z.object({ path: filePath, password }).strict(), returns<KeyFileResult>(), 'Schrijf de gemeentesleutel naar een met wachtwoord beveiligd bestand.', {
    takesPath: 'write',
  }),
  'gemeenteKey.exportFile': method(
    () => z.object({ password, fileName: z.string().min(1).max(200).optional() }).strict(),
    returns<KeyFileResult>(),
    'De gemeentesleutel als download, met wachtwoord beveiligd.',
  ),
  'gemeenteKey.import': method(() => z.object({ path: filePath, password }).strict(), returns<GemeenteKeyInfo>(), 'Lees een gemeentesleutelbestand in (wachtwoord nodig).', {
    takesPath: 'read',
  }),
  'gemeenteKey.importFile': method(() => z.object({ fileId, password }).strict(), returns<GemeenteKeyInfo>(), 'Lees een aangeboden gemeentesleutelbestand in (wachtwoord nodig).'),
  'gemeenteKey.rotate': method(() => none, returns<RotateResult>(), 'Vervang de gemeentesleutel: de oude tekent de nieuwe; apparaten worden opnieuw gecertificeerd.'),
  'partners.gemeenten': method(() => none, returns<PartnerGemeente[]>(), 'Partners per gemeente, met hun apparaten eronder.'),
} as const;

export type IdentityMethodName = keyof typeof identityMethods;
