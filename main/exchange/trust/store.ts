// The gemeente identity as this copy keeps it: gemeente keys (private part only where this laptop holds it),
// the root key trusted per gemeente, the signed statements received, and what follows from them (devices
// trusted by certificate, devices revoked with their cut-off), kept in step with the statements.
import type { Db } from '../../store/db';
import { stmt } from '../../store/statements';
import { generateDeviceKeys } from '../../log/identity';
import { parseJsonStrict } from '../../log/canonical';
import type { LocalIdentity } from '../../log/log';
import { PlanFileError } from '../format';
import { keyMovesMessage } from '../partners';
import { attestationId, attestationLine, attestationSchema, evaluate, isSelfConsistent, KIND, signAttestation, type Attestation, type CertBody, type SignedCert, type TrustView } from './attestations';

export interface GemeenteKeyRow {
  publicKey: string;
  gemeente: string;
  privateKey: string | null;
  createdAt: string;
}

export function readRoots(db: Db): Map<string, string> {
  const rows = stmt(db, 'SELECT gemeente, public_key AS publicKey FROM gemeente_roots').all() as { gemeente: string; publicKey: string }[];
  return new Map(rows.map((r) => [r.gemeente, r.publicKey]));
}

export function setRoot(db: Db, gemeente: string, publicKey: string, now = new Date()): void {
  stmt(db, 'INSERT INTO gemeente_roots (gemeente, public_key, trusted_at) VALUES (?, ?, ?) ON CONFLICT (gemeente) DO NOTHING').run(gemeente, publicKey, now.toISOString());
}

export function storedAttestations(db: Db): Attestation[] {
  return (stmt(db, 'SELECT line FROM attestations ORDER BY id').all() as { line: string }[]).map((r) => attestationSchema.parse(parseJsonStrict(r.line)));
}

export function trustView(db: Db, extra: Attestation[] = []): TrustView {
  return evaluate(readRoots(db), [...storedAttestations(db), ...extra]);
}

/** The current key of a gemeente (end of its chain), if this copy trusts one. */
export function currentKey(view: TrustView, gemeente: string): string | undefined {
  return view.chains.get(gemeente)?.at(-1)?.key;
}

export function gemeenteKeyRow(db: Db, publicKey: string): GemeenteKeyRow | undefined {
  return stmt(db, 'SELECT public_key AS publicKey, gemeente, private_key AS privateKey, created_at AS createdAt FROM gemeente_keys WHERE public_key = ?').get(publicKey) as GemeenteKeyRow | undefined;
}

/** The current gemeente key of this copy's gemeente, with its private part when this laptop holds it. */
export function ownGemeenteKey(db: Db, me: LocalIdentity, view = trustView(db)): GemeenteKeyRow | undefined {
  const key = currentKey(view, me.gemeente);
  if (!key) return undefined;
  return gemeenteKeyRow(db, key) ?? { publicKey: key, gemeente: me.gemeente, privateKey: null, createdAt: view.chains.get(me.gemeente)![0]!.until ?? '' };
}

export function storeGemeenteKey(db: Db, row: GemeenteKeyRow): void {
  stmt(
    db,
    'INSERT INTO gemeente_keys (public_key, gemeente, private_key, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (public_key) DO UPDATE SET private_key = coalesce(excluded.private_key, gemeente_keys.private_key)',
  ).run(row.publicKey, row.gemeente, row.privateKey, row.createdAt);
}

/** Stores statements not held yet. Returns how many were new. Runs in the caller's transaction. */
export function addAttestations(db: Db, list: Attestation[], at: string): number {
  const insert = stmt(db, 'INSERT OR IGNORE INTO attestations (id, kind, gemeente, line, received_at) VALUES (?, ?, ?, ?, ?)');
  let added = 0;
  for (const a of list) added += insert.run(attestationId(a), KIND[a.attestation.type], a.attestation.gemeente, attestationLine(a), at).changes;
  return added;
}

/**
 * Brings the authors and revocations tables in line with the statements: devices certified by a trusted
 * gemeente key become trusted authors of that gemeente; revoked devices get their cut-off. Returns the
 * devices newly trusted (their held entries can now be applied).
 */
export function syncTrust(db: Db, view = trustView(db), now = new Date()): string[] {
  const fresh: string[] = [];
  const select = stmt(db, 'SELECT gemeente, trusted FROM authors WHERE public_key = ?');
  for (const [device, cert] of view.certs) {
    if (!view.chains.has(cert.gemeente)) continue;
    const known = select.get(device) as { gemeente: string; trusted: number } | undefined;
    if (known && known.gemeente !== cert.gemeente) continue;
    if (!known) {
      stmt(db, 'INSERT INTO authors (public_key, gemeente, device_label, trusted, is_self, added_at, trusted_at) VALUES (?, ?, ?, 1, 0, ?, ?)').run(
        device,
        cert.gemeente,
        cert.label,
        now.toISOString(),
        now.toISOString(),
      );
      fresh.push(device);
    } else if (known.trusted === 0) {
      stmt(db, 'UPDATE authors SET trusted = 1, trusted_at = ? WHERE public_key = ?').run(now.toISOString(), device);
      fresh.push(device);
    }
  }
  stmt(db, 'DELETE FROM revocations').run();
  const insert = stmt(db, 'INSERT INTO revocations (device, gemeente, after, reason, at) VALUES (?, ?, ?, ?, ?)');
  for (const [device, r] of view.revoked) insert.run(device, r.gemeente, r.after, r.reason, r.at);
  return fresh;
}

export interface Revoked {
  gemeente: string;
  after: number;
  reason: string;
  at: string;
}

export function revocationsOf(db: Db): Map<string, Revoked> {
  const rows = stmt(db, 'SELECT device, gemeente, after, reason, at FROM revocations').all() as (Revoked & { device: string })[];
  return new Map(rows.map((r) => [r.device, r]));
}

/** The certificate of this device by its gemeente's current key (the newest one), for its card. */
export function ownCert(db: Db, me: LocalIdentity): SignedCert | undefined {
  const view = trustView(db);
  const key = currentKey(view, me.gemeente);
  const certs = storedAttestations(db).filter((a): a is SignedCert => a.attestation.type === 'regie-device-cert-v1' && a.attestation.device === me.publicKey && a.attestation.gemeente === me.gemeente);
  certs.sort((a, b) => (a.attestation.from < b.attestation.from ? 1 : -1));
  return certs.find((c) => c.attestation.issuer === key) ?? certs[0];
}

export function certify(privateKey: string, body: Omit<CertBody, 'type'>): SignedCert {
  return signAttestation(privateKey, { type: 'regie-device-cert-v1', ...body });
}

/**
 * The first laptop of a gemeente (at init, or an upgraded copy from before gemeente keys): a new gemeente
 * key, trusted as this gemeente's root, which certifies this device. Changes no shared state.
 */
export function foundGemeente(db: Db, me: LocalIdentity, now = new Date()): GemeenteKeyRow {
  const keys = generateDeviceKeys();
  const row: GemeenteKeyRow = { publicKey: keys.publicKey, gemeente: me.gemeente, privateKey: keys.privateKey, createdAt: now.toISOString() };
  db.transaction(() => {
    storeGemeenteKey(db, row);
    setRoot(db, me.gemeente, row.publicKey, now);
    const cert = certify(row.privateKey!, { gemeente: me.gemeente, issuer: row.publicKey, device: me.publicKey, label: me.deviceLabel, from: me.createdAt });
    addAttestations(db, [cert], now.toISOString());
    syncTrust(db, undefined, now);
  })();
  return row;
}

const JOIN_PENDING = 'join_pending';

export function markJoinPending(db: Db): void {
  stmt(db, "INSERT INTO settings (key, value) VALUES (?, '1') ON CONFLICT (key) DO NOTHING").run(JOIN_PENDING);
}

export function clearJoinPending(db: Db): void {
  stmt(db, 'DELETE FROM settings WHERE key = ?').run(JOIN_PENDING);
}

export function joinPending(db: Db): boolean {
  return stmt(db, 'SELECT 1 FROM settings WHERE key = ?').get(JOIN_PENDING) !== undefined;
}

/**
 * An upgraded copy (set up before gemeente keys) gets its gemeente key now: all its data and entries stay
 * as they are. A laptop that asked to join a gemeente waits for its certificate instead.
 */
export function ensureGemeenteKey(db: Db, me: LocalIdentity | undefined): void {
  if (!me || joinPending(db)) return;
  if (readRoots(db).has(me.gemeente)) return;
  foundGemeente(db, me);
}

/**
 * The statements a plan file brings, checked against this copy before anything changes: each must be
 * signed as it says, and a statement of a gemeente this copy trusts must be signed by that gemeente's key.
 * Throws PlanFileError for the first one that does not hold. Returns the view with the file's statements.
 */
export interface FileAttestations {
  view: TrustView;
  /** The file's statements that hold (or that this copy cannot judge: of gemeenten it does not trust). */
  accepted: Attestation[];
  /** Throws PlanFileError for the first of the file's statements that does not hold. */
  refuseBad: () => void;
}

export function checkFileAttestations(db: Db, fromFile: Attestation[], senderGemeente: string): FileAttestations {
  const view = trustView(db, fromFile);
  const refused = new Map(view.refused.map((r) => [attestationId(r.attestation), r]));
  const select = stmt(db, 'SELECT gemeente, trusted FROM authors WHERE public_key = ?');
  const bad: string[] = [];
  const accepted: Attestation[] = [];
  for (const a of fromFile) {
    // Addressed to a new laptop at its install only (see installCertificate): not kept, not passed on.
    if (a.attestation.type === 'regie-partner-roots-v1') continue;
    const refusal = refused.get(attestationId(a));
    if (refusal === undefined) {
      accepted.push(a);
      continue;
    }
    // Relayed for a third gemeente and signed by a key of no gemeente this copy knows (for instance a second
    // laptop of that gemeente set up on its own, before the gemeente shared one key): not taken, not passed
    // on, and nothing is trusted because of it. From the sender's own gemeente it is refused.
    if (refusal.unknownIssuer && a.attestation.gemeente !== senderGemeente) continue;
    const reason = refusal.reason;
    // A laptop trusted on its own (set up before its gemeente had one key, or trusted by its own card) may
    // carry a certificate of a gemeente key this copy does not know: it is ignored, the laptop stays trusted.
    const known = a.attestation.type === 'regie-device-cert-v1' ? (select.get(a.attestation.device) as { gemeente: string; trusted: number } | undefined) : undefined;
    if (known?.trusted === 1 && known.gemeente === a.attestation.gemeente && isSelfConsistent(a)) continue;
    bad.push(reason);
  }
  for (const [device, cert] of view.certs) {
    const known = select.get(device) as { gemeente: string } | undefined;
    if (known && known.gemeente !== cert.gemeente) bad.push(keyMovesMessage(known.gemeente, cert.gemeente));
  }
  return {
    view,
    accepted,
    refuseBad: () => {
      if (bad.length) throw new PlanFileError(bad[0]!);
    },
  };
}

/** The statements a plan file carries: all held, except those this copy found not to hold. */
export function relayedAttestations(db: Db): string[] {
  const view = trustView(db);
  const refused = new Set(view.refused.map((r) => attestationId(r.attestation)));
  return storedAttestations(db)
    .filter((a) => !refused.has(attestationId(a)) && a.attestation.type !== 'regie-partner-roots-v1')
    .map(attestationLine);
}

/** Certifies this laptop's (new) key with the gemeente key, when this laptop holds it. */
export function certifySelf(db: Db, me: LocalIdentity, now = new Date()): boolean {
  const key = ownGemeenteKey(db, me);
  if (!key?.privateKey) return false;
  db.transaction(() => {
    addAttestations(db, [certify(key.privateKey!, { gemeente: me.gemeente, issuer: key.publicKey, device: me.publicKey, label: me.deviceLabel, from: now.toISOString() })], now.toISOString());
    syncTrust(db, undefined, now);
  })();
  return true;
}
